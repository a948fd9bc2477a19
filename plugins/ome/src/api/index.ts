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
export type { OmeCountsResponse, OmeKindCounts } from './contract';
export type {
  OmeEventsResponse,
  OmeModelProgressResponse,
  OmePodsResponse,
} from './contract';
export { OmeClient } from './OmeClient';
export { omeErrorDetails, omeErrorMessage, omeErrorStatus } from './errors';
