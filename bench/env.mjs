// What every benchmark of `npm run bench` runs against: the local control plane (started here,
// or reused from OME_CONTROLPLANE_FILE), the backend under test (bench/backend.cjs as a child
// process with the kubernetes and OME plugins), the bench's own objects in both clusters, and
// the machine and versions printed with every result. Loopback only; every wait is bounded.
import { execFileSync, fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { clusterClient, pool, REPO_ROOT, sleep } from '../controlplane/kube.mjs';
import { controlPlaneClusters, kubernetesConfig } from '../controlplane/kubernetesConfig.mjs';
import { freePorts } from '../controlplane/processes.mjs';

const require = createRequire(import.meta.url);

export const BENCH_DIR = path.join(REPO_ROOT, '.local', 'bench');
/** The namespace and label of the bench's own objects: nothing else is touched or deleted. */
export const BENCH_NAMESPACE = 'ome-bench';
export const BENCH_LABEL = 'ome-console.bench/object';
export const BENCH_SELECTOR = `${BENCH_LABEL}=true`;
export const CLUSTERS = ['ome-dev-a', 'ome-dev-b'];

/** Fails after `ms` with a message naming what was awaited. */
export async function until(what, ms, check, intervalMs = 250) {
  const deadline = Date.now() + ms;
  let last;
  for (let i = 0; Date.now() < deadline && i < 100_000; i++) {
    try {
      if ((last = await check())) return last;
    } catch (err) {
      if (err.fatal) throw err; // no point in waiting (e.g. the backend process exited)
      last = err;
    }
    await sleep(intervalMs);
  }
  throw new Error(`bench: timed out after ${ms} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/**
 * The control plane: the one OME_CONTROLPLANE_FILE describes (left running), else a fresh one
 * without the demo seed in .local/bench/controlplane (stopped by `stop`).
 */
export async function controlPlane({ log }) {
  const file = process.env.OME_CONTROLPLANE_FILE;
  if (file) {
    const info = JSON.parse(fs.readFileSync(file, 'utf8'));
    log(`bench: reusing the control plane of ${file}`);
    return { info, reused: true, startToReadyMs: undefined, stop: async () => {} };
  }
  const { startControlPlane } = await import('../controlplane/launch.mjs');
  const t0 = performance.now();
  const cp = await startControlPlane({
    stateDir: path.join(BENCH_DIR, 'controlplane'),
    clusters: CLUSTERS,
    seed: false,
    log: msg => log(msg),
  });
  const startedMs = performance.now() - t0;
  const info = JSON.parse(fs.readFileSync(cp.infoFile, 'utf8'));
  return { info, reused: false, startToReadyMs: cp.timings.startToReadyMs, totalStartMs: startedMs, stop: () => cp.stop() };
}

/** A kube client per cluster as ome-admin, for seeding and writes that bypass the backend. */
export function adminClients(info) {
  return CLUSTERS.map(name => {
    const cluster = info.clusters.find(c => c.name === name);
    if (!cluster) throw new Error(`bench: the control plane has no cluster ${name}`);
    return { name, kube: clusterClient(cluster, 'ome-admin', { maxSockets: 16, timeoutMs: 600_000 }) };
  });
}

/**
 * Starts bench/backend.cjs with its own config (free loopback port, the control plane's
 * clusters with the kubernetes plugin's credential, a static access token) and waits until
 * /api/ome/health answers. `memory()` asks it for its memory after forced GC (IPC).
 */
export async function startBackend({ info, log }) {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const [port] = await freePorts(1);
  const token = crypto.randomBytes(24).toString('hex');
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = {
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      auth: { externalAccess: [{ type: 'static', options: { token, subject: 'ome-bench' } }] },
    },
    kubernetes: kubernetesConfig(controlPlaneClusters(info.clusters.filter(c => CLUSTERS.includes(c.name)))),
    ome: {},
  };
  // JSON is YAML; the file holds the clusters' tokens: 0600, removed by stop()
  const configFile = path.join(BENCH_DIR, 'app-config.bench.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2), { mode: 0o600 });
  const logFile = path.join(BENCH_DIR, 'backend.log');
  const out = fs.openSync(logFile, 'w');
  const t0 = performance.now();
  const child = fork(path.join(REPO_ROOT, 'bench', 'backend.cjs'), ['--config', configFile], {
    cwd: REPO_ROOT,
    execArgv: ['--expose-gc', '--require', require.resolve('@backstage/cli-node/config/nodeTransform.cjs')],
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', out, out, 'ipc'],
  });
  fs.closeSync(out);
  let exitCode;
  child.on('exit', code => {
    exitCode = code ?? 1;
  });
  const waiters = [];
  child.on('message', m => {
    if (m && m.type === 'memory') waiters.shift()?.(m);
  });
  const stop = async () => {
    if (exitCode === undefined) {
      child.kill('SIGTERM');
      const exited = new Promise(r => child.once('exit', r));
      await Promise.race([exited, sleep(10_000)]);
      if (exitCode === undefined) child.kill('SIGKILL');
    }
    fs.rmSync(configFile, { force: true });
  };
  const api = backendApi(baseUrl, token);
  try {
    await until('the backend under test (see .local/bench/backend.log)', 180_000, async () => {
      if (exitCode !== undefined) throw Object.assign(new Error(`the backend exited with ${exitCode}`), { fatal: true });
      return (await api.get('/api/ome/health')).status === 200;
    }, 500);
  } catch (err) {
    await stop();
    throw err;
  }
  const coldStartMs = performance.now() - t0;
  log(`bench: backend under test on ${baseUrl} (pid ${child.pid}), healthy after ${(coldStartMs / 1000).toFixed(1)} s`);
  return {
    baseUrl,
    token,
    pid: child.pid,
    coldStartMs,
    api,
    logFile,
    /** { rss, heapUsed, heapTotal, external, arrayBuffers } in bytes after two global.gc(). */
    memory: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('bench: the backend did not answer the memory request')), 60_000);
        waiters.push(m => {
          clearTimeout(timer);
          if (m.error) reject(new Error(m.error));
          else resolve(m.usage);
        });
        child.send({ type: 'memory' });
      }),
    stop,
  };
}

/** Small JSON client of the backend under test (node:http, the static token). */
export function backendApi(baseUrl, token) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  function request(method, p, body) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${baseUrl}${p}`,
        {
          method,
          agent,
          timeout: 120_000,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            ...(payload !== undefined && { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
          },
        },
        res => {
          const chunks = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json;
            try {
              json = JSON.parse(text);
            } catch {
              /* not JSON */
            }
            resolve({ status: res.statusCode, body: json ?? text, bytes: Buffer.byteLength(text) });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${p}: timed out`)));
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
  return { request, get: p => request('GET', p), close: () => agent.destroy() };
}

/** The object the bench seeds: an InferenceService with the bench label, as small as OME allows. */
export function benchObject(i) {
  return {
    apiVersion: 'ome.io/v1beta1',
    kind: 'InferenceService',
    metadata: {
      name: `bench-${String(i).padStart(6, '0')}`,
      namespace: BENCH_NAMESPACE,
      labels: { [BENCH_LABEL]: 'true', 'ome-console.bench/shard': String(i % 16) },
    },
    spec: {
      model: { name: 'bench-model' },
      engine: { minReplicas: 1, maxReplicas: 2 },
    },
  };
}

const ISVC_PATH = `/apis/ome.io/v1beta1/namespaces/${BENCH_NAMESPACE}/inferenceservices`;

/**
 * Grows the bench objects of each cluster from `from` to `to` (bench-<from> ... bench-<to-1>),
 * creating them straight at the apiserver as ome-admin (16 at a time per cluster).
 */
export async function seedTo(clients, from, to, { log }) {
  const t0 = performance.now();
  await Promise.all(
    clients.map(async ({ name, kube }) => {
      await kube.create('/api/v1/namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: BENCH_NAMESPACE, labels: { [BENCH_LABEL]: 'true' } },
      });
      const todo = Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
      await pool(todo, 16, i => kube.create(ISVC_PATH, benchObject(i)));
      log(`bench: ${name}: ${to} bench objects (${todo.length} created)`);
    }),
  );
  return { ms: performance.now() - t0 };
}

/** Deletes every bench object (one delete-collection by label in the bench namespace per cluster). */
export async function deleteBenchObjects(clients, { log }) {
  await Promise.all(
    clients.map(async ({ name, kube }) => {
      const res = await kube.request('DELETE', `${ISVC_PATH}?labelSelector=${encodeURIComponent(BENCH_SELECTOR)}`);
      if (res.status >= 300 && res.status !== 404) log(`bench: ${name}: deleting bench objects: HTTP ${res.status}`);
      // no namespace controller runs locally, so the namespace itself stays (empty)
    }),
  );
  log('bench: bench objects deleted');
}

/** Waits until the backend's cache of every cluster is synced (a first read starts it). */
export async function waitForCache(api, ms = 120_000) {
  await api.get(`/api/ome/inferenceservices?limit=1`);
  return until('the OME backend cache to sync', ms, async () => {
    const res = await api.get('/api/ome/clusters');
    const items = res.body?.items ?? [];
    const ours = items.filter(c => CLUSTERS.includes(c.name));
    return ours.length === CLUSTERS.length && ours.every(c => c.cache?.state === 'synced') ? ours : false;
  }, 500);
}

/** Waits until the backend's list of bench objects has `total` items (the watches caught up). */
export async function waitForBenchCount(api, total, ms = 600_000) {
  return until(`${total} bench objects in the OME backend's list`, ms, async () => {
    const res = await api.get(`/api/ome/inferenceservices?labelSelector=${encodeURIComponent(BENCH_SELECTOR)}&limit=1`);
    return res.status === 200 && res.body.totalCount === total;
  }, 1000);
}

/** The machine, as printed with every table. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    freeMemoryBytesAtStart: os.freemem(),
    loadAverageAtStart: os.loadavg().map(l => Number(l.toFixed(2))),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function packageVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/**
 * node, kube-apiserver (when a control plane is in use), Chromium and the packages under test
 * and measuring, as printed with every table.
 */
export function versions(info) {
  return {
    node: process.version,
    kubeApiserver: info ? [...new Set(info.clusters.map(c => c.version))].join(', ') : '-',
    chromium: chromiumVersion(),
    packages: Object.fromEntries(
      [
        '@backstage/backend-defaults',
        '@backstage/backend-plugin-api',
        '@backstage/plugin-kubernetes-backend',
        '@backstage/cli',
        '@rspack/core',
        '@ome-console/plugin-ome-backend',
        '@ome-console/plugin-ome',
        'autocannon',
        'playwright-core',
      ].map(n => [n, packageVersion(n)]),
    ),
  };
}

function chromiumVersion() {
  try {
    const out = execFileSync(process.env.OME_E2E_CHROMIUM || '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.trim().replace(/^Chromium\s+/, '');
  } catch {
    return 'not found';
  }
}
