/*
 * The operate views against the real control plane: pods (found by OME's labels), events,
 * container logs through the apiserver's real pods/log path to the stand-in kubelet (follow
 * included), model download progress from the model-agent's ConfigMaps, and 403 without
 * ome.resource.operational.read. The demo status writer (controlplane/demo-workloads.mjs)
 * made the pods, events and ConfigMaps.
 */
import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  OME_ISVC_POD_LABEL,
  OmeApiComponents,
  modelConfigMapKey,
} from '@ome-console/plugin-ome-common';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import omePlugin from './index';
import {
  backendConfig,
  clusterA,
  kubeRequest,
  startOmeBackend,
} from './__testUtils__/controlPlane';

jest.setTimeout(120_000);

type Pod = {
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  status?: { phase?: string; containerStatuses?: Array<{ state?: { waiting?: { reason?: string } } }> };
};
type PodSummary = OmeApiComponents['schemas']['PodSummary'];
type Progress = OmeApiComponents['schemas']['ModelProgressResponse'];

const auth = () => mockCredentials.user.header();

/** Reads a followed log until `enough(text)` or the stream ends; then leaves. */
function follow(
  port: number,
  path: string,
  enough: (text: string) => boolean,
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path, headers: { Authorization: auth() } },
      res => {
        let text = '';
        res.setEncoding('utf8');
        const done = () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, text, headers: res.headers });
        };
        res.on('data', chunk => {
          text += chunk;
          if (enough(text)) done();
        });
        res.on('end', done);
      },
    );
    req.on('error', err => (req.destroyed ? undefined : reject(err)));
  });
}

describe('operate views against the real control plane', () => {
  let server: Awaited<ReturnType<typeof startOmeBackend>>['server'];
  let stop: () => Promise<void>;
  let pods: Pod[];
  const byState = (pred: (p: Pod) => boolean) => pods.find(pred)!;
  const isvcOf = (p: Pod) => p.metadata.labels[OME_ISVC_POD_LABEL];
  const base = (p: Pod) =>
    `/api/ome/clusters/${clusterA.name}/namespaces/${p.metadata.namespace}/inferenceservices/${isvcOf(p)}`;

  beforeAll(async () => {
    const backend = await startOmeBackend();
    server = backend.server;
    stop = () => backend.stop();
    const res = await kubeRequest<{ items: Pod[] }>(
      clusterA,
      'GET',
      `/api/v1/pods?labelSelector=${encodeURIComponent(OME_ISVC_POD_LABEL)}`,
    );
    pods = res.body.items;
  });
  afterAll(() => stop?.());

  it('the demo status writer made running, pending and crashing pods', () => {
    expect(pods.length).toBeGreaterThan(3);
    expect(byState(p => p.status?.phase === 'Running')).toBeDefined();
    expect(byState(p => p.status?.phase === 'Pending')).toBeDefined();
    expect(
      byState(p =>
        !!p.status?.containerStatuses?.some(
          c => c.state?.waiting?.reason === 'CrashLoopBackOff',
        ),
      ),
    ).toBeDefined();
  });

  it("lists a service's pods by OME's labels, with phase, restarts and the scheduler's reason", async () => {
    const pending = byState(p => p.status?.phase === 'Pending');
    const res = await request(server).get(`${base(pending)}/pods`).set('Authorization', auth());
    expect({ status: res.status, body: res.status === 200 ? {} : res.body }).toEqual({ status: 200, body: {} });
    const items = res.body.items as PodSummary[];
    const expected = pods
      .filter(p => isvcOf(p) === isvcOf(pending) && p.metadata.namespace === pending.metadata.namespace)
      .map(p => p.metadata.name)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map(p => p.name).sort()).toEqual(expected);
    const summary = items.find(p => p.name === pending.metadata.name)!;
    expect(summary.phase).toBe('Pending');
    expect(summary.reason).toContain('Insufficient nvidia.com/gpu');
    expect(summary.component).toBe('engine');

    const crashing = byState(p =>
      !!p.status?.containerStatuses?.some(c => c.state?.waiting?.reason === 'CrashLoopBackOff'),
    );
    const crashRes = await request(server).get(`${base(crashing)}/pods`).set('Authorization', auth());
    const crash = (crashRes.body.items as PodSummary[]).find(p => p.name === crashing.metadata.name)!;
    expect(crash.phase).toBe('CrashLoopBackOff');
    expect(crash.restarts).toBeGreaterThan(0);
  });

  it('lists the events of the service and of its pods, newest first', async () => {
    const pending = byState(p => p.status?.phase === 'Pending');
    const res = await request(server).get(`${base(pending)}/events`).set('Authorization', auth());
    expect(res.status).toBe(200);
    const items = res.body.items as Array<{ reason: string; object: string; type: string; last?: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items).toContainEqual(
      expect.objectContaining({ reason: 'FailedScheduling', type: 'Warning', object: `Pod/${pending.metadata.name}` }),
    );
    expect(items.some(e => e.object === `InferenceService/${isvcOf(pending)}`)).toBe(true);
    const times = items.map(e => e.last ?? '');
    expect(times).toEqual([...times].sort().reverse());
  });

  it('reads a container log through the apiserver and the stand-in kubelet, with a bounded tail', async () => {
    const running = byState(p => p.status?.phase === 'Running' && !p.status?.containerStatuses?.some(c => c.state?.waiting));
    const res = await request(server)
      .get(`${base(running)}/pods/${running.metadata.name}/log?container=ome-container&tailLines=5`)
      .set('Authorization', auth())
      .buffer(true)
      .parse((r, cb) => {
        let t = '';
        r.on('data', (c: Buffer) => (t += c.toString()));
        r.on('end', () => cb(null, t));
      });
    expect({ status: res.status, body: res.status === 200 ? '' : res.body }).toEqual({ status: 200, body: '' });
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const lines = String(res.body).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toContain(`[${running.metadata.name}/ome-container]`);
  });

  it('follows a log: new lines keep arriving, uncompressed, until the client leaves', async () => {
    const running = byState(p => p.status?.phase === 'Running' && !p.status?.containerStatuses?.some(c => c.state?.waiting));
    const { port } = server.address() as AddressInfo;
    const lineNumbers = (t: string) => [...t.matchAll(/ line (\d+)$/gm)].map(m => Number(m[1]));
    const res = await follow(
      port,
      `${base(running)}/pods/${running.metadata.name}/log?tailLines=1&follow=true`,
      // the one tail line, then at least two lines written after the request
      t => lineNumbers(t).length >= 3,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    const numbers = lineNumbers(res.text);
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBe(numbers[i - 1] + 1);
  });

  it("refuses the log of another service's pod (404) and an unknown container (400)", async () => {
    const a = pods[0];
    const other = pods.find(p => isvcOf(p) !== isvcOf(a) || p.metadata.namespace !== a.metadata.namespace)!;
    expect(other).toBeDefined();
    const res = await request(server)
      .get(`${base(a)}/pods/${other.metadata.name}/log`)
      .set('Authorization', auth());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('is not a pod of InferenceService');
    const bad = await request(server)
      .get(`${base(a)}/pods/${a.metadata.name}/log?container=nope`)
      .set('Authorization', auth());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('container');
    const tooLong = await request(server)
      .get(`${base(a)}/pods/${a.metadata.name}/log?tailLines=999999`)
      .set('Authorization', auth());
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('tailLines');
  });

  it("reports a model's per-node state from the model-agent's ConfigMaps, and the services using it", async () => {
    const list = await kubeRequest<{ items: Array<{ metadata: { name: string }; status?: { state?: string; nodesReady?: string[]; nodesFailed?: string[] } }> }>(
      clusterA,
      'GET',
      '/apis/ome.io/v1beta1/clusterbasemodels',
    );
    const failed = list.body.items.find(m => m.status?.state === 'Failed')!;
    const ready = list.body.items.find(m => m.status?.state === 'Ready' && (m.status.nodesReady ?? []).length > 1)!;
    expect(failed).toBeDefined();
    expect(ready).toBeDefined();

    const r = await request(server)
      .get(`/api/ome/clusters/${clusterA.name}/clusterbasemodels/${ready.metadata.name}/progress`)
      .set('Authorization', auth());
    expect(r.status).toBe(200);
    const progress = r.body as Progress;
    expect(progress.agentError).toBeUndefined();
    expect(progress.nodesReady).toEqual(ready.status!.nodesReady);
    expect(progress.nodes.map(n => n.node)).toEqual([...ready.status!.nodesReady!].sort());
    for (const n of progress.nodes) {
      expect(n.state).toBe('Ready');
      expect(n.progress?.fraction).toBe(1);
    }

    // the failed model is one a service uses (the demo status writer picks it so)
    const f = await request(server)
      .get(`/api/ome/clusters/${clusterA.name}/clusterbasemodels/${failed.metadata.name}/progress`)
      .set('Authorization', auth());
    expect(f.status).toBe(200);
    const fp = f.body as Progress;
    expect(fp.nodes.length).toBeGreaterThan(0);
    expect(fp.nodes.every(n => n.state === 'Failed')).toBe(true);
    expect(fp.nodesFailed).toEqual(failed.status!.nodesFailed);
    expect(fp.services.length).toBeGreaterThan(0);

    // the ConfigMap key is OME's
    const cm = await kubeRequest(clusterA, 'GET', `/api/v1/namespaces/ome/configmaps/${fp.nodes[0].node}`);
    expect(Object.keys(cm.body.data)).toContain(modelConfigMapKey(failed.metadata.name));
  });

  it('answers 404 for a service that does not exist', async () => {
    const res = await request(server)
      .get(`/api/ome/clusters/${clusterA.name}/namespaces/default/inferenceservices/no-such-isvc/pods`)
      .set('Authorization', auth());
    expect(res.status).toBe(404);
  });
});

describe('operate views without ome.resource.operational.read', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;
  const asked: string[] = [];

  beforeAll(async () => {
    const permissions: PermissionsService = {
      async authorize(requests) {
        return requests.map(r => ({
          result:
            r.permission.name === 'ome.resource.operational.read'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }));
      },
      async authorizeConditional(requests) {
        return requests.map(r => {
          asked.push(r.permission.name);
          return {
            result:
              r.permission.name === 'ome.resource.operational.read'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          };
        }) as any;
      },
    };
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        omePlugin,
        mockServices.rootConfig.factory({ data: backendConfig() }),
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
        createServiceFactory({ service: coreServices.permissions, deps: {}, factory: () => permissions }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });
  afterAll(() => stop?.());

  it('answers 403 on pods, events, logs and model progress, and still lets the object be read', async () => {
    const pods = await kubeRequest<{ items: Pod[] }>(
      clusterA,
      'GET',
      `/api/v1/pods?labelSelector=${encodeURIComponent(OME_ISVC_POD_LABEL)}`,
    );
    const p = pods.body.items[0];
    expect(p).toBeDefined();
    const isvc = `/api/ome/clusters/${clusterA.name}/namespaces/${p.metadata.namespace}/inferenceservices/${p.metadata.labels[OME_ISVC_POD_LABEL]}`;
    const models = await kubeRequest<{ items: Array<{ metadata: { name: string } }> }>(
      clusterA,
      'GET',
      '/apis/ome.io/v1beta1/clusterbasemodels?limit=1',
    );
    const paths = [
      `${isvc}/pods`,
      `${isvc}/events`,
      `${isvc}/pods/${p.metadata.name}/log`,
      `${isvc}/pods/${p.metadata.name}/log?follow=true`,
      `/api/ome/clusters/${clusterA.name}/clusterbasemodels/${models.body.items[0].metadata.name}/progress`,
    ];
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const res = await request(server).get(path).set('Authorization', auth());
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(res.body.error.message).toContain('ome.resource.operational.read');
    }
    expect(asked).toContain('ome.resource.operational.read');
    const read = await request(server).get(isvc).set('Authorization', auth());
    expect(read.status).toBe(200);
  });
});
