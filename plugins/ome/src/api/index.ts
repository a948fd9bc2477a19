export { omeApiRef } from './OmeApi';
export type {
  OmeApi,
  OmeCreateDecision,
  OmeCreateTarget,
  OmeJsonSchema,
  OmeLogQuery,
  OmeRequestOptions,
  OmeServiceRef,
  OmeWriteOptions,
} from './OmeApi';
export type {
  OmeCountsResponse,
  OmeKindCounts,
  OmeModelRuntimesResponse,
  OmeRuntimeModelsResponse,
  OmeEventsResponse,
  OmeModelProgressResponse,
  OmePodsResponse,
} from './contract';
export { OmeClient } from './OmeClient';
export { omeErrorDetails, omeErrorMessage, omeErrorStatus } from './errors';
export { omeChangeStreamApiRef, omeChangeMatches } from './OmeChangeStreamApi';
export type {
  OmeChangeFilter,
  OmeChangeNotice,
  OmeChangeStreamApi,
} from './OmeChangeStreamApi';
export { OmeChangeStreamClient } from './OmeChangeStreamClient';
