// Benchmark 1: list latency and throughput, side by side, through ome-backend (answered from
// its watch-backed cache, both clusters in one request) and through the kubernetes backend's
// /api/kubernetes/proxy (each request goes to a cluster's apiserver; one request per cluster).
// The same bench objects on both sides (label selector), as a page of 50 and as all objects.
// A side whose server keeps connections open is loaded with autocannon; a side whose server
// closes every connection (the proxy) with bench/requestLoad.mjs, whose per-request times
// stay right there (see that file for what goes wrong with autocannon).
import http from 'node:http';
import { createRequire } from 'node:module';
import { BENCH_SELECTOR, CLUSTERS } from './env.mjs';
import { closedLoopLoad, timedRequest } from './requestLoad.mjs';
import { fmt, fmtBytes, fmtRatio, formatTable, ratio, summarize } from './stats.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const SELECTOR = encodeURIComponent(BENCH_SELECTOR);
const PROXY_LIST = `/api/kubernetes/proxy/apis/ome.io/v1beta1/inferenceservices?labelSelector=${SELECTOR}`;
const OME_LIST = `/api/ome/inferenceservices?labelSelector=${SELECTOR}`;

export const LIST_METHOD =
  'per size, four load runs one after the other (ome-backend and the kubernetes proxy, a page of 50 and all objects); ' +
  'each side first checked to answer the expected number of bench objects; a side whose responses keep the connection ' +
  'open is loaded with autocannon (keep-alive), a side whose server closes every connection (Connection: close) with ' +
  'a closed-loop node:http client (bench/requestLoad.mjs: one request at a time per connection, timed from sending, ' +
  'connecting included, to the last body byte), because autocannon mis-times requests on connections the server ' +
  'closes; p50/p95 nearest rank over every response; any error, non-2xx or timeout fails the run';

/** Whether the server closes the connection after answering `request` (one probe request). */
export async function closesConnections(baseUrl, token, request) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const res = await timedRequest({
      baseUrl,
      agent,
      method: request.method,
      path: request.path,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(request.headers ?? {}) },
      timeoutMs: 120_000,
    });
    if (res.error) throw new Error(`bench: probing ${request.path}: ${res.error}`);
    return res.connectionClose;
  } finally {
    agent.destroy();
  }
}

/**
 * One autocannon run; every response time is kept (autocannon's own histogram has no p95).
 * Resolves to { latency: {count,p50,p95,max,mean} in ms, requestsPerSecond, bytesPerResponse,
 * errors, non2xx, timeouts, durationSeconds }.
 */
export function load({ baseUrl, token, requests, connections, durationSeconds, timeoutSeconds = 120 }) {
  return new Promise((resolve, reject) => {
    const times = [];
    let bytes = 0;
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: durationSeconds,
        timeout: timeoutSeconds,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        requests,
      },
      (err, result) => {
        if (err) return reject(err);
        const seconds = result.duration || durationSeconds;
        return resolve({
          latency: summarize(times),
          requests: times.length,
          requestsPerSecond: times.length / seconds,
          bytesPerResponse: times.length ? bytes / times.length : undefined,
          errors: result.errors,
          non2xx: result.non2xx,
          timeouts: result.timeouts,
          durationSeconds: seconds,
        });
      },
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) {
        times.push(responseTime);
        bytes += resBytes;
      }
    });
  });
}

/** The four scenarios of one size: ome/proxy x page/all, with the items each response holds. */
export function scenarios(total) {
  const perCluster = total / CLUSTERS.length;
  const proxy = query => CLUSTERS.map(c => ({ method: 'GET', path: `${PROXY_LIST}${query}`, headers: { 'backstage-kubernetes-cluster': c } }));
  return [
    { shape: 'page of 50', side: 'ome', requests: [{ method: 'GET', path: `${OME_LIST}&limit=50` }], itemsPerResponse: 50, requestsPerList: 1 },
    { shape: 'page of 50', side: 'proxy', requests: proxy('&limit=50'), itemsPerResponse: Math.min(50, perCluster), requestsPerList: 1 },
    { shape: 'all', side: 'ome', requests: [{ method: 'GET', path: OME_LIST }], itemsPerResponse: total, requestsPerList: 1 },
    // a whole two-cluster list through the proxy is one request per cluster
    { shape: 'all', side: 'proxy', requests: proxy(''), itemsPerResponse: perCluster, requestsPerList: CLUSTERS.length },
  ];
}

/**
 * Checks before measuring that both sides answer the same items: each side's first response
 * of each request has the expected number of bench objects.
 */
async function checkSameItems(backend, scenario) {
  for (const r of scenario.requests) {
    const res = await fetch(`${backend.baseUrl}${r.path}`, {
      headers: { authorization: `Bearer ${backend.token}`, ...(r.headers ?? {}) },
      signal: AbortSignal.timeout(120_000),
    });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`bench: ${scenario.side} ${r.path}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    if (body.items?.length !== scenario.itemsPerResponse) {
      throw new Error(
        `bench: ${scenario.side} ${scenario.shape}: expected ${scenario.itemsPerResponse} items, got ${body.items?.length}`,
      );
    }
  }
}

/** Runs every scenario at `total` objects (ome and proxy one after the other, per shape). */
export async function runListBench({ backend, total, connections, durationSeconds, log }) {
  const rows = [];
  for (const s of scenarios(total)) {
    await checkSameItems(backend, s);
    const c = connections[s.shape === 'all' ? 'all' : 'page'];
    const closes = await closesConnections(backend.baseUrl, backend.token, s.requests[0]);
    const client = closes ? 'per request' : 'autocannon';
    log(`bench: list ${total} ${s.shape} via ${s.side}: ${c} connections, ${durationSeconds} s, ${client}`);
    const run = closes ? closedLoopLoad : load;
    const r = await run({ baseUrl: backend.baseUrl, token: backend.token, requests: s.requests, connections: c, durationSeconds });
    if (r.errors || r.non2xx || r.timeouts) {
      throw new Error(`bench: list ${s.side} ${s.shape} at ${total}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts`);
    }
    if (!r.requests) throw new Error(`bench: list ${s.side} ${s.shape} at ${total}: no response completed in ${durationSeconds} s`);
    rows.push({
      objects: total,
      shape: s.shape,
      side: s.side,
      connections: c,
      client,
      ...r,
      itemsPerResponse: s.itemsPerResponse,
      objectsPerSecond: r.requestsPerSecond * s.itemsPerResponse,
      listsPerSecond: r.requestsPerSecond / s.requestsPerList,
    });
  }
  return rows;
}

/** ome / proxy ratios per size and shape (throughput: lists per second; latency: ms). */
export function listComparisons(rows) {
  const out = [];
  for (const ome of rows.filter(r => r.side === 'ome')) {
    const proxy = rows.find(r => r.side === 'proxy' && r.objects === ome.objects && r.shape === ome.shape);
    if (!proxy) continue;
    out.push({
      objects: ome.objects,
      shape: ome.shape,
      throughputRatio: ratio(ome.listsPerSecond, proxy.listsPerSecond),
      p50Ratio: ratio(proxy.latency.p50, ome.latency.p50),
      p95Ratio: ratio(proxy.latency.p95, ome.latency.p95),
    });
  }
  return out;
}

export function listTable(rows) {
  return formatTable(
    ['objects', 'list', 'via', 'client', 'conn', 'p50 ms', 'p95 ms', 'req/s', 'lists/s', 'objects/s', 'bytes/resp', 'requests'],
    rows.map(r => [
      r.objects,
      r.shape,
      r.side === 'ome' ? 'ome-backend' : 'k8s proxy',
      r.client ?? 'autocannon',
      r.connections,
      fmt(r.latency.p50, 0),
      fmt(r.latency.p95, 0),
      fmt(r.requestsPerSecond, 1),
      fmt(r.listsPerSecond, 1),
      fmt(r.objectsPerSecond, 0),
      fmtBytes(r.bytesPerResponse),
      r.requests,
    ]),
  );
}

export function listComparisonTable(comparisons) {
  return formatTable(
    ['objects', 'list', 'lists/s ome ÷ proxy', 'p50 proxy ÷ ome', 'p95 proxy ÷ ome'],
    comparisons.map(c => [c.objects, c.shape, fmtRatio(c.throughputRatio), fmtRatio(c.p50Ratio), fmtRatio(c.p95Ratio)]),
  );
}
