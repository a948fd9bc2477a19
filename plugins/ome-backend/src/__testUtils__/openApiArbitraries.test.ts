/*
 * The derivation of the fuzz arbitraries: every operation of the document gets them, and
 * the values drawn as valid pass the very validator the backend runs
 * (createValidatedOpenApiRouter with the same document), here in front of a handler that
 * answers 200 to anything, so a 400 can only be the validator's.
 */
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { omeOpenApiSpec } from '@ome-console/plugin-ome-common';
import express from 'express';
import fc from 'fast-check';
import http from 'node:http';
import net from 'node:net';
import {
  FuzzRequest,
  omeDocument,
  operationArbitraries,
  percentEncode,
  queryString,
} from './openApiArbitraries';
import { sendFuzzRequest } from './sendFuzzRequest';

const SEED = 20261202;

jest.setTimeout(120_000);

/** The backend's validating router in front of a handler that answers 200 to anything. */
async function startValidatingServer(): Promise<http.Server> {
  const api = createValidatedOpenApiRouter(omeOpenApiSpec, {
    middleware: [express.json({ limit: '10mb' })],
  });
  (api as unknown as express.Router).use((_req, res) => {
    res.json({ reached: true });
  });
  const app = express();
  app.use(api as unknown as express.Router);
  // The error handler of the real backend: the validator's InputError becomes a 400.
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  const server = http.createServer(app);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return server;
}

let server: http.Server;
beforeAll(async () => {
  server = await startValidatingServer();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

function send(r: FuzzRequest) {
  return sendFuzzRequest(r, {
    port: (server.address() as net.AddressInfo).port,
    timeoutMs: 30_000,
  });
}

describe('openApiArbitraries', () => {
  const operations = operationArbitraries(omeDocument, {
    cluster: ['ome-dev-a'],
  });

  it('derives arbitraries for every operation of the document', () => {
    const inDocument = Object.values(omeDocument.paths).flatMap(item =>
      Object.values(item)
        .map(op => op?.operationId)
        .filter(Boolean),
    );
    expect(inDocument.length).toBeGreaterThan(30);
    expect(operations.map(o => o.operationId).sort()).toEqual(
      [...inDocument].sort(),
    );
    const withBody = operations.filter(o => o.hasBody);
    expect(withBody.map(o => o.operationId)).toEqual(
      expect.arrayContaining(['importYaml', 'createNamespacedResource']),
    );
    const withPath = operations.filter(o => o.pathParameters.length > 0);
    expect(withPath.length).toBeGreaterThan(10);
  });

  it('draws valid requests that the backend validator accepts', async () => {
    let checked = 0;
    for (const op of operations) {
      const samples = fc.sample(op.valid, { numRuns: 10, seed: SEED });
      expect(samples.length).toBe(10);
      for (const r of samples) {
        const res = await send(r);
        if (res.status !== 200) {
          throw new Error(
            `${op.operationId} ${r.method} ${r.path}?${
              r.query
            } ${JSON.stringify(r.body)} -> ${res.status} ${res.text}`,
          );
        }
        checked++;
      }
    }
    expect(checked).toBe(operations.length * 10);
  });

  it('draws hostile requests, of which the validator refuses a good share with 400', async () => {
    const statuses = new Map<number, number>();
    for (const op of operations) {
      for (const r of fc.sample(op.hostile, { numRuns: 10, seed: SEED })) {
        expect(r.valid).toBe(false);
        const res = await send(r);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) {
          throw new Error(
            `${op.operationId} ${r.method} ${r.path}?${r.query.slice(
              0,
              300,
            )} ${JSON.stringify(r.body)?.slice(0, 300)} -> ${res.status} ${
              res.text
            }`,
          );
        }
      }
    }
    expect(statuses.get(400) ?? 0).toBeGreaterThan(operations.length * 3);
  });

  it("accepts free-text query values as the frontend's client encodes them (`!`, `'`, `(`, `)`, `*` left raw)", async () => {
    for (const query of [
      { labelSelector: 'tier!=gpu' },
      { search: "llama (8b) it's *" },
      { sort: 'name', cluster: ['a!'], namespace: ['(ns)'] },
    ]) {
      const res = await send({
        operationId: 'listResources',
        method: 'GET',
        path: '/basemodels',
        query: queryString(query),
        valid: true,
      });
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
    }
  });

  it('encodes like the frontend client and keeps every byte in path values', () => {
    expect(
      queryString({ labelSelector: 'tier!=gpu', cluster: ['a', 'b'] }),
    ).toBe('labelSelector=tier!%3Dgpu&cluster=a&cluster=b');
    expect(percentEncode('a/b\r\n.ü')).toBe('a%2Fb%0D%0A%2E%C3%BC');
    expect(percentEncode('\ud800')).toBe('%EF%BF%BD');
  });
});
