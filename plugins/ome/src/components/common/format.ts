/** Any value as short text for a table cell or card; never throws. */
export function display(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value)) {
    return value.length ? value.map(v => display(v)).join(', ') : '—';
  }
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Calls `fn`, returning `fallback` when it throws (odd objects never break a page). */
export function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** `metadata.name` etc. of an object of any shape. */
export function objectMeta(object: unknown): {
  name: string;
  namespace?: string;
  resourceVersion?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  creationTimestamp?: string;
} {
  const m =
    object && typeof object === 'object' && (object as any).metadata
      ? (object as any).metadata
      : {};
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const map = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as object).map(([k, x]) => [k, display(x)]),
        )
      : {};
  return {
    name: str(m.name) ?? '',
    namespace: str(m.namespace),
    resourceVersion: str(m.resourceVersion),
    labels: map(m.labels),
    annotations: map(m.annotations),
    creationTimestamp: str(m.creationTimestamp),
  };
}

/** Human title of a kind: `ClusterServingRuntime` → `Cluster serving runtimes`. */
export function kindTitle(kind: string, plural = true): string {
  const words = kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const title = words.charAt(0).toUpperCase() + words.slice(1);
  if (!plural) return title;
  return title.endsWith('s') ? `${title}es` : `${title}s`;
}
