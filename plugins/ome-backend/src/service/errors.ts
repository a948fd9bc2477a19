import { CustomErrorBase, InputError } from '@backstage/errors';
import {
  OmeClusterError,
  OmeErrorDetails,
} from '@ome-console/plugin-ome-common';

/**
 * Why a request to one cluster failed. The first four are `OmeClusterError` reasons;
 * `not-found` (the object is missing) and `unknown-cluster` (the kubernetes backend does not
 * know the cluster) only concern single requests.
 */
export type ClusterRequestFailure =
  | OmeClusterError['reason']
  | 'not-found'
  | 'unknown-cluster';

/** The cluster behind an error and why its request failed (set where the error is made). */
export interface ClusterFailure {
  cluster: string;
  reason: ClusterRequestFailure;
  statusCode?: number;
}

/** What the OME backend's errors carry beside Backstage's name and message. */
export interface OmeErrorExtras {
  /** Sent to the caller as the body's `details`. */
  details?: OmeErrorDetails;
  /** Read by the backend itself (lists report it per cluster); never sent as such. */
  clusterFailure?: ClusterFailure;
}

/** 422: the request is well-formed, but the object breaks a schema or an admission rule. */
export class UnprocessableEntityError extends CustomErrorBase {
  name = 'UnprocessableEntityError' as const;
}

/** 502: a cluster failed (not the caller's mistake, not an unreachable cluster). */
export class ClusterError extends CustomErrorBase {
  name = 'ClusterError' as const;
}

/** The HTTP status of each error name the OME backend answers with. */
const STATUS_BY_NAME: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  UnprocessableEntityError: 422,
  ClusterError: 502,
  ServiceUnavailableError: 503,
};

/** The HTTP status an error answers with, when it is one of the known kinds. */
export function httpStatusOf(error: unknown): number | undefined {
  const name = (error as { name?: unknown })?.name;
  return typeof name === 'string' ? STATUS_BY_NAME[name] : undefined;
}

/** `error` with the details and cluster failure it carries. */
export function withDetails<E extends Error>(
  error: E,
  extras: OmeErrorExtras,
): E & OmeErrorExtras {
  return Object.assign(error, extras);
}

export function detailsOf(error: unknown): OmeErrorDetails | undefined {
  return (error as OmeErrorExtras | undefined)?.details;
}

export function clusterFailureOf(error: unknown): ClusterFailure | undefined {
  return (error as OmeErrorExtras | undefined)?.clusterFailure;
}

/** How a failed request to `cluster` is reported in a cross-cluster answer. */
export function toClusterError(
  cluster: string,
  error: unknown,
): OmeClusterError {
  const failure = clusterFailureOf(error);
  let reason: OmeClusterError['reason'] = 'error';
  if (
    failure &&
    failure.reason !== 'not-found' &&
    failure.reason !== 'unknown-cluster'
  ) {
    reason = failure.reason;
  }
  return {
    cluster: failure?.cluster ?? cluster,
    reason,
    message: (error as Error)?.message ?? String(error),
    ...(failure?.statusCode !== undefined && {
      statusCode: failure.statusCode,
    }),
  };
}

export function unprocessable(
  message: string,
  details: OmeErrorDetails,
): UnprocessableEntityError & OmeErrorExtras {
  return withDetails(new UnprocessableEntityError(message), { details });
}

export function badRequest(message: string): InputError {
  return new InputError(message);
}
