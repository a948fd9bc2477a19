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
  OmeClient,
  omeErrorDetails,
  omeErrorMessage,
  omeErrorStatus,
} from './api';
export type {
  OmeApi,
  OmeCountsResponse,
  OmeCreateDecision,
  OmeCreateTarget,
  OmeJsonSchema,
  OmeKindCounts,
  OmeRequestOptions,
  OmeWriteOptions,
} from './api';
export { rootRouteRef as omeRootRouteRef } from './routes';
