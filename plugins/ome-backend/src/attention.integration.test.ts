/*
 * `GET /attention` against the real control plane (see __testUtils__/controlPlane.ts): the
 * rules of ome-common over real objects with real statuses, filtered by the caller's read
 * decision exactly like the lists.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  KubernetesObject,
  OmeAttentionItem,
  OmeAttentionResponse,
  omeResourcePath,
  omeResourceReadPermission,
} from '@ome-console/plugin-ome-common';
import request from 'supertest';
import { createOmeConditionalDecision, omeConditions } from './index';
import {
  ControlPlaneCluster,
  clusterA,
  kubeRequest,
  startOmeBackend,
} from './__testUtils__/controlPlane';

jest.setTimeout(180_000);

const RUN = Date.now().toString(36);
/** Two namespaces of this suite's own: one the conditional reader may read, one it may not. */
const SEEN = `ome-att-${RUN}`;
const HIDDEN = `ome-att-${RUN}-x`;
const OME = 'ome.io/v1beta1';

const created: Array<{ cluster: ControlPlaneCluster; path: string }> = [];

async function must(
  method: string,
  path: string,
  body: unknown,
  expected: number[],
) {
  const res = await kubeRequest(clusterA, method, path, body);
  if (!expected.includes(res.status)) {
    throw new Error(
      `${method} ${path}: HTTP ${res.status} ${JSON.stringify(res.body)}`,
    );
  }
  return res.body;
}

/** Creates an object on cluster A, then writes its status as OME would. */
async function plant(object: KubernetesObject, status?: object) {
  const kind = object.kind as any;
  const { namespace, name } = object.metadata;
  await must('POST', omeResourcePath(kind, { namespace }), object, [201]);
  const path = omeResourcePath(kind, { namespace, name });
  created.push({ cluster: clusterA, path });
  if (status) {
    // the status subresource, replaced as a whole (kubeRequest sends plain JSON)
    const live = await must('GET', path, undefined, [200]);
    await must('PUT', `${path}/status`, { ...live, status }, [200]);
  }
}

const notReady = (reason: string, message: string) => ({
  conditions: [
    {
      type: 'Ready',
      status: 'False',
      reason,
      message,
      lastTransitionTime: '2026-01-01T00:00:00Z',
    },
  ],
  modelStatus: {
    transitionStatus: 'BlockedByFailedLoad',
    lastFailureInfo: { reason, message },
  },
});
const ready = {
  conditions: [
    {
      type: 'Ready',
      status: 'True',
      lastTransitionTime: '2026-01-01T00:00:00Z',
    },
  ],
};
const isvc = (name: string, namespace: string, runtime: string) => ({
  apiVersion: OME,
  kind: 'InferenceService',
  metadata: { name, namespace },
  spec: { model: { name: 'no-such-model' }, runtime: { name: runtime } },
});

describe('GET /attention against the real control plane', () => {
  let decision: PolicyDecision = { result: AuthorizeResult.ALLOW };
  let server: Awaited<ReturnType<typeof startOmeBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    for (const name of [SEEN, HIDDEN]) {
      await must(
        'POST',
        '/api/v1/namespaces',
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
        [201],
      );
    }
    // A runtime of the catalog, disabled, in each namespace; a service naming it in each.
    const runtimes = await must(
      'GET',
      `${omeResourcePath('ClusterServingRuntime')}?limit=1`,
      undefined,
      [200],
    );
    const source = runtimes.items[0] as KubernetesObject;
    for (const namespace of [SEEN, HIDDEN]) {
      await plant({
        apiVersion: OME,
        kind: 'ServingRuntime',
        metadata: { name: 'att-srt', namespace },
        spec: { ...source.spec, disabled: true },
      });
      await plant(isvc('att-user', namespace, 'att-srt'), ready);
      await plant(
        isvc('att-down', namespace, 'att-srt'),
        notReady('NoSupportingRuntime', `no runtime fits (${namespace})`),
      );
    }
    // Cluster-scoped: a failed model and an accelerator class without nodes.
    const models = await must(
      'GET',
      `${omeResourcePath('ClusterBaseModel')}?limit=1`,
      undefined,
      [200],
    );
    await plant(
      {
        apiVersion: OME,
        kind: 'ClusterBaseModel',
        metadata: { name: `att-failed-${RUN}` },
        spec: models.items[0].spec,
      },
      { state: 'Failed', nodesReady: [], nodesFailed: ['gpu-node-1'] },
    );
    const accelerators = await must(
      'GET',
      `${omeResourcePath('AcceleratorClass')}?limit=1`,
      undefined,
      [200],
    );
    await plant(
      {
        apiVersion: OME,
        kind: 'AcceleratorClass',
        metadata: { name: `att-empty-${RUN}` },
        spec: accelerators.items[0].spec,
      },
      { nodes: [], availableNodes: 0, totalAccelerators: 0 },
    );
    const backend = await startOmeBackend({ decide: () => decision });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    for (const { cluster, path } of created.reverse()) {
      await kubeRequest(cluster, 'DELETE', path).catch(() => undefined);
    }
    for (const name of [SEEN, HIDDEN]) {
      await kubeRequest(clusterA, 'DELETE', `/api/v1/namespaces/${name}`).catch(
        () => undefined,
      );
    }
  });

  async function attention(query = ''): Promise<OmeAttentionResponse> {
    const res = await request(server)
      .get(`/api/ome/attention${query}`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body;
  }
  const mine = (body: OmeAttentionResponse) =>
    body.items.filter(
      i =>
        i.ref.cluster === 'ome-dev-a' &&
        ([SEEN, HIDDEN].includes(i.ref.namespace ?? '') ||
          i.ref.name.endsWith(RUN)),
    );
  const find = (
    items: OmeAttentionItem[],
    ns: string | undefined,
    name: string,
  ) => items.find(i => i.ref.namespace === ns && i.ref.name === name);

  it('lists every rule for a reader of everything, with reasons and the services concerned', async () => {
    decision = { result: AuthorizeResult.ALLOW };
    const body = await attention();
    expect(body.errors).toEqual([]);
    const items = mine(body);
    expect(items.length).toBe(6);
    expect(find(items, undefined, `att-failed-${RUN}`)).toMatchObject({
      reason: 'model-failed',
      severity: 'error',
      ref: { kind: 'ClusterBaseModel' },
      summary: 'Model failed on 1 node',
      detail: 'Failed on gpu-node-1',
    });
    expect(find(items, undefined, `att-empty-${RUN}`)).toMatchObject({
      reason: 'accelerator-without-capacity',
      summary: 'No nodes with this accelerator',
    });
    for (const namespace of [SEEN, HIDDEN]) {
      expect(find(items, namespace, 'att-down')).toEqual({
        reason: 'service-not-ready',
        severity: 'error',
        ref: {
          cluster: 'ome-dev-a',
          kind: 'InferenceService',
          namespace,
          name: 'att-down',
        },
        summary: 'Not ready: no serving runtime supports the model',
        detail: `NoSupportingRuntime: no runtime fits (${namespace}); model transition BlockedByFailedLoad`,
        related: [],
        since: '2026-01-01T00:00:00Z',
      });
      const runtime = find(items, namespace, 'att-srt');
      expect(runtime).toMatchObject({
        reason: 'runtime-disabled-in-use',
        ref: { kind: 'ServingRuntime' },
        summary: 'Disabled, but 2 services use it',
      });
      expect(runtime!.related.map(r => r.name).sort()).toEqual([
        'att-down',
        'att-user',
      ]);
    }
    // The seeded demo has its own: the one failed model per cluster.
    expect(
      body.items.filter(
        i => i.reason === 'model-failed' && i.ref.cluster === 'ome-dev-b',
      ).length,
    ).toBeGreaterThan(0);
    // Errors first.
    const severities = body.items.map(i => i.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(
      severities.lastIndexOf('error'),
    );
  });

  it('tells a conditional reader only about objects it may read, related ones included', async () => {
    decision = createOmeConditionalDecision(
      omeResourceReadPermission,
      omeConditions.isNamespace({ namespaces: [SEEN] }),
    );
    const body = await attention();
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item.ref.namespace).toBe(SEEN);
      for (const related of item.related) expect(related.namespace).toBe(SEEN);
    }
    expect(find(body.items, SEEN, 'att-down')?.reason).toBe(
      'service-not-ready',
    );
    expect(find(body.items, SEEN, 'att-srt')?.related).toHaveLength(2);
    // The namespace rule never matches cluster-scoped kinds.
    expect(body.items.some(i => i.ref.name.endsWith(RUN))).toBe(false);
  });

  it('narrows to the asked clusters, and is refused when reading is denied', async () => {
    decision = { result: AuthorizeResult.ALLOW };
    const b = await attention('?cluster=ome-dev-b');
    expect(b.items.length).toBeGreaterThan(0);
    expect(new Set(b.items.map(i => i.ref.cluster))).toEqual(
      new Set(['ome-dev-b']),
    );
    const unknown = await request(server)
      .get('/api/ome/attention?cluster=no-such-cluster')
      .set('Authorization', mockCredentials.user.header());
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain(
      "unknown cluster 'no-such-cluster'",
    );
    decision = { result: AuthorizeResult.DENY };
    const denied = await request(server)
      .get('/api/ome/attention')
      .set('Authorization', mockCredentials.user.header());
    expect(denied.status).toBe(403);
    const anonymous = await request(server).get('/api/ome/attention');
    expect(anonymous.status).toBe(401);
  });
});
