/*
 * Sends one fuzz case over loopback HTTP with node:http, its path exactly as drawn: fetch's
 * URL parser would fold `%2E%2E` segments away before the server could see them.
 */
import http from 'node:http';
import { bodyText, FuzzRequest } from './openApiArbitraries';

export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** Streams (server-sent events, followed logs) are read until their first chunk, then closed. */
export function sendFuzzRequest(
  r: FuzzRequest,
  target: {
    port: number;
    /** Prefix of every path, e.g. `/api/ome`. */
    basePath?: string;
    headers?: Record<string, string>;
    timeoutMs: number;
  },
): Promise<FuzzAnswer> {
  return new Promise((resolve, reject) => {
    const body = bodyText(r);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: r.method,
        path: `${target.basePath ?? ''}${r.path}${
          r.query ? `?${r.query}` : ''
        }`,
        headers: {
          ...target.headers,
          ...(body !== undefined && {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          }),
        },
        timeout: target.timeoutMs,
      },
      res => {
        const contentType = String(res.headers['content-type'] ?? '');
        const chunks: Buffer[] = [];
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        res.on('data', chunk => {
          chunks.push(chunk);
          if (/^text\/(event-stream|plain)/.test(contentType)) {
            req.destroy();
            done();
          }
        });
        res.on('end', done);
        res.on('error', () => done());
      },
    );
    req.on('timeout', () => {
      req.destroy();
      reject(new Error(`no answer within ${target.timeoutMs} ms`));
    });
    req.on('error', reject);
    req.end(body);
  });
}
