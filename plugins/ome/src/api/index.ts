export { omeApiRef } from './OmeApi';
export type {
  JSONSchema,
  OmeApi,
  OmeCreateDecision,
  OmeCreateTarget,
  OmeRequestOptions,
  OmeResourceTarget,
  OmeWriteOptions,
} from './OmeApi';
export { OmeClient } from './OmeClient';
export { OmeApiError, isOmeApiError } from './OmeApiError';
export { omeErrorDetails, omeErrorStatus } from './errors';
