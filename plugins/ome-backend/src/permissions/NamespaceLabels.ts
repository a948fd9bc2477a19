import { OmeListItem } from '@ome-console/plugin-ome-common';
import { KubernetesProxyClient } from '../service/KubernetesProxyClient';
import { OmePermissionResource } from './rules';

type Labels = Record<string, string>;

/** Namespace name → labels of one cluster; undefined when the cluster could not be read. */
export type ClusterNamespaceLabels = Map<string, Labels> | undefined;

/** How long a cluster's namespace labels are reused. */
const DEFAULT_TTL_MS = 10_000;

/**
 * An item as the permission rules see it: with its namespace's labels, or marked when its
 * cluster's namespaces could not be read (then NAMESPACE_HAS_LABEL cannot decide it, and the
 * decision fails closed even under `not`). Cluster-scoped items are unchanged.
 */
export function withNamespaceLabels(
  item: OmeListItem,
  labels: ClusterNamespaceLabels,
): OmePermissionResource {
  const ns = item.object.metadata?.namespace;
  if (typeof ns !== 'string') return item;
  if (!labels) return { ...item, namespaceLabelsUnavailable: true };
  const own = labels.get(ns);
  return own ? { ...item, namespaceLabels: own } : item;
}

/**
 * The labels of every namespace per cluster, for the `NAMESPACE_HAS_LABEL` rule. Read as
 * the OME backend itself (never impersonated: the answer is shared between users) and
 * kept briefly. A cluster that cannot be read gives `undefined` (not "no labels"), so that
 * decisions using namespace labels there fail closed; a failed read is not kept.
 */
export class NamespaceLabels {
  readonly #client: KubernetesProxyClient;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<
    string,
    { at: number; labels: Promise<ClusterNamespaceLabels> }
  >();

  constructor(options: {
    client: KubernetesProxyClient;
    ttlMs?: number;
    /** The clock of the expiry (tests inject one). */
    now?: () => number;
  }) {
    this.#client = options.client;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /** Namespace name → labels of one cluster (undefined when the cluster cannot be read). */
  async of(cluster: string): Promise<ClusterNamespaceLabels> {
    const now = this.#now();
    const hit = this.#cache.get(cluster);
    if (hit && now - hit.at < this.#ttlMs) return hit.labels;
    const entry: { at: number; labels: Promise<ClusterNamespaceLabels> } = {
      at: now,
      labels: this.#client
        .request<{
          items?: Array<{ metadata?: { name?: string; labels?: Labels } }>;
        }>(cluster, '/api/v1/namespaces', { asPlugin: true })
        .then(list => {
          const map = new Map<string, Labels>();
          for (const ns of list?.items ?? []) {
            if (typeof ns.metadata?.name === 'string') {
              map.set(ns.metadata.name, ns.metadata.labels ?? {});
            }
          }
          return map;
        })
        .catch(() => {
          // Forget this failed read, but only if it is still the cached one: a newer read
          // started after this one expired must not be dropped by this late failure.
          if (this.#cache.get(cluster) === entry) this.#cache.delete(cluster);
          return undefined;
        }),
    };
    this.#cache.set(cluster, entry);
    return entry.labels;
  }

  /** The items with their namespaces' labels (see {@link withNamespaceLabels}). */
  async enrich(items: OmeListItem[]): Promise<OmePermissionResource[]> {
    const clusters = [...new Set(items.map(i => i.cluster))];
    const byCluster = new Map(
      await Promise.all(
        clusters.map(async c => [c, await this.of(c)] as const),
      ),
    );
    return items.map(item =>
      withNamespaceLabels(item, byCluster.get(item.cluster)),
    );
  }
}
