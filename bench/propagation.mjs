// Benchmark 2: change propagation, apiserver write -> `change` event on GET /api/ome/events,
// with 1, 50 and 500 subscribers. Each change is a merge patch straight to an apiserver that
// stamps a sequence number into an annotation of one bench object (a different object each
// time, so nothing is coalesced away); every subscriber records when the event carrying that
// number arrives. Latency = arrival - the moment the patch was sent, per (subscriber, change).
import http from 'node:http';
import { BENCH_NAMESPACE, until } from './env.mjs';
import { fmt, formatTable, summarize } from './stats.mjs';
import { sleep } from '../controlplane/kube.mjs';

const SEQ_ANNOTATION = 'ome-console.bench/seq';
const RUN_ANNOTATION = 'ome-console.bench/run';
// finds the stamp without parsing every event's JSON (500 subscribers parse a lot)
const STAMP = /"ome-console\.bench\/seq":"(\d+)"/;

/** One SSE subscriber (node:http, its own connection): records arrival times by sequence number. */
function subscribe({ baseUrl, token, run, arrivals, agent }) {
  return new Promise((resolve, reject) => {
    let ready = false;
    const req = http.get(
      `${baseUrl}/api/ome/events?kind=inferenceservices&namespace=${BENCH_NAMESPACE}`,
      { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } },
      res => {
        if (res.statusCode !== 200) {
          reject(new Error(`bench: GET /api/ome/events: HTTP ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', chunk => {
          const now = performance.now();
          buffer += chunk;
          let end;
          // bounded: each pass consumes one complete frame from the buffer
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!ready && frame.startsWith('event: ready')) {
              ready = true;
              resolve(req);
            } else if (frame.startsWith('event: change') && frame.includes(run)) {
              const m = STAMP.exec(frame);
              const seq = m ? Number(m[1]) : undefined;
              if (seq !== undefined && !arrivals.has(seq)) arrivals.set(seq, now);
            }
          }
        });
        res.on('error', () => {});
      },
    );
    req.on('error', err => (ready ? undefined : reject(err)));
  });
}

/**
 * Opens `subscribers` streams, makes `changes` patches paced `intervalMs` apart, spread over
 * both clusters, and waits (bounded) for every subscriber to see every change.
 */
export async function runPropagation({ backend, clients, subscribers, changes, intervalMs, objectsPerCluster, log }) {
  if (changes > objectsPerCluster * clients.length) throw new Error('bench: more changes than bench objects');
  const run = `r${Date.now().toString(36)}${subscribers}`;
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const perSubscriber = Array.from({ length: subscribers }, () => new Map());
  const requests = [];
  try {
    // connect in batches of 50 so that 500 connects do not all queue at once
    for (let i = 0; i < subscribers; i += 50) {
      const batch = perSubscriber.slice(i, i + 50);
      requests.push(...(await Promise.all(batch.map(arrivals => subscribe({ baseUrl: backend.baseUrl, token: backend.token, run, arrivals, agent })))));
    }
    log(`bench: propagation: ${subscribers} subscriber(s) ready, ${changes} changes ${intervalMs} ms apart`);
    const sent = new Map();
    const writeMs = [];
    const pending = [];
    for (let seq = 0; seq < changes; seq++) {
      const { kube } = clients[seq % clients.length];
      const name = `bench-${String(Math.floor(seq / clients.length)).padStart(6, '0')}`;
      const path = `/apis/ome.io/v1beta1/namespaces/${BENCH_NAMESPACE}/inferenceservices/${name}`;
      const t0 = performance.now();
      sent.set(seq, t0);
      pending.push(
        kube
          .request('PATCH', path, { metadata: { annotations: { [RUN_ANNOTATION]: run, [SEQ_ANNOTATION]: String(seq) } } }, { contentType: 'application/merge-patch+json' })
          .then(res => {
            if (res.status !== 200) throw new Error(`bench: PATCH ${path}: HTTP ${res.status}`);
            writeMs.push(performance.now() - t0);
          }),
      );
      await sleep(intervalMs);
    }
    await Promise.all(pending);
    const expected = subscribers * changes;
    const received = () => perSubscriber.reduce((n, m) => n + m.size, 0);
    try {
      await until(`${expected} change events`, 30_000, () => received() >= expected, 100);
    } catch {
      /* reported as missing below */
    }
    const latencies = [];
    for (const arrivals of perSubscriber) {
      for (const [seq, at] of arrivals) latencies.push(at - sent.get(seq));
    }
    return {
      subscribers,
      changes,
      intervalMs,
      delivered: latencies.length,
      missing: expected - latencies.length,
      latency: summarize(latencies),
      writeLatency: summarize(writeMs),
    };
  } finally {
    for (const r of requests) r.destroy();
    agent.destroy();
  }
}

export function propagationTable(rows) {
  return formatTable(
    ['subscribers', 'changes', 'events delivered', 'missing', 'p50 ms', 'p95 ms', 'max ms', 'write p50 ms'],
    rows.map(r => [
      r.subscribers,
      r.changes,
      r.delivered,
      r.missing,
      fmt(r.latency.p50, 1),
      fmt(r.latency.p95, 1),
      fmt(r.latency.max, 1),
      fmt(r.writeLatency.p50, 1),
    ]),
  );
}
