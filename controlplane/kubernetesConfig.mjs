// The one place where a description of clusters becomes the Backstage kubernetes plugin's
// config (`kubernetes.clusterLocatorMethods[].clusters[]` with service-account tokens).
// Everything that hands clusters to a backend goes through here: the control plane writes the
// result into controlplane.json (`kubernetes`), where the backend's integration tests and its
// dev server read it; `npm start` and `npm test` write it into a generated app-config file,
// for the local control plane and for the contexts of $KUBECONFIG alike.
//
//   kubernetesConfig(controlPlaneClusters(cp.clusters))
//   kubernetesConfig((await readKubeconfigClusters(file)).clusters)   // kubeconfig.mjs

/** The control plane's user whose token is the kubernetes plugin's cluster credential. */
export const KUBERNETES_PLUGIN_USER = 'backstage-kubernetes';

/**
 * @typedef {object} ClusterAccess  how to reach one cluster with a bearer token
 * @property {string} name
 * @property {string} url
 * @property {string} token
 * @property {string} [caData]  base64 PEM of the CA the server's certificate chains to
 * @property {string} [caFile]  the same as a file (used when there is no caData)
 * @property {boolean} [skipTLSVerify]  only when neither is given
 */

/**
 * One config-locator cluster entry: token auth (`authProvider: serviceAccount`) and one way
 * of trusting the server (caData, else caFile, else skipTLSVerify when asked for).
 * @param {ClusterAccess} cluster
 */
export function configLocatorCluster({ name, url, token, caData, caFile, skipTLSVerify }) {
  const entry = { name, url, authProvider: 'serviceAccount', serviceAccountToken: token };
  if (caData) entry.caData = caData;
  else if (caFile) entry.caFile = caFile;
  else if (skipTLSVerify) entry.skipTLSVerify = true;
  return entry;
}

/**
 * The whole `kubernetes` config key for these clusters: one config locator, and the
 * multi-tenant service locator (the backend does not start without a service locator).
 * @param {ClusterAccess[]} clusters
 */
export function kubernetesConfig(clusters) {
  return {
    serviceLocatorMethod: { type: 'multiTenant' },
    clusterLocatorMethods: [{ type: 'config', clusters: clusters.map(configLocatorCluster) }],
  };
}

/**
 * The control plane's clusters (controlplane.json `clusters`) as ClusterAccess, with the
 * token of `user` (default: the kubernetes plugin's own credential, which may not impersonate).
 * @param {Array<{ name: string, url: string, caData: string, tokens: Record<string, string> }>} clusters
 * @param {{ user?: string }} [opts]
 * @returns {ClusterAccess[]}
 */
export function controlPlaneClusters(clusters, { user = KUBERNETES_PLUGIN_USER } = {}) {
  return clusters.map(c => {
    const token = c.tokens[user];
    if (!token) throw new Error(`cluster ${c.name} has no token for user ${user}`);
    return { name: c.name, url: c.url, token, caData: c.caData };
  });
}
