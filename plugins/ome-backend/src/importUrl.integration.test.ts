/*
 * Import from a URL against the real control plane, read through Backstage's real
 * UrlReaderService: a loopback server stands in for a git host the portal may read
 * (`backend.reading.allow`); another host is refused before anything is read or written.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { omeResourcePath } from '@ome-console/plugin-ome-common';
import request from 'supertest';
import {
  clusterA,
  kubeRequest,
  startOmeBackend,
} from './__testUtils__/controlPlane';

jest.setTimeout(120_000);

const RUN = Date.now().toString(36);
const NAME = `url-import-${RUN}`;
const auth = () => mockCredentials.user.header();

const runtimeYaml = `apiVersion: ome.io/v1beta1
kind: ClusterServingRuntime
metadata:
  name: ${NAME}
spec:
  disabled: true
  supportedModelFormats:
    - modelFormat:
        name: safetensors
      modelFramework:
        name: transformers
      autoSelect: false
  containers:
    - name: ome-container
      image: docker.io/lmsysorg/sglang:v0.4.6
`;

describe('POST /import with a url', () => {
  let files: Server;
  let filesBase: string;
  const served: string[] = [];
  let server: Awaited<ReturnType<typeof startOmeBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    files = createServer((req, res) => {
      served.push(req.url ?? '');
      if (req.url === '/runtimes/one.yaml') {
        res.writeHead(200, { 'Content-Type': 'text/yaml' });
        res.end(runtimeYaml);
      } else {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>(resolve => files.listen(0, '127.0.0.1', resolve));
    const { port } = files.address() as AddressInfo;
    filesBase = `http://127.0.0.1:${port}`;
    const backend = await startOmeBackend({
      configure: config => ({
        ...config,
        backend: { reading: { allow: [{ host: `127.0.0.1:${port}` }] } },
      }),
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await kubeRequest(
      clusterA,
      'DELETE',
      omeResourcePath('ClusterServingRuntime', { name: NAME }),
    ).catch(() => undefined);
    await stop?.();
    await new Promise(resolve => files?.close(resolve));
  });

  const stored = async () =>
    (
      await kubeRequest(
        clusterA,
        'GET',
        omeResourcePath('ClusterServingRuntime', { name: NAME }),
      )
    ).status;

  it('dry-runs, then imports the documents an allowed URL holds', async () => {
    const url = `${filesBase}/runtimes/one.yaml`;
    const dry = await request(server)
      .post('/api/ome/import')
      .query({ dryRun: 'true' })
      .set('Authorization', auth())
      .send({ cluster: clusterA.name, url });
    expect({ status: dry.status, error: dry.body.error }).toEqual({
      status: 200,
    });
    expect(dry.body).toMatchObject({
      dryRun: true,
      applied: true,
      results: [
        { kind: 'ClusterServingRuntime', name: NAME, outcome: 'valid' },
      ],
    });
    expect(await stored()).toBe(404);

    const applied = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({ cluster: clusterA.name, url });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({
      dryRun: false,
      applied: true,
      results: [{ name: NAME, outcome: 'created' }],
    });
    expect(await stored()).toBe(200);
    expect(served.filter(p => p === '/runtimes/one.yaml')).toHaveLength(2);
  });

  it('refuses a host the portal may not read with a 400 naming body.url, reading nothing', async () => {
    const before = served.length;
    // another loopback address: not in backend.reading.allow, no integration for it
    const refusedUrl = filesBase.replace('127.0.0.1', '127.0.0.2');
    const refused = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({ cluster: clusterA.name, url: `${refusedUrl}/runtimes/one.yaml` });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /^body\.url: Reading from '.*127\.0\.0\.2.*' is not allowed/,
    );
    expect(served.length).toBe(before);
  });

  it('answers 404 naming body.url for a path the host does not have', async () => {
    const missing = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({ cluster: clusterA.name, url: `${filesBase}/runtimes/none.yaml` });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      `body.url: nothing found at ${filesBase}/runtimes/none.yaml`,
    );
  });

  it('decides the permission before reading: a caller who may not create gets 403 and nothing is read', async () => {
    const { port } = files.address() as AddressInfo;
    const denied = await startOmeBackend({
      decide: () => ({ result: AuthorizeResult.DENY }),
      configure: config => ({
        ...config,
        backend: { reading: { allow: [{ host: `127.0.0.1:${port}` }] } },
      }),
    });
    try {
      const before = served.length;
      const res = await request(denied.server)
        .post('/api/ome/import')
        .set('Authorization', auth())
        .send({
          cluster: clusterA.name,
          url: `${filesBase}/runtimes/one.yaml`,
        });
      expect(res.status).toBe(403);
      expect(served.length).toBe(before);
    } finally {
      await denied.stop();
    }
  });
});
