import { InputError } from '@backstage/errors';
import {
  OME_API_GROUP,
  OME_KINDS,
  OmeClusterInfo,
  OmeKind,
  OmeKindAvailability,
} from '@ome-console/plugin-ome-common';
import {
  KubernetesClusterSummary,
  KubernetesProxyClient,
} from './KubernetesProxyClient';
import { ClusterRequestFailure, clusterFailureOf } from './errors';
import { OmeResourceCache } from './cache/OmeResourceCache';

/** Failed probes that still show the cluster's apiserver answered. */
const REACHABLE_FAILURES: ReadonlySet<ClusterRequestFailure> = new Set([
  'forbidden',
  'not-installed',
]);

/** How long the kubernetes backend's cluster list is reused (one request answers many). */
const CLUSTER_LIST_TTL_MS = 5_000;

/** The clusters of the kubernetes backend, with their reachability. */
export class ClusterService {
  readonly #client: KubernetesProxyClient;
  readonly #probeTimeoutMs: number;
  readonly #ttlMs: number;
  readonly #cache?: OmeResourceCache;
  #cached?: { at: number; clusters: Promise<KubernetesClusterSummary[]> };

  constructor(options: {
    client: KubernetesProxyClient;
    /** How long a reachability probe (`GET /version`) may take. */
    probeTimeoutMs: number;
    /** How long the cluster list is reused; 5 s by default. */
    cacheTtlMs?: number;
    /** The watch-backed cache, whose view of each cluster `listClusters` reports. */
    cache?: OmeResourceCache;
  }) {
    this.#cache = options.cache;
    this.#client = options.client;
    this.#probeTimeoutMs = options.probeTimeoutMs;
    this.#ttlMs = options.cacheTtlMs ?? CLUSTER_LIST_TTL_MS;
  }

  /** The kubernetes backend's clusters, asked at most once per TTL (a failure is not kept). */
  #summaries(): Promise<KubernetesClusterSummary[]> {
    const now = Date.now();
    if (!this.#cached || now - this.#cached.at > this.#ttlMs) {
      const clusters = this.#client.listClusters();
      const entry = { at: now, clusters };
      this.#cached = entry;
      clusters.catch(() => {
        if (this.#cached === entry) this.#cached = undefined;
      });
    }
    return this.#cached.clusters;
  }

  async listClusterNames(): Promise<string[]> {
    return (await this.#summaries()).map(c => c.name);
  }

  /**
   * `requested` when every name in it is a cluster of the kubernetes backend (undefined:
   * all clusters); else a 400 naming the unknown ones.
   */
  async known(requested: string[] | undefined): Promise<string[] | undefined> {
    if (!requested) return undefined;
    const known = new Set(await this.listClusterNames());
    const unknown = requested.filter(c => !known.has(c));
    if (unknown.length) {
      throw new InputError(
        `query parameter cluster: unknown cluster${
          unknown.length > 1 ? 's' : ''
        } ${unknown.map(c => `'${c}'`).join(', ')}`,
      );
    }
    return requested;
  }

  /**
   * Every cluster, each probed concurrently with `GET /version` and a short timeout, with
   * how the cache sees it: a cluster the cache finds down (its apiserver or etcd fails) is
   * not reachable, whatever `/version` answered.
   */
  async listClusters(): Promise<OmeClusterInfo[]> {
    const clusters = await this.#summaries();
    await this.#cache?.ensureStarted();
    return Promise.all(
      clusters.map(async c => {
        const info = await this.#probe(c);
        if (!this.#cache) return info;
        const cache = this.#cache.status(c.name);
        if (cache.state === 'down') {
          return {
            ...info,
            reachable: false,
            error: info.error ?? cache.message,
            cache,
          };
        }
        return { ...info, cache };
      }),
    );
  }

  /**
   * Which OME kinds a cluster serves, and in which versions of the `ome.io` group, from the
   * apiserver's discovery documents (readable by every authenticated client).
   */
  async discoverKinds(cluster: string): Promise<OmeKindAvailability[]> {
    const versions = new Map<OmeKind, string[]>();
    let group: { versions?: Array<{ version?: string }> } | undefined;
    try {
      group = await this.#client.request(cluster, `/apis/${OME_API_GROUP}`, {
        timeoutMs: this.#probeTimeoutMs,
      });
    } catch (error) {
      if (clusterFailureOf(error)?.statusCode !== 404) {
        throw error;
      }
    }
    const served = (group?.versions ?? [])
      .map(v => v.version)
      .filter((v): v is string => typeof v === 'string');
    await Promise.all(
      served.map(async version => {
        const list = await this.#client.request<{
          resources?: Array<{ kind?: string; name?: string }>;
        }>(cluster, `/apis/${OME_API_GROUP}/${version}`, {
          timeoutMs: this.#probeTimeoutMs,
        });
        for (const r of list?.resources ?? []) {
          const info = OME_KINDS.find(
            k => k.kind === r.kind && k.plural === r.name,
          );
          if (info)
            versions.set(info.kind, [
              ...(versions.get(info.kind) ?? []),
              version,
            ]);
        }
      }),
    );
    return OME_KINDS.map(({ kind }) => ({
      kind,
      installed: versions.has(kind),
      versions: (versions.get(kind) ?? []).sort(),
    }));
  }

  async #probe(cluster: KubernetesClusterSummary): Promise<OmeClusterInfo> {
    const title = cluster.title ? { title: cluster.title } : {};
    try {
      const version = await this.#client.request<{ gitVersion?: string }>(
        cluster.name,
        '/version',
        { timeoutMs: this.#probeTimeoutMs },
      );
      const kinds = await this.discoverKinds(cluster.name).catch(
        () => undefined,
      );
      return {
        name: cluster.name,
        ...title,
        reachable: true,
        ...(typeof version?.gitVersion === 'string' && {
          version: version.gitVersion,
        }),
        ...(kinds && { kinds }),
      };
    } catch (error) {
      const reason = clusterFailureOf(error)?.reason ?? 'error';
      return {
        name: cluster.name,
        ...title,
        // Only an answer of the cluster's apiserver itself shows it is reachable: a refusal
        // (401/403) or a 404 for a missing API. Anything else (no answer, a failure of the
        // kubernetes backend, a cluster it does not know) does not.
        reachable: REACHABLE_FAILURES.has(reason),
        error: (error as Error)?.message ?? String(error),
      };
    }
  }
}
