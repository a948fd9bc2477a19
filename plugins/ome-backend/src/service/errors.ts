import { CustomErrorBase } from '@backstage/errors';
import {
  OmeErrorDetails,
  OmeFieldError,
  OmeKind,
} from '@ome-console/plugin-ome-common';
import {
  ClusterRequestError,
  ClusterRequestFailure,
  KubernetesStatus,
} from './KubernetesProxyClient';

/**
 * An error the OME backend answers with a given HTTP status, Backstage's error body and
 * OME's `details` (field errors, the live object of a conflict, ...).
 */
export class OmeHttpError extends CustomErrorBase {
  constructor(
    readonly statusCode: number,
    name: string,
    message: string,
    readonly details?: OmeErrorDetails,
    /** Kept for logs; not appended to the message, which is complete for the caller. */
    readonly origin?: unknown,
  ) {
    super(message);
    this.name = name;
  }

  /** Why the cluster refused, when the error is a cluster's answer (e.g. `not-found`). */
  get reason(): ClusterRequestFailure | undefined {
    return this.origin instanceof ClusterRequestError ? this.origin.reason : undefined;
  }
}

export function unprocessable(
  message: string,
  details: OmeErrorDetails,
): OmeHttpError {
  return new OmeHttpError(422, 'UnprocessableEntityError', message, details);
}

export function badRequest(message: string): OmeHttpError {
  return new OmeHttpError(400, 'InputError', message);
}

export function notFound(message: string, cluster?: string): OmeHttpError {
  return new OmeHttpError(404, 'NotFoundError', message, cluster ? { cluster } : undefined);
}

/** `spec.a[0].b` (the apiserver's field paths) → `spec.a.0.b` (ome-common's). */
export function normalizeFieldPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

/** Field errors from the `details.causes` of an apiserver 422. */
function causesToFieldErrors(status?: KubernetesStatus): OmeFieldError[] {
  const causes = (status?.details as { causes?: unknown })?.causes;
  if (!Array.isArray(causes)) return [];
  return causes
    .filter(c => c && typeof c === 'object')
    .map(c => {
      const { field, message } = c as { field?: unknown; message?: unknown };
      return {
        path: typeof field === 'string' ? normalizeFieldPath(field) : '',
        message: typeof message === 'string' ? message : 'is invalid',
      };
    });
}

const ADMISSION_MARKERS = [
  'ValidatingAdmissionPolicy',
  'admission webhook',
  'denied the request',
  'denied request',
];

/** Whether a 403 of the apiserver came from admission (a policy or webhook) rather than RBAC. */
export function isAdmissionDenial(status?: KubernetesStatus): boolean {
  const message = status?.message ?? '';
  return ADMISSION_MARKERS.some(m => message.includes(m));
}

/** The first field path (`spec.x.y`) an admission message names, if any. */
function fieldNamedIn(message: string): string | undefined {
  const m = /\b((?:spec|metadata)(?:\.[A-Za-z0-9_-]+|\[\d+\])+)/.exec(message);
  return m ? normalizeFieldPath(m[1]) : undefined;
}

/** 422 for a request an admission policy or webhook denied, naming the field if it can. */
function admissionDenial(error: ClusterRequestError): OmeHttpError {
  const message = error.kubernetesStatus?.message ?? error.message;
  return new OmeHttpError(422, 'UnprocessableEntityError', error.message, {
    cluster: error.cluster,
    rejectedBy: 'admission',
    fieldErrors: [{ path: fieldNamedIn(message) ?? '', message }],
  }, error);
}

/**
 * Maps a failed request to one cluster to the answer the OME backend gives its caller: the
 * caller's mistakes keep their 4xx, a cluster that cannot be reached is a 503 naming it, and
 * a failure of the cluster itself is a 502 naming it.
 */
export function toHttpError(
  error: ClusterRequestError,
  context: { kind?: OmeKind } = {},
): OmeHttpError {
  const { cluster, reason } = error;
  const status = error.kubernetesStatus;
  const details: OmeErrorDetails = { cluster };
  switch (reason) {
    case 'unreachable':
      return new OmeHttpError(503, 'ServiceUnavailableError', error.message, details, error);
    case 'unknown-cluster':
      return new OmeHttpError(404, 'NotFoundError', `Unknown cluster '${cluster}'`, details, error);
    case 'not-installed':
      return new OmeHttpError(
        404,
        'NotFoundError',
        `${context.kind ?? 'This OME kind'} is not installed on cluster '${cluster}' (its CRD is absent)`,
        details,
        error,
      );
    case 'not-found':
      return new OmeHttpError(404, 'NotFoundError', error.message, details, error);
    case 'forbidden':
      if (error.statusCode === 401) {
        return new OmeHttpError(503, 'ServiceUnavailableError', error.message, details, error);
      }
      // Webhooks and policies with reason Forbidden deny with 403.
      if (isAdmissionDenial(status)) return admissionDenial(error);
      return new OmeHttpError(403, 'NotAllowedError', error.message, details, error);
    default:
      break;
  }
  switch (error.statusCode) {
    case 400:
      return new OmeHttpError(400, 'InputError', error.message, details, error);
    case 409:
      return new OmeHttpError(409, 'ConflictError', error.message, details, error);
    case 422: {
      // A ValidatingAdmissionPolicy without a `reason` denies with 422 Invalid.
      if (isAdmissionDenial(status)) return admissionDenial(error);
      const fieldErrors = causesToFieldErrors(status);
      return new OmeHttpError(422, 'UnprocessableEntityError', error.message, {
        ...details,
        rejectedBy: 'schema',
        fieldErrors: fieldErrors.length ? fieldErrors : [{ path: '', message: error.message }],
      }, error);
    }
    case 404:
      return new OmeHttpError(404, 'NotFoundError', error.message, details, error);
    default:
      return new OmeHttpError(502, 'ClusterError', error.message, details, error);
  }
}
