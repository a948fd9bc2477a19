/**
 * Backstage frontend plugin for OME (Open Model Engine).
 *
 * Legacy frontend system exports; the new frontend system plugin is the default
 * export of `@ome-console/plugin-ome/alpha`.
 *
 * @packageDocumentation
 */
export { omePlugin, OmePage, EntityOmeContent, EntityOmeCard } from './plugin';
export { isOmeAvailable, omeEntityFilter } from './entity';
export {
  omeApiRef,
  omeChangeStreamApiRef,
  OmeChangeStreamClient,
  OmeClient,
  omeErrorDetails,
  omeErrorMessage,
  omeErrorStatus,
} from './api';
export type {
  OmeApi,
  OmeChangeFilter,
  OmeChangeNotice,
  OmeChangeStreamApi,
  OmeCountsResponse,
  OmeCreateDecision,
  OmeCreateTarget,
  OmeJsonSchema,
  OmeKindCounts,
  OmeModelRuntimesResponse,
  OmeRequestOptions,
  OmeRuntimeModelsResponse,
  OmeWriteOptions,
} from './api';
export type {
  OmeEventsResponse,
  OmeLogQuery,
  OmeModelProgressResponse,
  OmePodsResponse,
  OmeServiceRef,
} from './api';
export { rootRouteRef as omeRootRouteRef } from './routes';
export { useOmeChanges } from './hooks/useOmeChanges';
