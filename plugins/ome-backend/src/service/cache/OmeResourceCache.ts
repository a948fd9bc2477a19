import { LoggerService } from '@backstage/backend-plugin-api';
import {
  KubernetesObject,
  OmeClusterCacheStatus,
  OmeKind,
} from '@ome-console/plugin-ome-common';
import {
  KubernetesClusterSummary,
  KubernetesProxyClient,
} from '../KubernetesProxyClient';
import { ClusterCache } from './ClusterCache';
import { StoreChange } from './KindStore';
import { ProxyStream } from './ProxyStream';
import { CacheSettings } from './settings';
import { OmeCacheChange, OmeChangeFeed } from './types';

/**
 * The kubernetes plugin's auth providers whose credential is the signed-in user's own
 * (sent by its frontend per request): the OME backend has no credential of its own there,
 * so such clusters cannot have a cache shared between users.
 */
const USER_AUTH_PROVIDERS = new Set(['oidc', 'google', 'aks']);

/** What the cache knows of one kind in one cluster, when it can answer for it. */
export type CacheRead =
  | {
      state: 'synced';
      objects: KubernetesObject[];
      /** Set while the cluster is down: the data is as of `since`. */
      stale?: { since: Date; ageSeconds: number; message: string };
    }
  | { state: 'not-installed' };

/**
 * The watch-backed cache of every cluster of the kubernetes backend that it may share
 * between users (see `USER_AUTH_PROVIDERS` and impersonation), per cluster and OME kind,
 * and the feed of its changes. Clusters are started lazily: on the first read, count or
 * subscription (so a backend nobody asks costs the clusters nothing).
 */
export class OmeResourceCache implements OmeChangeFeed {
  readonly #client: KubernetesProxyClient;
  readonly #stream: ProxyStream;
  readonly #settings: CacheSettings;
  readonly #logger: LoggerService;
  readonly #clusters = new Map<string, ClusterCache>();
  /** Clusters of the kubernetes backend that get no cache, and why. */
  readonly #uncached = new Map<string, OmeClusterCacheStatus['reason']>();
  readonly #listeners = new Set<(change: OmeCacheChange) => void>();
  #refreshed?: { at: number; done: Promise<void> };
  #stopped = false;

  constructor(options: {
    client: KubernetesProxyClient;
    stream: ProxyStream;
    settings: CacheSettings;
    logger: LoggerService;
  }) {
    this.#client = options.client;
    this.#stream = options.stream;
    this.#settings = options.settings;
    this.#logger = options.logger;
  }

  get enabled(): boolean {
    return this.#settings.enabled && !this.#stopped;
  }

  /**
   * Starts caching the clusters not cached yet (and stops those the kubernetes backend no
   * longer lists), reading its cluster list at most every `clusterRefreshMs`. Never throws:
   * without a cluster list, reads pass through.
   */
  ensureStarted(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    const now = Date.now();
    if (
      !this.#refreshed ||
      now - this.#refreshed.at > this.#settings.clusterRefreshMs
    ) {
      const entry = {
        at: now,
        done: this.#client.listClusters().then(
          clusters => this.#sync(clusters),
          error => {
            this.#logger.warn(
              `OME cache: could not list clusters: ${
                (error as Error)?.message
              }`,
            );
            if (this.#refreshed === entry) this.#refreshed = undefined;
          },
        ),
      };
      this.#refreshed = entry;
    }
    return this.#refreshed.done;
  }

  #sync(clusters: KubernetesClusterSummary[]): void {
    if (this.#stopped) return;
    const listed = new Set(clusters.map(c => c.name));
    for (const [name, cache] of this.#clusters) {
      if (!listed.has(name)) {
        this.#clusters.delete(name);
        cache.stop().catch(() => {});
      }
    }
    this.#uncached.clear();
    for (const c of clusters) {
      if (USER_AUTH_PROVIDERS.has(c.authProvider ?? '')) {
        this.#uncached.set(c.name, 'user-credentials');
      } else if (this.#client.impersonates(c.name)) {
        this.#uncached.set(c.name, 'impersonation');
      } else if (!this.#clusters.has(c.name)) {
        const cache = new ClusterCache({
          name: c.name,
          client: this.#client,
          stream: this.#stream,
          settings: this.#settings,
          logger: this.#logger,
          emit: (kind, changes) => this.#publish(c.name, kind, changes),
        });
        this.#clusters.set(c.name, cache);
        cache.start();
        this.#logger.info(`OME cache: watching cluster '${c.name}'`);
      }
    }
  }

  #publish(cluster: string, kind: OmeKind, changes: StoreChange[]): void {
    for (const change of changes) {
      const event: OmeCacheChange = { ...change, cluster, kind };
      for (const listener of this.#listeners) {
        try {
          listener(event);
        } catch (error) {
          this.#logger.error(
            `OME cache: a change listener failed: ${(error as Error)?.message}`,
          );
        }
      }
    }
  }

  subscribe(listener: (change: OmeCacheChange) => void): () => void {
    this.#listeners.add(listener);
    this.ensureStarted();
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #stale(
    cache: ClusterCache,
  ): Extract<CacheRead, { state: 'synced' }>['stale'] {
    if (!cache.down) return undefined;
    const since = cache.lastContact ?? cache.down.since;
    return {
      since,
      ageSeconds: Math.max(
        0,
        Math.round((Date.now() - since.getTime()) / 1000),
      ),
      message: cache.down.message,
    };
  }

  /** All objects of `kind` in `cluster` (stored form), or undefined: pass through. */
  read(cluster: string, kind: OmeKind): CacheRead | undefined {
    if (!this.enabled) return undefined;
    const cache = this.#clusters.get(cluster);
    const watch = cache?.watches.get(kind);
    if (!cache || !watch) return undefined;
    if (watch.state === 'not-installed' && !cache.down) {
      return { state: 'not-installed' };
    }
    if (!watch.hasSynced) return undefined;
    return {
      state: 'synced',
      objects: watch.store.values(),
      stale: this.#stale(cache),
    };
  }

  /**
   * One object (stored form) from the cache: `{ object: undefined }` when the synced cache
   * does not hold it; undefined when the cache cannot answer (pass through).
   */
  readOne(
    cluster: string,
    kind: OmeKind,
    namespace: string | undefined,
    name: string,
  ): { object?: KubernetesObject } | undefined {
    if (!this.enabled) return undefined;
    const watch = this.#clusters.get(cluster)?.watches.get(kind);
    if (!watch?.hasSynced) return undefined;
    return { object: watch.store.get(namespace, name) };
  }

  /** How `cluster` is cached, for `/clusters`. */
  status(cluster: string): OmeClusterCacheStatus {
    if (!this.#settings.enabled) return { state: 'off', reason: 'disabled' };
    const reason = this.#uncached.get(cluster);
    if (reason) return { state: 'off', reason };
    const cache = this.#clusters.get(cluster);
    if (!cache) return { state: 'off', reason: 'not-started' };
    if (cache.down) {
      const stale = this.#stale(cache)!;
      return {
        state: 'down',
        message: cache.down.message,
        staleSince: stale.since.toISOString(),
        dataAgeSeconds: stale.ageSeconds,
      };
    }
    const watches = [...cache.watches.values()];
    const syncing = watches.filter(w => w.state === 'syncing');
    if (syncing.length) {
      const failing = syncing.find(w => w.lastError);
      return {
        state: 'syncing',
        ...(failing && { message: failing.lastError }),
      };
    }
    return { state: 'synced' };
  }

  /**
   * Read-your-writes: resolves when the cache holds the write's answer `written` (as the
   * cluster stored it), or no longer holds the object when `deleted`. See KindWatch.written.
   */
  async written(
    cluster: string,
    kind: OmeKind,
    written: KubernetesObject,
    options: { deleted?: boolean } = {},
  ): Promise<void> {
    if (!this.enabled) return;
    await this.#clusters
      .get(cluster)
      ?.watches.get(kind)
      ?.written(written, !!options.deleted);
  }

  /** Stops every watch and probe (backend shutdown). */
  async stop(): Promise<void> {
    this.#stopped = true;
    const caches = [...this.#clusters.values()];
    this.#clusters.clear();
    this.#listeners.clear();
    await Promise.all(caches.map(c => c.stop()));
  }
}
