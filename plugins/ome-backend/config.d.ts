export interface Config {
  /** Configuration of the OME backend plugin. */
  ome?: {
    /**
     * The plugin id of the Backstage kubernetes backend the OME backend reaches clusters
     * through (its `/clusters` and `/proxy` routes). Defaults to `kubernetes`.
     */
    kubernetesPluginId?: string;
    /**
     * How long a cluster reachability probe (`GET /version` through the kubernetes proxy)
     * may take, in milliseconds. Defaults to 5000.
     */
    clusterTimeoutMs?: number;
    /**
     * How long one request to one cluster (e.g. one page of a list) may take, in
     * milliseconds. Defaults to 30000.
     */
    requestTimeoutMs?: number;
  };
}
