import {
  KubernetesObject,
  OmeKind,
  omeResourcePath,
} from '@ome-console/plugin-ome-common';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { ClusterError, withDetails } from './errors';

interface KubernetesList {
  items?: KubernetesObject[];
  metadata?: { continue?: string; resourceVersion?: string };
}

/** Page size of list requests to a cluster. */
export const PAGE_LIMIT = 500;

/** Most pages one list of one cluster may take: 500,000 objects in pages of 500. */
export const DEFAULT_MAX_PAGES = 1000;

/**
 * All objects of a kind in one cluster (all namespaces, or one), page by page, with the
 * list's resourceVersion (of its first page: every continued page belongs to that snapshot).
 * Stops with an error when the cluster repeats a continue token or the list takes more than
 * `maxPages` pages, so that a misbehaving apiserver cannot keep a request going forever.
 * Used by list requests that pass through and by the watch cache's (re)lists.
 */
export async function listAllPages(
  client: KubernetesProxyClient,
  cluster: string,
  kind: OmeKind,
  options: {
    labelSelector?: string;
    namespace?: string;
    maxPages?: number;
    /** As the OME backend itself (a shared cache), never as the acting user. */
    asPlugin?: boolean;
    signal?: AbortSignal;
  } = {},
): Promise<{ items: KubernetesObject[]; resourceVersion?: string }> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const path = omeResourcePath(kind, { namespace: options.namespace });
  const items: KubernetesObject[] = [];
  const seenTokens = new Set<string>();
  let resourceVersion: string | undefined;
  let token: string | undefined;
  let pages = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const query = new URLSearchParams({ limit: String(PAGE_LIMIT) });
    if (options.labelSelector)
      query.set('labelSelector', options.labelSelector);
    if (token) query.set('continue', token);
    const url = `${path}?${query}`;
    const page = await client.request<KubernetesList>(cluster, url, {
      ...(options.asPlugin && { asPlugin: true }),
      ...(options.signal && { signal: options.signal }),
    });
    pages += 1;
    resourceVersion ??= page?.metadata?.resourceVersion || undefined;
    items.push(...(page?.items ?? []));
    token = page?.metadata?.continue || undefined;
    if (!token) return { items, resourceVersion };
    if (seenTokens.has(token)) {
      throw withDetails(
        new ClusterError(
          `Cluster '${cluster}': listing ${path} stopped after ${pages} pages: ` +
            'the cluster repeated a continue token',
        ),
        {
          details: { cluster },
          clusterFailure: { cluster, reason: 'error' },
        },
      );
    }
    if (pages >= maxPages) {
      throw withDetails(
        new ClusterError(
          `Cluster '${cluster}': listing ${path} stopped after ${pages} pages of ` +
            `${PAGE_LIMIT} objects (the limit), and the cluster had more`,
        ),
        {
          details: { cluster },
          clusterFailure: { cluster, reason: 'error' },
        },
      );
    }
    seenTokens.add(token);
  }
}
