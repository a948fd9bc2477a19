import {
  KubernetesObject,
  OME_API_GROUP,
  OME_API_VERSION,
  OME_REDACTED_VALUE,
  OmeKind,
  OmePatchOperation,
} from '@ome-console/plugin-ome-common';

/** What replaces a secret value in objects the OME backend hands out. */
export const REDACTED_VALUE = OME_REDACTED_VALUE;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MODEL_KINDS = new Set<string>(['BaseModel', 'ClusterBaseModel']);

function redactModelSpec(spec: unknown): unknown {
  if (!spec || typeof spec !== 'object') return spec;
  const storage = (spec as { storage?: unknown }).storage;
  if (!storage || typeof storage !== 'object') return spec;
  const parameters = (storage as { parameters?: unknown }).parameters;
  if (
    !parameters ||
    typeof parameters !== 'object' ||
    !('token' in (parameters as object))
  ) {
    return spec;
  }
  return {
    ...(spec as object),
    storage: {
      ...(storage as object),
      parameters: { ...(parameters as object), token: REDACTED_VALUE },
    },
  };
}

/**
 * Prepares an object read from a cluster for an API response: drops
 * `metadata.managedFields`, fills `apiVersion`/`kind` when a list left them out, and redacts
 * the plaintext Hugging Face token a model may carry in `spec.storage.parameters.token`
 * (also inside kubectl's last-applied-configuration annotation).
 *
 * Objects returned here are for display only: an update must start from the object as
 * stored in the cluster, never from this redacted copy.
 */
export function sanitizeObject(
  kind: OmeKind,
  raw: KubernetesObject,
): KubernetesObject {
  const { managedFields: _managedFields, ...metadata } = raw.metadata ?? {
    name: '',
  };
  const object: KubernetesObject = {
    ...raw,
    apiVersion: raw.apiVersion ?? `${OME_API_GROUP}/${OME_API_VERSION}`,
    kind: raw.kind ?? kind,
    metadata,
  };
  if (MODEL_KINDS.has(kind)) {
    if (object.spec) {
      object.spec = redactModelSpec(object.spec) as KubernetesObject['spec'];
    }
    const lastApplied = metadata.annotations?.[LAST_APPLIED];
    if (lastApplied) {
      let replacement: string;
      try {
        const parsed = JSON.parse(lastApplied);
        replacement = JSON.stringify({
          ...parsed,
          spec: redactModelSpec(parsed?.spec),
        });
      } catch {
        replacement = REDACTED_VALUE;
      }
      object.metadata = {
        ...metadata,
        annotations: { ...metadata.annotations, [LAST_APPLIED]: replacement },
      };
    }
  }
  return object;
}

const TOKEN_PATH = ['spec', 'storage', 'parameters', 'token'];

/**
 * A patch as it may be shown: for models, a value at or above the token's path has the token
 * redacted (a client that sets a new token must not get it echoed).
 */
export function redactPatch(
  kind: OmeKind,
  patch: OmePatchOperation[],
): OmePatchOperation[] {
  if (!MODEL_KINDS.has(kind)) return patch;
  const redact = (path: string, value: unknown): unknown => {
    const segments = path.split('/').slice(1);
    if (segments.length > TOKEN_PATH.length) {
      return segments.slice(0, 4).join('/') === TOKEN_PATH.join('/')
        ? REDACTED_VALUE
        : value;
    }
    if (segments.some((s, i) => s !== TOKEN_PATH[i])) return value;
    if (segments.length === TOKEN_PATH.length) return REDACTED_VALUE;
    const rest = TOKEN_PATH.slice(segments.length);
    let node: unknown = value;
    for (const key of rest.slice(0, -1)) {
      node = (node as Record<string, unknown> | undefined)?.[key];
    }
    if (!node || typeof node !== 'object' || !(rest[rest.length - 1] in node)) {
      return value;
    }
    const copy = JSON.parse(JSON.stringify(value));
    let target = copy;
    for (const key of rest.slice(0, -1)) target = target[key];
    target[rest[rest.length - 1]] = REDACTED_VALUE;
    return copy;
  };
  return patch.map(op => ({
    ...op,
    ...('value' in op && { value: redact(op.path, op.value) }),
    ...('oldValue' in op && { oldValue: redact(op.path, op.oldValue) }),
  }));
}
