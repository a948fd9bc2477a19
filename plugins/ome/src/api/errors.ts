import { ResponseError } from '@backstage/errors';
import { OmeErrorDetails } from '@ome-console/plugin-ome-common';

// The OmeClient rejects with Backstage's ResponseError; the OME backend adds `details` to
// Backstage's error body ({ error, request, response, details }). These read it for the pages.

function isResponseError(error: unknown): error is ResponseError {
  // by name, not instanceof: the error may come from another bundle's copy of @backstage/errors
  return (
    !!error &&
    typeof error === 'object' &&
    (error as Error).name === 'ResponseError' &&
    typeof (error as ResponseError).statusCode === 'number'
  );
}

/**
 * The OME backend's `details` of a failed call: the live object of a 409, the field errors
 * of a 422, the cluster's warnings, the cluster concerned.
 * @public
 */
export function omeErrorDetails(error: unknown): OmeErrorDetails | undefined {
  if (!isResponseError(error)) return undefined;
  const details = (error.body as { details?: unknown } | undefined)?.details;
  return details && typeof details === 'object' && !Array.isArray(details)
    ? (details as OmeErrorDetails)
    : undefined;
}

/**
 * The HTTP status of a failed call; undefined for errors that are not an answer (network).
 * @public
 */
export function omeErrorStatus(error: unknown): number | undefined {
  return isResponseError(error) ? error.statusCode : undefined;
}

/**
 * What to tell the user about a failed call: the server's message for an answer (a
 * ResponseError's own message only names the status), else the error's message.
 * @public
 */
export function omeErrorMessage(error: unknown): string {
  if (isResponseError(error)) {
    const message = error.body?.error?.message;
    if (typeof message === 'string' && message) return message;
  }
  if (error instanceof Error) return error.message;
  return String(error ?? 'Unknown error');
}
