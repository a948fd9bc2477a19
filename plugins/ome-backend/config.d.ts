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
    /**
     * The watch-backed cache: per cluster and OME kind, a list then a watch through the
     * kubernetes backend's proxy; lists, gets and counts are answered from it once synced.
     * Clusters with per-user credentials (oidc, google, aks) or impersonation are never cached.
     */
    cache?: {
      /** Off: every read passes through to the clusters. Defaults to true. */
      enabled?: boolean;
      /** `timeoutSeconds` of each watch (then re-watched), at most 290. Defaults to 240. */
      watchTimeoutSeconds?: number;
      /** How often each cached cluster's `/readyz` is probed, in ms. Defaults to 5000. */
      probeIntervalMs?: number;
      /** Longest wait between reconnections to a cluster that is down, in ms. Defaults to 30000. */
      maxBackoffMs?: number;
      /** How long a save waits for its change to come back through the watch, in ms. Defaults to 5000. */
      readYourWritesTimeoutMs?: number;
      /** How often a kind whose CRD is missing is looked for again, in ms. Defaults to 30000. */
      crdRecheckMs?: number;
      /** How often the kubernetes backend's cluster list is read again, in ms. Defaults to 30000. */
      clusterRefreshMs?: number;
    };
    /**
     * HuggingFace import: the hub every outbound call goes to (nowhere else), with a bound
     * on time and size per request.
     */
    huggingFace?: {
      /** The hub's address. Defaults to the public hub, https://huggingface.co. */
      baseUrl?: string;
      /** How long one hub request may take, in milliseconds. Defaults to 10000. */
      timeoutMs?: number;
      /** The most bytes one hub answer may have. Defaults to 2097152 (2 MiB). */
      maxResponseBytes?: number;
    };
    /**
     * Per-cluster settings, by the kubernetes backend's cluster name.
     */
    clusters?: Array<{
      /** The cluster's name, as the kubernetes backend names it. */
      name: string;
      /**
       * Defence in depth (off by default): the OME backend sends the requests it makes for
       * a Backstage user with that user's identity, so that the cluster's own RBAC decides
       * too. `user:<ns>/<name>` becomes Kubernetes user `<userPrefix><name>` (or
       * `<userPrefix><ns>/<name>` outside namespace `default`); every `group:` ref among the
       * user's ownership entity refs becomes group `<groupPrefix><name>` likewise. The
       * requests carry this credential as `Backstage-Kubernetes-Authorization`, so the
       * kubernetes plugin's own cluster credential never needs the `impersonate` verb.
       */
      impersonation?: {
        /** Turns impersonation on for this cluster. */
        enabled?: boolean;
        /**
         * Bearer token of a credential that may only `impersonate` users and groups.
         * @visibility secret
         */
        token?: string;
        /** A file holding that token (read at start-up); instead of `token`. */
        tokenFile?: string;
        /** Put before Kubernetes user names, e.g. `backstage:`. Defaults to ''. */
        userPrefix?: string;
        /** Put before Kubernetes group names, e.g. `backstage:`. Defaults to ''. */
        groupPrefix?: string;
      };
      /**
       * The OME backend's own credential for the hub-token Secrets of HuggingFace imports
       * of gated models: it may only create and delete (and deletecollection) Secrets. Sent
       * as `Backstage-Kubernetes-Authorization`, so the kubernetes plugin's credential needs
       * no rights on Secrets. Without it, imports with a token are refused on this cluster.
       */
      secretWriter?: {
        /**
         * Bearer token.
         * @visibility secret
         */
        token?: string;
        /** A file holding that token (read at start-up); instead of `token`. */
        tokenFile?: string;
      };
    }>;
    /** The browser change stream (`GET /api/ome/events`). */
    stream?: {
      /** Changes kept per backend process for clients that reconnect (default 5000). */
      replayEvents?: number;
      /** Seconds between heartbeats on a quiet stream (default 15; well under fetch's 300 s). */
      heartbeatSeconds?: number;
    };
  };
}
