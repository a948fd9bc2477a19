import { OmeListItem } from '@ome-console/plugin-ome-common';
import { KubernetesProxyClient } from '../service/KubernetesProxyClient';
import { OmePermissionResource } from './rules';

type Labels = Record<string, string>;

/** How long a cluster's namespace labels are reused. */
const DEFAULT_TTL_MS = 10_000;

/**
 * The labels of every namespace per cluster, for the `NAMESPACE_HAS_LABEL` rule. Read as
 * the OME backend itself (never impersonated: the answer is shared between users) and
 * kept briefly. A cluster that cannot be read gives no labels, so namespace-label
 * conditions then match nothing there (fail closed).
 */
export class NamespaceLabels {
  readonly #client: KubernetesProxyClient;
  readonly #ttlMs: number;
  readonly #cache = new Map<string, { at: number; labels: Promise<Map<string, Labels>> }>();

  constructor(options: { client: KubernetesProxyClient; ttlMs?: number }) {
    this.#client = options.client;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  }

  /** Namespace name → labels of one cluster (empty when the cluster cannot be read). */
  async of(cluster: string): Promise<Map<string, Labels>> {
    const now = Date.now();
    const hit = this.#cache.get(cluster);
    if (hit && now - hit.at < this.#ttlMs) return hit.labels;
    const labels = this.#client
      .request<{ items?: Array<{ metadata?: { name?: string; labels?: Labels } }> }>(
        cluster,
        '/api/v1/namespaces',
        { asPlugin: true },
      )
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
        this.#cache.delete(cluster);
        return new Map<string, Labels>();
      });
    this.#cache.set(cluster, { at: now, labels });
    return labels;
  }

  /** The items with their namespaces' labels (cluster-scoped items unchanged). */
  async enrich(items: OmeListItem[]): Promise<OmePermissionResource[]> {
    const clusters = [...new Set(items.map(i => i.cluster))];
    const byCluster = new Map(
      await Promise.all(clusters.map(async c => [c, await this.of(c)] as const)),
    );
    return items.map(item => {
      const ns = item.object.metadata?.namespace;
      if (typeof ns !== 'string') return item;
      const labels = byCluster.get(item.cluster)?.get(ns);
      return labels ? { ...item, namespaceLabels: labels } : item;
    });
  }
}
