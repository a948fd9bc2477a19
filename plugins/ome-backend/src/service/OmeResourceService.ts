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
import {
  ClusterRequestError,
  KubernetesProxyClient,
} from './KubernetesProxyClient';
import { sanitizeObject } from './sanitize';
import { OmeHttpError, toHttpError } from './errors';

/** A kind's objects across clusters, before permission filtering and paging. */
export interface ClusterListResult {
  items: OmeListItem[];
  /** Clusters that could not be listed. */
  errors: OmeClusterError[];
  /** Clusters that do not serve the kind. */
  notInstalled: string[];
}

interface KubernetesList {
  items?: KubernetesObject[];
  metadata?: { continue?: string };
}

/** Page size of list requests to a cluster. */
const PAGE_LIMIT = 500;

/** Most pages one list of one cluster may take: 500,000 objects in pages of 500. */
const DEFAULT_MAX_PAGES = 1000;

/** Reads OME resources of any kind in the `OME_KINDS` registry, across clusters. */
export class OmeResourceService {
  readonly #client: KubernetesProxyClient;
  readonly #clusters: ClusterService;
  readonly #maxPages: number;

  constructor(options: {
    client: KubernetesProxyClient;
    clusters: ClusterService;
    /** Most pages (of 500 objects) one list of one cluster may take; 1000 by default. */
    maxPages?: number;
  }) {
    this.#client = options.client;
    this.#clusters = options.clusters;
    this.#maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
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
    const results = await Promise.all(
      clusters.map(async cluster => {
        try {
          const objects = await this.#listAll(
            cluster,
            kind,
            options.labelSelector,
            namespace,
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
      if (r.error?.reason === 'not-installed') notInstalled.push(r.error.cluster);
      else if (r.error) errors.push(r.error);
    }
    if (
      options.labelSelector &&
      items.length === 0 &&
      errors.length > 0 &&
      errors.every(e => e.statusCode === 400)
    ) {
      // Every cluster refused the selector: the caller's mistake, not the clusters'.
      throw new InputError(`query parameter labelSelector: ${errors[0].message}`);
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
          const cluster = (counts.byCluster[item.cluster] ??= { total: 0, byState: {} });
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
            items?: Array<{ metadata?: { name?: string; labels?: Record<string, string> } }>;
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
   * All objects of a kind in one cluster (all namespaces), page by page. Stops with an error
   * when the cluster repeats a continue token or the list takes more than `maxPages` pages,
   * so that a misbehaving apiserver cannot keep a request going forever.
   */
  async #listAll(
    cluster: string,
    kind: OmeKind,
    labelSelector?: string,
    namespace?: string,
  ): Promise<KubernetesObject[]> {
    const path = omeResourcePath(kind, { namespace });
    const objects: KubernetesObject[] = [];
    const seenTokens = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    for (;;) {
      const query = new URLSearchParams({ limit: String(PAGE_LIMIT) });
      if (labelSelector) query.set('labelSelector', labelSelector);
      if (token) query.set('continue', token);
      const page = await this.#client.request<KubernetesList>(
        cluster,
        `${path}?${query}`,
      );
      pages += 1;
      objects.push(...(page?.items ?? []));
      token = page?.metadata?.continue || undefined;
      if (!token) return objects;
      if (seenTokens.has(token)) {
        throw new ClusterRequestError(
          cluster,
          'error',
          `Cluster '${cluster}': listing ${path} stopped after ${pages} pages: ` +
            'the cluster repeated a continue token',
        );
      }
      if (pages >= this.#maxPages) {
        throw new ClusterRequestError(
          cluster,
          'error',
          `Cluster '${cluster}': listing ${path} stopped after ${pages} pages of ` +
            `${PAGE_LIMIT} objects (the limit), and the cluster had more`,
        );
      }
      seenTokens.add(token);
    }
  }

  /**
   * One object as stored (unredacted: for writes only), or the error of its cluster (404
   * when it, its kind or its cluster does not exist).
   */
  async getStored(ref: OmeObjectRef): Promise<KubernetesObject> {
    try {
      return await this.#client.request<KubernetesObject>(
        ref.cluster,
        omeResourcePath(ref.kind, { namespace: ref.namespace, name: ref.name }),
      );
    } catch (error) {
      if (error instanceof ClusterRequestError) throw toHttpError(error, { kind: ref.kind });
      throw error;
    }
  }

  /** One object as the caller may see it (secrets redacted), or a 404. */
  async getOrThrow(ref: OmeObjectRef): Promise<OmeListItem> {
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
      if (error instanceof OmeHttpError && error.statusCode === 404) return undefined;
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

function toClusterError(cluster: string, error: unknown): OmeClusterError {
  if (error instanceof ClusterRequestError) {
    return error.toOmeClusterError();
  }
  return {
    cluster,
    reason: 'error',
    message: (error as Error)?.message ?? String(error),
  };
}
