// STAND-IN KUBELET. No kubelet runs locally, yet container logs should travel the real path:
// client -> kube-apiserver `pods/{name}/log` -> the kubelet at the Node's InternalIP and
// `status.daemonEndpoints.kubeletEndpoint.Port`. This is a tiny HTTPS server on 127.0.0.1
// that answers `GET /containerLogs/<namespace>/<pod>/<container>` with demo lines
// (`tailLines`, `follow`, `timestamps` supported) and 404 for anything else. kube-apiserver
// does not verify the kubelet's certificate without --kubelet-certificate-authority, so it
// serves the cluster's own apiserver certificate. Used only by the local control plane, never
// by the plugins.
import https from 'node:https';
import { sha256Hex } from './kube.mjs';

const HISTORY_LINES = 400;
const DEFAULT_FOLLOW_INTERVAL_MS = 1000;
const MAX_FOLLOW_MS = 30 * 60_000; // a followed log ends after 30 min (every loop bounded)

const MESSAGES = [
  'INFO  server: handling /v1/chat/completions (batch=%n, tokens=%t)',
  'INFO  scheduler: running %n requests, %t tokens in the KV cache',
  'DEBUG tokenizer: encoded prompt of %t tokens',
  'INFO  metrics: throughput %t tok/s, p50 latency %n ms',
];

/** One demo log line of a container: deterministic by (pod, container, index). */
export function demoLogLine(namespace, pod, container, i, crash = false) {
  const h = sha256Hex(`${namespace}/${pod}/${container}/${i}`);
  const n = parseInt(h.slice(0, 3), 16) % 64;
  const t = parseInt(h.slice(3, 7), 16) % 20000;
  if (crash && i % 50 === 49) return `ERROR engine: CUDA out of memory while loading weights (demo line ${i}); exiting with code 1`;
  return `${MESSAGES[i % MESSAGES.length].replace('%n', String(n)).replace('%t', String(t))} [${pod}/${container}] line ${i}`;
}

/**
 * Starts the stand-in kubelet.
 * @param {{ cert: string|Buffer, key: string|Buffer, port?: number, followIntervalMs?: number, log?: (m: string) => void }} opts
 * @returns {Promise<{ port: number, close: () => Promise<void>, requests: string[] }>}
 */
export async function startStandinKubelet({ cert, key, port = 0, followIntervalMs = DEFAULT_FOLLOW_INTERVAL_MS, log = () => {} }) {
  const startedAt = Date.now();
  const requests = [];
  const open = new Set();
  const server = https.createServer({ cert, key }, (req, res) => {
    const url = new URL(req.url, 'https://127.0.0.1');
    requests.push(url.pathname + url.search);
    if (requests.length > 1000) requests.splice(0, requests.length - 1000);
    const m = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
    if (req.method !== 'GET' || !m) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('stand-in kubelet: only GET /containerLogs/<namespace>/<pod>/<container>\n');
      return;
    }
    const [namespace, pod, container] = m.slice(1).map(decodeURIComponent);
    const crash = /-engine-/.test(pod) && url.searchParams.get('previous') === 'true';
    const tail = url.searchParams.has('tailLines') ? Math.max(0, Number(url.searchParams.get('tailLines')) || 0) : HISTORY_LINES;
    const timestamps = url.searchParams.get('timestamps') === 'true';
    const follow = url.searchParams.get('follow') === 'true';
    // the history grows with time: one line per interval since the kubelet started
    let next = HISTORY_LINES + Math.floor((Date.now() - startedAt) / followIntervalMs);
    const line = i => {
      const text = demoLogLine(namespace, pod, container, i, crash);
      return `${timestamps ? `${new Date(startedAt + (i - HISTORY_LINES) * followIntervalMs).toISOString()} ` : ''}${text}\n`;
    };
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-transform' });
    const first = Math.max(0, next - tail);
    let chunk = '';
    for (let i = first; i < next; i++) chunk += line(i);
    if (!follow) {
      res.end(chunk);
      return;
    }
    if (chunk) res.write(chunk);
    open.add(res);
    const deadline = Date.now() + MAX_FOLLOW_MS;
    const timer = setInterval(() => {
      if (Date.now() > deadline) return done();
      res.write(line(next++));
    }, followIntervalMs);
    const done = () => {
      clearInterval(timer);
      open.delete(res);
      if (!res.writableEnded) res.end();
    };
    req.on('close', done);
    res.on('close', done);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  log(`controlplane: stand-in kubelet on https://127.0.0.1:${actual} (container logs for the demo pods)`);
  return {
    port: actual,
    requests,
    close: () =>
      new Promise(resolve => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
