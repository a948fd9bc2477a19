// The control plane's restart controls (restart.mjs) for other processes (jest suites, the
// proof's fault tests): a small HTTP server on 127.0.0.1 with a random bearer token, both in
// controlplane.json (`control`).
//
//   POST /clusters/<name>/<apiserver|etcd>/<stop|start|restart>   -> 200 { cluster, state }
//
//   import { controlPlaneAction } from './control.mjs';
//   await controlPlaneAction(info, 'ome-dev-b', 'etcd', 'restart');
import crypto from 'node:crypto';
import http from 'node:http';

const ACTIONS = {
  apiserver: { stop: 'stopApiserver', start: 'startApiserver', restart: 'restartApiserver' },
  etcd: { stop: 'stopEtcd', start: 'startEtcd', restart: 'restartEtcd' },
};

/**
 * Serves the restart controls of `clusters` (startCluster's results).
 * @returns {Promise<{ url: string, token: string, close: () => Promise<void> }>}
 */
export async function startControlServer(clusters) {
  const token = crypto.randomBytes(24).toString('hex');
  const server = http.createServer(async (req, res) => {
    const answer = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const given = Buffer.from(req.headers.authorization ?? '');
    const wanted = Buffer.from(`Bearer ${token}`);
    if (given.length !== wanted.length || !crypto.timingSafeEqual(given, wanted)) {
      return answer(401, { error: 'bearer token of controlplane.json `control` required' });
    }
    const m = /^\/clusters\/([^/]+)\/([^/]+)\/([^/?]+)$/.exec(req.url ?? '');
    const cluster = m && clusters.find(c => c.name === decodeURIComponent(m[1]));
    const method = m && ACTIONS[m[2]]?.[m[3]];
    if (req.method !== 'POST' || !cluster || !method) {
      return answer(404, { error: 'POST /clusters/<name>/<apiserver|etcd>/<stop|start|restart>' });
    }
    try {
      await cluster.control[method]();
      answer(200, { cluster: cluster.name, state: cluster.control.state(), pids: cluster.pids });
    } catch (err) {
      answer(500, { error: err.message });
    }
  });
  // an action may take as long as a kube-apiserver start
  server.requestTimeout = 0;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    token,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}

/**
 * Asks a running control plane (its controlplane.json content) to stop, start or restart one
 * cluster's kube-apiserver or etcd in place; resolves when done.
 * @param {{ control: { url: string, token: string } }} info
 * @param {string} cluster
 * @param {'apiserver' | 'etcd'} part
 * @param {'stop' | 'start' | 'restart'} action
 */
export async function controlPlaneAction(info, cluster, part, action) {
  if (!info.control) throw new Error('controlplane.json has no `control`: restart the control plane');
  const res = await fetch(`${info.control.url}/clusters/${encodeURIComponent(cluster)}/${part}/${action}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${info.control.token}` },
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`controlplane: ${action} ${part} of ${cluster}: HTTP ${res.status} ${body.error}`);
  return body;
}
