import {
  OmeErrorDetails,
  OmeFieldError,
  OmeKind,
  omeKindByPlural,
} from '@ome-console/plugin-ome-common';
import {
  ConflictError,
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ClusterError,
  ClusterRequestFailure,
  UnprocessableEntityError,
  withDetails,
} from './errors';

/** A Kubernetes `Status` object, as the apiserver returns it with an error. */
export interface KubernetesStatus {
  kind: 'Status';
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    [k: string]: unknown;
  };
}

/** A failed request to one cluster through the kubernetes backend's proxy. */
export class ClusterRequestError extends CustomErrorBase {
  name = 'ClusterRequestError' as const;

  constructor(
    readonly cluster: string,
    readonly reason: ClusterRequestFailure,
    message: string,
    readonly statusCode?: number,
    readonly kubernetesStatus?: KubernetesStatus,
    cause?: unknown,
  ) {
    super(message, cause);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isKubernetesStatus(body: unknown): body is KubernetesStatus {
  return (
    !!body &&
    typeof body === 'object' &&
    (body as { kind?: unknown }).kind === 'Status'
  );
}

export interface SerializedBackstageError {
  name?: string;
  message?: string;
  cause?: SerializedBackstageError;
  code?: string;
}

/** The `error` of a Backstage error body (as the kubernetes backend answers), if it is one. */
export function backstageError(
  body: unknown,
): SerializedBackstageError | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const error = (body as { error?: unknown }).error;
  if (!error || typeof error !== 'object') return undefined;
  return error as SerializedBackstageError;
}

/** The messages of an error's causes that its own message does not already include. */
function describeCause(error: SerializedBackstageError): string {
  const parts: string[] = [];
  const seen = error.message ?? '';
  let cause = error.cause;
  for (let i = 0; cause && i < 3; i++, cause = cause.cause) {
    if (cause.message && !seen.includes(cause.message))
      parts.push(cause.message);
  }
  return parts.length ? `: ${parts.join(': ')}` : '';
}

/**
 * What `path` (query string allowed) addresses in an API group: the collection of a kind,
 * `/apis/<group>/<version>[/namespaces/<ns>]/<plural>`, one object of it (`.../<plural>/<name>`),
 * or something else (a subresource, discovery, `/version`, ...).
 */
function apiGroupPathType(path: string): 'collection' | 'object' | 'other' {
  const [pathname] = path.split('?', 1);
  const prefix = '^/apis/[^/]+/[^/]+(/namespaces/[^/]+)?/[^/]+';
  if (new RegExp(`${prefix}/?$`).test(pathname)) return 'collection';
  if (new RegExp(`${prefix}/[^/]+/?$`).test(pathname)) return 'object';
  return 'other';
}

/** How the apiserver's 404 without an object name is read, by what was asked. */
const MISSING_API_REASON: Record<
  ReturnType<typeof apiGroupPathType>,
  ClusterRequestFailure
> = {
  // The kind (or its whole API group) is not served: its CRD is not installed.
  collection: 'not-installed',
  // The object cannot exist when its kind does not.
  object: 'not-found',
  other: 'error',
};

/**
 * Classifies a failed answer of the kubernetes backend's proxy to a request for `path` (the
 * Kubernetes API path, query string allowed). Error bodies differ by where they come from: the
 * apiserver answers with a Kubernetes `Status` (or Go's plain `404 page not found` for a
 * resource or API group it does not serve), the kubernetes backend with a serialized Backstage
 * error (an unreachable cluster is a 500 whose message names the cluster, an unknown cluster a
 * 404 `NotFoundError`).
 *
 * `not-installed` is only concluded from the apiserver's own 404 (never the kubernetes
 * backend's) for a collection path: a missing object names itself in the Status's `details`,
 * a missing kind does not.
 */
export function classifyProxyError(
  cluster: string,
  statusCode: number,
  bodyText: string,
  path: string,
): ClusterRequestError {
  const body = parseJson(bodyText);
  const pathType = apiGroupPathType(path);

  if (isKubernetesStatus(body)) {
    const message = body.message || body.reason || `HTTP ${statusCode}`;
    let reason: ClusterRequestFailure;
    if (statusCode === 404) {
      if (body.details?.name) {
        reason = 'not-found';
      } else if ((body.reason ?? 'NotFound') === 'NotFound') {
        reason = MISSING_API_REASON[pathType];
      } else {
        reason = 'error';
      }
    } else if (statusCode === 403 || statusCode === 401) {
      reason = 'forbidden';
    } else {
      reason = 'error';
    }
    const prefix =
      statusCode === 401
        ? `Cluster '${cluster}' rejected the kubernetes backend's credential`
        : `Cluster '${cluster}'`;
    return new ClusterRequestError(
      cluster,
      reason,
      `${prefix}: ${message}`,
      statusCode,
      body,
    );
  }

  const bsError = backstageError(body);
  if (bsError) {
    const message = bsError.message ?? `HTTP ${statusCode}`;
    if (statusCode >= 500 && message.includes(`'${cluster}'`)) {
      return new ClusterRequestError(
        cluster,
        'unreachable',
        `Cluster '${cluster}' is unreachable (${message}${describeCause(
          bsError,
        )})`,
        statusCode,
      );
    }
    if (statusCode === 404) {
      return new ClusterRequestError(
        cluster,
        'unknown-cluster',
        `The kubernetes backend does not know cluster '${cluster}' (${message})`,
        statusCode,
      );
    }
    if (statusCode === 401 || statusCode === 403) {
      return new ClusterRequestError(
        cluster,
        'forbidden',
        `The kubernetes backend refused the request for cluster '${cluster}': ${message}`,
        statusCode,
      );
    }
    return new ClusterRequestError(
      cluster,
      'error',
      `Request to cluster '${cluster}' failed: ${message}`,
      statusCode,
    );
  }

  const text = bodyText.trim().slice(0, 200);
  if (
    statusCode === 404 &&
    pathType !== 'other' &&
    /^404 page not found$/i.test(text)
  ) {
    // The apiserver's plain answer for a resource (or API group) it does not serve.
    return new ClusterRequestError(
      cluster,
      MISSING_API_REASON[pathType],
      `Cluster '${cluster}': ${text}`,
      statusCode,
    );
  }
  if (statusCode === 502 || statusCode === 503 || statusCode === 504) {
    return new ClusterRequestError(
      cluster,
      'unreachable',
      `Cluster '${cluster}' is unreachable (HTTP ${statusCode}${
        text ? `: ${text}` : ''
      })`,
      statusCode,
    );
  }
  let detail = text ? `: ${text}` : '';
  if (!text && statusCode === 404) {
    detail = ' (is the kubernetes backend configured?)';
  }
  return new ClusterRequestError(
    cluster,
    'error',
    `Request to cluster '${cluster}' failed with HTTP ${statusCode}${detail}`,
    statusCode,
  );
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

/** The error the OME backend answers with for a failed request to one cluster. */
export type ClusterAnswerError = Error & {
  details: OmeErrorDetails;
  clusterFailure: {
    cluster: string;
    reason: ClusterRequestFailure;
    statusCode?: number;
  };
};

/**
 * Maps a failed request to one cluster, ONCE, at the boundary with the kubernetes backend,
 * to the `@backstage/errors` error the caller gets: the caller's mistakes keep their 4xx, a
 * cluster that cannot be reached is a 503 naming it, and a failure of the cluster itself is
 * a 502 naming it. Every error carries `details` (at least the cluster) and the cluster
 * failure (reason and status) that cross-cluster answers report.
 */
export function toHttpError(
  error: ClusterRequestError,
  context: { kind?: OmeKind } = {},
): ClusterAnswerError {
  const { cluster, reason } = error;
  const status = error.kubernetesStatus;
  const details: OmeErrorDetails = { cluster };
  const clusterFailure = {
    cluster,
    reason,
    ...(error.statusCode !== undefined && { statusCode: error.statusCode }),
  };
  const answer = (
    e: Error,
    more: Partial<OmeErrorDetails> = {},
  ): ClusterAnswerError =>
    withDetails(e, {
      details: { ...details, ...more },
      clusterFailure,
    }) as ClusterAnswerError;
  /** 422 for a request an admission policy or webhook denied, naming the field if it can. */
  const admissionDenial = () => {
    const message = status?.message ?? error.message;
    return answer(new UnprocessableEntityError(error.message), {
      rejectedBy: 'admission',
      fieldErrors: [{ path: fieldNamedIn(message) ?? '', message }],
    });
  };
  switch (reason) {
    case 'unreachable':
      return answer(new ServiceUnavailableError(error.message));
    case 'unknown-cluster':
      return answer(new NotFoundError(error.message));
    case 'not-installed':
      return answer(
        new NotFoundError(
          `${
            context.kind ?? 'This OME kind'
          } is not installed on cluster '${cluster}' (its CRD is absent)`,
        ),
      );
    case 'not-found':
      return answer(new NotFoundError(error.message));
    case 'forbidden':
      // The cluster refused the kubernetes backend's own credential: not the caller's doing.
      if (error.statusCode === 401)
        return answer(new ServiceUnavailableError(error.message));
      // Webhooks and policies with reason Forbidden deny with 403.
      if (isAdmissionDenial(status)) return admissionDenial();
      return answer(new NotAllowedError(error.message));
    default:
      break;
  }
  switch (error.statusCode) {
    case 400:
      return answer(new InputError(error.message));
    case 409:
      return answer(new ConflictError(error.message));
    case 422: {
      // A ValidatingAdmissionPolicy without a `reason` denies with 422 Invalid.
      if (isAdmissionDenial(status)) return admissionDenial();
      const fieldErrors = causesToFieldErrors(status);
      return answer(new UnprocessableEntityError(error.message), {
        rejectedBy: 'schema',
        fieldErrors: fieldErrors.length
          ? fieldErrors
          : [{ path: '', message: error.message }],
      });
    }
    case 404:
      return answer(new NotFoundError(error.message));
    default:
      return answer(new ClusterError(error.message));
  }
}

/** The OME kind whose collection or object a Kubernetes API path addresses, if any. */
export function kindOfApiPath(path: string): OmeKind | undefined {
  const m = /^\/apis\/ome\.io\/[^/]+(?:\/namespaces\/[^/]+)?\/([^/?]+)/.exec(
    path,
  );
  return m ? omeKindByPlural(m[1])?.kind : undefined;
}
