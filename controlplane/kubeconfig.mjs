// kubeconfig files, both ways: the one the control plane writes for its clusters and users,
// and the clusters `npm start` reads from a user's $KUBECONFIG.
import fs from 'node:fs';
import path from 'node:path';
import { loadYaml } from './kube.mjs';
import { USERS } from './users.mjs';

/** kubeconfig with one cluster entry per cluster, a user per token user per cluster. */
export function buildKubeconfig(clusters) {
  const cfg = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: clusters.map(c => ({ name: c.name, cluster: { server: c.url, 'certificate-authority-data': c.caData } })),
    users: [],
    contexts: [],
    'current-context': clusters[0].name,
  };
  for (const c of clusters) {
    for (const u of USERS) {
      const userName = `${c.name}-${u.name}`;
      cfg.users.push({ name: userName, user: { token: c.tokens[u.name] } });
      cfg.contexts.push({
        name: u.name === 'ome-admin' ? c.name : userName,
        context: { cluster: c.name, user: userName },
      });
    }
  }
  return cfg;
}

/**
 * The clusters of a kubeconfig file, one per context whose user has a bearer token (`token`
 * or `tokenFile`), named after the context; relative `tokenFile` and `certificate-authority`
 * paths are resolved against the kubeconfig's folder. Other contexts (client certificates,
 * exec plugins, no server) are returned in `skipped` with the reason.
 *
 * @param {string} file
 * @param {{ contexts?: string[] }} [opts]  only these contexts
 * @returns {Promise<{ clusters: import('./kubernetesConfig.mjs').ClusterAccess[], skipped: Array<{ name: string, why: string }> }>}
 */
export async function readKubeconfigClusters(file, { contexts } = {}) {
  const { parse } = await loadYaml();
  const dir = path.dirname(path.resolve(file));
  const kc = parse(fs.readFileSync(file, 'utf8')) ?? {};
  const byName = list => new Map((Array.isArray(list) ? list : []).map(e => [e?.name, e]));
  const clustersByName = byName(kc.clusters);
  const usersByName = byName(kc.users);
  const resolve = p => (p && !path.isAbsolute(p) ? path.resolve(dir, p) : p);
  const clusters = [];
  const skipped = [];
  for (const ctx of Array.isArray(kc.contexts) ? kc.contexts : []) {
    const name = ctx?.name;
    if (contexts && !contexts.includes(name)) continue;
    const cluster = clustersByName.get(ctx?.context?.cluster)?.cluster;
    const user = usersByName.get(ctx?.context?.user)?.user ?? {};
    if (!name || !cluster?.server) {
      skipped.push({ name, why: 'no cluster server' });
      continue;
    }
    const token = user.token || (user.tokenFile && fs.readFileSync(resolve(user.tokenFile), 'utf8').trim());
    if (!token) {
      skipped.push({ name, why: 'its user has no token (client certificates and exec plugins are not supported)' });
      continue;
    }
    clusters.push({
      name,
      url: cluster.server,
      token,
      caData: cluster['certificate-authority-data'],
      caFile: resolve(cluster['certificate-authority']),
      skipTLSVerify: Boolean(cluster['insecure-skip-tls-verify']),
    });
  }
  return { clusters, skipped };
}
