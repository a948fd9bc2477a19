/** How the watch-backed cache behaves (`ome.cache` config; see config.ts). */
export interface CacheSettings {
  /** Off: every read passes through to the clusters, as without a cache. */
  enabled: boolean;
  /** `timeoutSeconds` of each watch: the apiserver ends it then and it is re-opened. */
  watchTimeoutSeconds: number;
  /** How often each cached cluster's `/readyz` is probed (its etcd included). */
  probeIntervalMs: number;
  /** How long one probe may take. */
  probeTimeoutMs: number;
  /** Longest wait between reconnection attempts while a cluster is down. */
  maxBackoffMs: number;
  /** How long a write waits for its own change to arrive through the watch. */
  readYourWritesTimeoutMs: number;
  /** How often a kind whose CRD is missing is looked for again. */
  crdRecheckMs: number;
  /** How often the kubernetes backend's cluster list is read again. */
  clusterRefreshMs: number;
}

export const DEFAULT_CACHE_SETTINGS: CacheSettings = {
  enabled: true,
  // Under Node fetch's 300 s body timeout even without bookmarks.
  watchTimeoutSeconds: 240,
  probeIntervalMs: 5_000,
  probeTimeoutMs: 5_000,
  maxBackoffMs: 30_000,
  readYourWritesTimeoutMs: 5_000,
  crdRecheckMs: 30_000,
  clusterRefreshMs: 30_000,
};

/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s, ... up to `maxMs`. */
export function backoffMs(failures: number, maxMs: number): number {
  const base = Math.min(maxMs, 500 * 2 ** Math.min(failures - 1, 16));
  return Math.round(base * (0.75 + Math.random() * 0.25));
}
