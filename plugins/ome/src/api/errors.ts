import { OmeErrorDetails } from '@ome-console/plugin-ome-common';
import { isOmeApiError } from './OmeApiError';

// The names and signatures the client's rewrite on ResponseError uses (see the contract
// work); until it lands they read today's OmeApiError.

/** The OME backend's `details` of a failed call (409 live object, 422 fieldErrors, warnings, cluster). */
export function omeErrorDetails(error: unknown): OmeErrorDetails | undefined {
  return isOmeApiError(error) ? error.details : undefined;
}

/** The HTTP status of a failed call, undefined for other errors. */
export function omeErrorStatus(error: unknown): number | undefined {
  return isOmeApiError(error) ? error.statusCode : undefined;
}
