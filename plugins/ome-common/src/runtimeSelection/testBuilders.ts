import type { BaseModelResource } from '../types';
import type { ServingRuntimeResource, ServingRuntimeSelectionSpec } from './types';
import type { SelectionModelSpec } from './matching';

/** A ServingRuntime (namespace given) or ClusterServingRuntime for tests. */
export function runtime(
  name: string,
  spec: ServingRuntimeSelectionSpec,
  namespace?: string,
): ServingRuntimeResource {
  return {
    apiVersion: 'ome.io/v1beta1',
    kind: namespace ? 'ServingRuntime' : 'ClusterServingRuntime',
    metadata: namespace ? { name, namespace } : { name },
    spec,
  };
}

/** A BaseModel (namespace given) or ClusterBaseModel for tests. */
export function model(
  spec: SelectionModelSpec,
  namespace?: string,
  name = 'm',
): BaseModelResource {
  return {
    apiVersion: 'ome.io/v1beta1',
    kind: namespace ? 'BaseModel' : 'ClusterBaseModel',
    metadata: namespace ? { name, namespace } : { name },
    spec,
  };
}
