import { OmeClusterInfo } from '@ome-console/plugin-ome-common';
import {
  ClusterRequestError,
  KubernetesClusterSummary,
  KubernetesProxyClient,
} from './KubernetesProxyClient';

/** The clusters of the kubernetes backend, with their reachability. */
export class ClusterService {
  readonly #client: KubernetesProxyClient;
  readonly #probeTimeoutMs: number;

  constructor(options: {
    client: KubernetesProxyClient;
    /** How long a reachability probe (`GET /version`) may take. */
    probeTimeoutMs: number;
  }) {
    this.#client = options.client;
    this.#probeTimeoutMs = options.probeTimeoutMs;
  }

  /** The clusters the kubernetes backend knows, without probing them. */
  async listClusterSummaries(): Promise<KubernetesClusterSummary[]> {
    return this.#client.listClusters();
  }

  async listClusterNames(): Promise<string[]> {
    return (await this.#client.listClusters()).map(c => c.name);
  }

  /** Every cluster, each probed concurrently with `GET /version` and a short timeout. */
  async listClusters(): Promise<OmeClusterInfo[]> {
    const clusters = await this.#client.listClusters();
    return Promise.all(clusters.map(c => this.#probe(c)));
  }

  async #probe(cluster: KubernetesClusterSummary): Promise<OmeClusterInfo> {
    const title = cluster.title ? { title: cluster.title } : {};
    try {
      const version = await this.#client.request<{ gitVersion?: string }>(
        cluster.name,
        '/version',
        { timeoutMs: this.#probeTimeoutMs },
      );
      return {
        name: cluster.name,
        ...title,
        reachable: true,
        ...(typeof version?.gitVersion === 'string' && {
          version: version.gitVersion,
        }),
      };
    } catch (error) {
      const reason =
        error instanceof ClusterRequestError ? error.reason : 'error';
      return {
        name: cluster.name,
        ...title,
        // The cluster answered (e.g. 403) unless the proxy could not reach it at all.
        reachable: reason !== 'unreachable' && reason !== 'error',
        error: (error as Error)?.message ?? String(error),
      };
    }
  }
}
