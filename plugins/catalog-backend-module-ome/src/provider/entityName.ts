import { createHash } from 'node:crypto';

/** The catalog's limit for `metadata.name`. */
export const ENTITY_NAME_MAX_LENGTH = 63;

/** What a Kubernetes object name, namespace or a tidy cluster name looks like. */
const CLEAN_SEGMENT = /^[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/;
const HASH_LENGTH = 8;

/** Where one OME object lives, as far as its entity name is concerned. */
export interface OmeEntityNameParts {
  cluster: string;
  /** Undefined for cluster-scoped kinds. */
  namespace?: string;
  name: string;
}

/**
 * The catalog entity name of an OME object: `<name>_<namespace>_<cluster>` (or
 * `<name>_<cluster>` for cluster-scoped kinds), so that the same object name in two clusters
 * or namespaces gives two entities. `_` never occurs in Kubernetes names, so the readable form
 * is unambiguous. When it would be longer than the catalog's 63 characters, or a part is not
 * a tidy DNS name (a cluster called `Prod A`), the name becomes a cut, cleaned prefix plus `-`
 * and 8 hex characters of the SHA-256 of the exact parts; the entity's title keeps the full
 * object name.
 */
export function omeEntityName(parts: OmeEntityNameParts): string {
  const segments = [parts.name, parts.namespace, parts.cluster].filter(
    (s): s is string => s !== undefined,
  );
  const readable = segments.join('_');
  if (
    segments.every(s => CLEAN_SEGMENT.test(s)) &&
    readable.length <= ENTITY_NAME_MAX_LENGTH
  ) {
    return readable;
  }
  const hash = createHash('sha256')
    .update(
      JSON.stringify([parts.cluster, parts.namespace ?? null, parts.name]),
    )
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const prefix = readable
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .slice(0, ENTITY_NAME_MAX_LENGTH - HASH_LENGTH - 1)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return prefix ? `${prefix}-${hash}` : hash;
}
