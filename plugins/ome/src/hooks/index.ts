// Data hooks of the OME pages: each one asks the OmeApi for one thing.
export { useAttention } from './useAttention';
export { useClusters } from './useClusters';
export { useDryRunThenWrite } from './useDryRunThenWrite';
export type { ClusterChoice } from './useClusters';
export { useCounts } from './useCounts';
export { useEntityInferenceServices } from './useEntityInferenceServices';
export type {
  EntityServiceRow,
  EntityServices,
} from './useEntityInferenceServices';
export { useMayCreate } from './useMayCreate';
export { useNamespaces } from './useNamespaces';
export { useResource } from './useResource';
export { useResourceList } from './useResourceList';
export {
  PAGE_SIZES,
  toOmeListQuery,
  useResourceListQuery,
} from './useResourceListQuery';
export type { ResourceListQuery } from './useResourceListQuery';
export { itemKey, useRowSelection } from './useRowSelection';
export { useOmeChanges } from './useOmeChanges';

export { useModelRuntimes } from './useModelRuntimes';
export { useRuntimeModels } from './useRuntimeModels';
export { LOG_LINES_KEPT, useLogStream } from './useLogStream';
export type { LogStreamState } from './useLogStream';
export {
  useModelProgress,
  useServiceEvents,
  useServicePods,
} from './useOperate';
