// A closed-loop load client for servers that close every connection (the kubernetes backend's
// proxy answers `Connection: close`). autocannon 9 writes the next request on a connection as
// soon as a response completes; when the server then closes that connection, the request
// written into it is lost but stays at the head of autocannon's queue of in-flight requests,
// so every later response on that client is matched to an older request and its "latency"
// grows with the run (seconds, while the throughput says tens of milliseconds). Here each of
// `connections` workers sends one request at a time with node:http; a request's time runs from
// http.request() (connecting included: a new connection per request when the server closes
// them, loopback) to the last byte of its body.
import http from 'node:http';
import { summarize } from './stats.mjs';

/** One request; resolves to { status, bytes, ms, connectionClose }. */
export function timedRequest({
  baseUrl,
  agent,
  method = 'GET',
  path,
  headers,
  timeoutMs,
}) {
  return new Promise(resolve => {
    const t0 = performance.now();
    const req = http.request(
      `${baseUrl}${path}`,
      { method, agent, headers, timeout: timeoutMs },
      res => {
        let bytes = 0;
        res.on('data', c => {
          bytes += c.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            bytes,
            ms: performance.now() - t0,
            connectionClose: /close/i.test(res.headers.connection ?? ''),
          }),
        );
        res.on('error', err =>
          resolve({ error: err.message, ms: performance.now() - t0 }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', err =>
      resolve({
        error: err.message,
        timeout: /timed out/.test(err.message),
        ms: performance.now() - t0,
      }),
    );
    req.end();
  });
}

/**
 * `connections` workers, each sending the `requests` in turn (one at a time) for
 * `durationSeconds`. Same result shape as list.mjs's autocannon `load()`.
 */
export async function closedLoopLoad({
  baseUrl,
  token,
  requests,
  connections,
  durationSeconds,
  timeoutSeconds = 120,
}) {
  if (!requests.length) throw new Error('closedLoopLoad: no requests');
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const times = [];
  let bytes = 0;
  let errors = 0;
  let non2xx = 0;
  let timeouts = 0;
  let closed = 0;
  const t0 = performance.now();
  const end = t0 + durationSeconds * 1000;
  const worker = async w => {
    // bounded: a run of 600 s at one request per millisecond at most
    for (let i = w; performance.now() < end && i < 600_000 + w; i++) {
      const r = requests[i % requests.length];
      const res = await timedRequest({
        baseUrl,
        agent,
        method: r.method,
        path: r.path,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(r.headers ?? {}),
        },
        timeoutMs: timeoutSeconds * 1000,
      });
      if (res.error) {
        errors++;
        if (res.timeout) timeouts++;
      } else if (res.status < 200 || res.status >= 300) {
        non2xx++;
      } else {
        times.push(res.ms);
        bytes += res.bytes;
        if (res.connectionClose) closed++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    latency: summarize(times),
    requests: times.length,
    requestsPerSecond: times.length / seconds,
    bytesPerResponse: times.length ? bytes / times.length : undefined,
    errors,
    non2xx,
    timeouts,
    durationSeconds: seconds,
    connectionCloseResponses: closed,
  };
}
