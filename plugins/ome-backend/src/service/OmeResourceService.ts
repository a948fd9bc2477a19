import { InputError } from '@backstage/errors';
import {
  KubernetesObject,
  OME_KINDS,
  OmeClusterError,
  OmeKindCounts,
  OmeObjectRef,
  omeObjectState,
  OmeKind,
  OmeListItem,
  OmeNamespace,
  OmeNamespacesResponse,
  omeKindInfo,
  omeResourcePath,
  parseOmeResourceRef,
} from '@ome-console/plugin-ome-common';
import { ClusterService } from './ClusterService';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { sanitizeObject } from './sanitize';
import { toClusterError } from './errors';
import { NotFoundError } from '@backstage/errors';
import { DEFAULT_MAX_PAGES, listAllPages } from './listPages';
import { OmeResourceCache } from './cache/OmeResourceCache';
import { matchesLabels, parseLabelSelector } from './cache/labelSelector';

/** A kind's objects across clusters, before permission filtering and paging. */
export interface ClusterListResult {
  items: OmeListItem[];
  /** Clusters that could not be listed. */
  errors: OmeClusterError[];
  /** Clusters that do not serve the kind. */
  notInstalled: string[];
}

/**
 * Reads OME resources of any kind in the `OME_KINDS` registry, across clusters: from the
 * watch-backed cache where it has synced, else (and for clusters it does not cache)
 * passing through to the clusters.
 */
export class OmeResourceService {
  readonly #client: KubernetesProxyClient;
  readonly #clusters: ClusterService;
  readonly #maxPages: number;
  readonly #cache?: OmeResourceCache;

  constructor(options: {
    client: KubernetesProxyClient;
    clusters: ClusterService;
    /** Most pages (of 500 objects) one list of one cluster may take; 1000 by default. */
    maxPages?: number;
    /** Without it, every read passes through. */
    cache?: OmeResourceCache;
  }) {
    this.#client = options.client;
    this.#clusters = options.clusters;
    this.#maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    this.#cache = options.cache;
  }

  /**
   * One cluster's objects of a kind from the cache (filtered like the apiserver would), or
   * undefined when the cache cannot answer for it (or not for this selector).
   */
  #fromCache(
    cluster: string,
    kind: OmeKind,
    labelSelector: string | undefined,
    namespace: string | undefined,
  ): { items: OmeListItem[]; error?: OmeClusterError } | undefined {
    const read = this.#cache?.read(cluster, kind);
    if (!read) return undefined;
    if (read.state === 'not-installed') {
      return {
        items: [],
        error: {
          cluster,
          reason: 'not-installed',
          message: `${kind} is not installed on cluster '${cluster}' (its CRD is absent)`,
        },
      };
    }
    const selector = labelSelector ? parseLabelSelector(labelSelector) : [];
    if (!selector) return undefined; // the apiserver explains what is wrong with it
    const items = read.objects
      .filter(
        o =>
          (!namespace || o.metadata?.namespace === namespace) &&
          matchesLabels(selector, o.metadata?.labels),
      )
      .map(object => ({ cluster, object }));
    const stale = read.stale;
    return {
      items,
      ...(stale && {
        error: {
          cluster,
          reason: 'unreachable' as const,
          message: `${stale.message}; serving the data cached ${
            stale.ageSeconds
          } s ago (as of ${stale.since.toISOString()})`,
          staleSince: stale.since.toISOString(),
          dataAgeSeconds: stale.ageSeconds,
        },
      }),
    };
  }

  /**
   * Lists a kind in every given cluster (all clusters by default) concurrently. A cluster
   * that fails goes to `errors`; the others are still listed.
   */
  async list(
    kind: OmeKind,
    options: {
      clusters?: string[];
      labelSelector?: string;
      /** Only these namespaces: one is asked of the apiserver directly (namespaced kinds). */
      namespaces?: string[];
    } = {},
  ): Promise<ClusterListResult> {
    const clusters =
      options.clusters ?? (await this.#clusters.listClusterNames());
    const namespace =
      omeKindInfo(kind).namespaced && options.namespaces?.length === 1
        ? options.namespaces[0]
        : undefined;
    await this.#cache?.ensureStarted();
    const results = await Promise.all(
      clusters.map(async cluster => {
        const cached = this.#fromCache(
          cluster,
          kind,
          options.labelSelector,
          namespace,
        );
        if (cached) return cached;
        try {
          const { items: objects } = await listAllPages(
            this.#client,
            cluster,
            kind,
            {
              labelSelector: options.labelSelector,
              namespace,
              maxPages: this.#maxPages,
            },
          );
          return {
            items: objects.map(o => ({
              cluster,
              object: sanitizeObject(kind, o),
            })),
          };
        } catch (error) {
          return { error: toClusterError(cluster, error) };
        }
      }),
    );
    const items: OmeListItem[] = [];
    const errors: OmeClusterError[] = [];
    const notInstalled: string[] = [];
    for (const r of results) {
      if (r.items) items.push(...r.items);
      if (r.error?.reason === 'not-installed')
        notInstalled.push(r.error.cluster);
      else if (r.error) errors.push(r.error);
    }
    if (
      options.labelSelector &&
      items.length === 0 &&
      errors.length > 0 &&
      errors.every(e => e.statusCode === 400)
    ) {
      // Every cluster refused the selector: the caller's mistake, not the clusters'.
      throw new InputError(
        `query parameter labelSelector: ${errors[0].message}`,
      );
    }
    return { items, errors, notInstalled };
  }

  /**
   * Per kind, how many objects `mayRead` allows in each cluster and state (all kinds read
   * concurrently; a cluster that fails is reported per kind, as lists do).
   */
  async counts(
    mayRead: (item: OmeListItem) => boolean,
    options: { clusters?: string[] } = {},
  ): Promise<OmeKindCounts[]> {
    const clusters =
      options.clusters ?? (await this.#clusters.listClusterNames());
    return Promise.all(
      OME_KINDS.map(async ({ kind }) => {
        const result = await this.list(kind, { clusters });
        const counts: OmeKindCounts = {
          kind,
          total: 0,
          byState: {},
          byCluster: {},
          errors: result.errors,
          notInstalled: result.notInstalled,
        };
        for (const item of result.items.filter(mayRead)) {
          const state = omeObjectState(kind, item.object);
          const cluster = (counts.byCluster[item.cluster] ??= {
            total: 0,
            byState: {},
          });
          counts.total += 1;
          cluster.total += 1;
          counts.byState[state] = (counts.byState[state] ?? 0) + 1;
          cluster.byState[state] = (cluster.byState[state] ?? 0) + 1;
        }
        return counts;
      }),
    );
  }

  /** Namespaces of every given cluster (all by default), with their labels. */
  async listNamespaces(
    options: { clusters?: string[] } = {},
  ): Promise<OmeNamespacesResponse> {
    const clusters =
      options.clusters ?? (await this.#clusters.listClusterNames());
    const items: OmeNamespace[] = [];
    const errors: OmeClusterError[] = [];
    await Promise.all(
      clusters.map(async cluster => {
        try {
          const list = await this.#client.request<{
            items?: Array<{
              metadata?: { name?: string; labels?: Record<string, string> };
            }>;
          }>(cluster, '/api/v1/namespaces');
          for (const ns of list?.items ?? []) {
            if (typeof ns.metadata?.name !== 'string') continue;
            items.push({
              cluster,
              name: ns.metadata.name,
              ...(ns.metadata.labels && { labels: ns.metadata.labels }),
            });
          }
        } catch (error) {
          errors.push(toClusterError(cluster, error));
        }
      }),
    );
    items.sort(
      (a, b) =>
        a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name),
    );
    return { items, errors };
  }

  /**
   * One object as stored (unredacted: for writes only), or the error of its cluster (404
   * when it, its kind or its cluster does not exist).
   */
  async getStored(ref: OmeObjectRef): Promise<KubernetesObject> {
    return this.#client.request<KubernetesObject>(
      ref.cluster,
      omeResourcePath(ref.kind, { namespace: ref.namespace, name: ref.name }),
    );
  }

  /** One object as the caller may see it (secrets redacted), or a 404. */
  async getOrThrow(ref: OmeObjectRef): Promise<OmeListItem> {
    await this.#cache?.ensureStarted();
    const cached = this.#cache?.readOne(
      ref.cluster,
      ref.kind,
      omeKindInfo(ref.kind).namespaced ? ref.namespace : undefined,
      ref.name,
    );
    if (cached?.object) return { cluster: ref.cluster, object: cached.object };
    // Not in the cache: confirmed with the cluster (an object created elsewhere a moment
    // ago may not have come through the watch yet), so a miss is never a false 404.
    return {
      cluster: ref.cluster,
      object: sanitizeObject(ref.kind, await this.getStored(ref)),
    };
  }

  /** One object (secrets redacted), or undefined when it does not exist. */
  async get(ref: OmeObjectRef): Promise<OmeListItem | undefined> {
    const info = omeKindInfo(ref.kind);
    if (info.namespaced && !ref.namespace) return undefined;
    try {
      return await this.getOrThrow(ref);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * Loads objects by canonical resource ref (see `formatOmeResourceRef`), for the permission
   * system's conditional decisions. Unparseable refs, missing objects and objects in clusters
   * that cannot answer give undefined.
   */
  async getByRefs(refs: string[]): Promise<Array<OmeListItem | undefined>> {
    return Promise.all(
      refs.map(async ref => {
        const parts = parseOmeResourceRef(ref);
        if (!parts) return undefined;
        try {
          omeKindInfo(parts.kind);
        } catch {
          return undefined;
        }
        // A cluster that cannot answer resolves to "no such object", i.e. no access.
        return this.get(parts).catch(() => undefined);
      }),
    );
  }
}
