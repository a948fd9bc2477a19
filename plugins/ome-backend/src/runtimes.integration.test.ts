/*
 * Runtime selection routes (issue 10) through the real kubernetes backend and the OME backend,
 * against the real local control plane with OME's catalog: the ranked runtimes of a model and
 * the models of a runtime, filtered by the caller's read decision, with the rest counted.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  OME_RESOURCE_TYPE,
  omeResourcePath,
} from '@ome-console/plugin-ome-common';
import request from 'supertest';
import { omeConditions } from './index';
import {
  clusterA,
  kubeRequest,
  startOmeBackend,
} from './__testUtils__/controlPlane';

jest.setTimeout(180_000);

const RUN = Date.now().toString(36);
const NAMESPACE = `ome-rt-${RUN}`;
/** An architecture of this suite's own: every catalog runtime excludes its model. */
const ARCH = `RtTest${RUN}ForCausalLM`;
const TEAM = { 'ome.io/team': 'team-a' };
const MODEL = `rt-model-${RUN}`;
const auth = () => mockCredentials.user.header();

const format = (extra: object = {}) => ({
  modelFormat: { name: 'safetensors', version: '1.0.0' },
  modelFramework: { name: 'transformers', version: '4.43.0' },
  modelArchitecture: ARCH,
  autoSelect: true,
  ...extra,
});
const runtimeSpec = (extra: object = {}, formatExtra: object = {}) => ({
  supportedModelFormats: [format(formatExtra)],
  modelSizeRange: { min: '1B', max: '10B' },
  containers: [{ name: 'ome-container', image: 'example/runtime:1' }],
  ...extra,
});

/** The objects this suite plants (deleted afterwards). */
const objects: Array<{ kind: any; namespace?: string; body: any }> = [
  {
    kind: 'Namespace',
    body: {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NAMESPACE },
    },
  },
  {
    kind: 'ClusterBaseModel',
    body: {
      metadata: { name: MODEL },
      spec: {
        modelFormat: { name: 'safetensors', version: '1.0.0' },
        modelFramework: { name: 'transformers', version: '4.43.0' },
        modelArchitecture: ARCH,
        modelParameterSize: '8B',
        storage: {
          storageUri: 'hf://example/rt-model',
          path: '/raid/models/rt',
        },
      },
    },
  },
  // Readable by the restricted caller (labelled team-a), but scores lower than the winner.
  {
    kind: 'ClusterServingRuntime',
    body: {
      metadata: { name: `rt-a-${RUN}`, labels: TEAM },
      spec: runtimeSpec(),
    },
  },
  // The winner (priority 2 doubles its score), not readable by the restricted caller.
  {
    kind: 'ClusterServingRuntime',
    body: {
      metadata: { name: `rt-b-${RUN}` },
      spec: runtimeSpec({}, { priority: 2 }),
    },
  },
  {
    kind: 'ClusterServingRuntime',
    body: {
      metadata: { name: `rt-off-${RUN}`, labels: TEAM },
      spec: runtimeSpec({ disabled: true }),
    },
  },
  {
    kind: 'ClusterServingRuntime',
    body: {
      metadata: { name: `rt-small-${RUN}`, labels: TEAM },
      spec: runtimeSpec({ modelSizeRange: { min: '1B', max: '3B' } }),
    },
  },
  // A namespaced runtime: ranks first for services in its namespace, whatever its score.
  {
    kind: 'ServingRuntime',
    namespace: NAMESPACE,
    body: {
      metadata: { name: `rt-ns-${RUN}`, namespace: NAMESPACE },
      spec: runtimeSpec({}, { priority: 1 }),
    },
  },
  // A BaseModel as shipped: no format yet.
  {
    kind: 'BaseModel',
    namespace: NAMESPACE,
    body: {
      metadata: { name: `rt-raw-${RUN}`, namespace: NAMESPACE },
      spec: { storage: { storageUri: 'hf://example/raw' } },
    },
  },
];

function kubePath(o: (typeof objects)[number], withName = false): string {
  if (o.kind === 'Namespace')
    return `/api/v1/namespaces${withName ? `/${o.body.metadata.name}` : ''}`;
  return omeResourcePath(o.kind, {
    namespace: o.namespace,
    ...(withName ? { name: o.body.metadata.name } : {}),
  });
}

let decision: PolicyDecision = { result: AuthorizeResult.ALLOW };
/** Reads models of both kinds and only runtimes labelled team-a. */
const RESTRICTED: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'ome',
  resourceType: OME_RESOURCE_TYPE,
  conditions: {
    anyOf: [
      omeConditions.isKind({ kinds: ['ClusterBaseModel'] }),
      omeConditions.hasLabel({ key: 'ome.io/team', values: ['team-a'] }),
    ],
  },
};

describe('runtime selection routes against the real control plane', () => {
  let server: Awaited<ReturnType<typeof startOmeBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    for (const o of objects) {
      const body =
        o.kind === 'Namespace'
          ? o.body
          : { apiVersion: 'ome.io/v1beta1', kind: o.kind, ...o.body };
      const res = await kubeRequest(clusterA, 'POST', kubePath(o), body);
      if (res.status >= 300)
        throw new Error(
          `planting ${o.kind} ${o.body.metadata.name}: ${
            res.status
          } ${JSON.stringify(res.body)}`,
        );
    }
    const backend = await startOmeBackend({ decide: () => decision });
    server = backend.server;
    stop = () => backend.stop();
    // The kubernetes backend's first cluster listing can outlast a request on a busy machine:
    // warm it up (a few tries at most) before the assertions.
    for (let i = 0; i < 3; i++) {
      const res = await request(server)
        .get('/api/ome/clusters')
        .set('Authorization', auth());
      if (res.status === 200) break;
    }
  });

  afterAll(async () => {
    await stop?.();
    for (const o of [...objects].reverse()) {
      await kubeRequest(clusterA, 'DELETE', kubePath(o, true)).catch(
        () => undefined,
      );
    }
  });

  beforeEach(() => {
    decision = { result: AuthorizeResult.ALLOW };
  });

  const get = (path: string) =>
    request(server).get(`/api/ome${path}`).set('Authorization', auth());
  const modelRuntimes = (query = '') =>
    get(`/clusters/ome-dev-a/clusterbasemodels/${MODEL}/runtimes${query}`);

  // Scores: the CRDs default every weight to 1 (the selector's own defaults, 10 and 5, never
  // apply to stored runtimes), so format + framework score 2 x priority.
  it("ranks every runtime of the cluster for a model, OME's winner first, a reason for each other", async () => {
    const res = await modelRuntimes();
    expect({ status: res.status, error: res.body?.error }).toEqual({
      status: 200,
      error: undefined,
    });
    expect(res.body.winner).toMatchObject({
      name: `rt-b-${RUN}`,
      isCluster: true,
      score: 4,
      rank: 1,
    });
    expect(res.body.winnerHidden).toBe(false);
    expect(res.body.hiddenRuntimes).toBe(0);
    const byName = Object.fromEntries(
      res.body.candidates.map((c: any) => [c.name, c]),
    );
    expect(byName[`rt-a-${RUN}`]).toMatchObject({
      rank: 2,
      score: 2,
      reason: { code: 'outranked', message: `score 2 below rt-b-${RUN}'s 4` },
    });
    expect(byName[`rt-off-${RUN}`].reason).toEqual({
      code: 'runtime-disabled',
      message: 'runtime disabled',
    });
    expect(byName[`rt-small-${RUN}`].reason).toEqual({
      code: 'size',
      message: 'size 8B outside 1B-3B',
    });
    // Without a service namespace, namespaced runtimes are not OME's to pick.
    expect(byName[`rt-ns-${RUN}`].reason).toEqual({
      code: 'other-namespace',
      message: `only for services in namespace ${NAMESPACE}`,
    });
    // The catalog's runtimes take part too, and each says why not.
    const catalog = res.body.candidates.filter((c: any) =>
      c.name.startsWith('srt-'),
    );
    expect(catalog.length).toBeGreaterThan(100);
    // The catalog round trip (another suite, same cluster) flips `disabled` on one catalog
    // runtime at a time and restores it: such a runtime says so instead.
    for (const c of catalog) {
      expect(['architecture', 'runtime-disabled']).toContain(c.reason.code);
    }
    expect(
      catalog.filter((c: any) => c.reason.code === 'architecture').length,
    ).toBeGreaterThan(100);
  });

  it('puts a runtime of the service namespace first', async () => {
    const res = await modelRuntimes(`?namespace=${NAMESPACE}`);
    expect(res.status).toBe(200);
    expect(res.body.namespace).toBe(NAMESPACE);
    expect(res.body.winner).toMatchObject({
      name: `rt-ns-${RUN}`,
      namespace: NAMESPACE,
      isCluster: false,
      score: 2,
    });
    const b = res.body.candidates.find((c: any) => c.name === `rt-b-${RUN}`);
    expect(b.reason.message).toBe(
      `namespaced runtime rt-ns-${RUN} comes first (namespaced runtimes rank before cluster runtimes)`,
    );
  });

  it('shows a restricted caller only the runtimes it may read, counts the others and does not name a hidden winner', async () => {
    decision = RESTRICTED;
    const res = await modelRuntimes();
    expect(res.status).toBe(200);
    expect(res.body.winner).toBeUndefined();
    expect(res.body.winnerHidden).toBe(true);
    const names = res.body.candidates.map((c: any) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        `rt-a-${RUN}`,
        `rt-off-${RUN}`,
        `rt-small-${RUN}`,
      ]),
    );
    expect(names).not.toContain(`rt-b-${RUN}`);
    expect(res.body.hiddenRuntimes).toBeGreaterThan(100);
    const a = res.body.candidates.find((c: any) => c.name === `rt-a-${RUN}`);
    expect(a.reason).toEqual({
      code: 'outranked',
      message: 'ranks 2: a runtime you may not read ranks first',
    });
    expect(JSON.stringify(res.body)).not.toContain(`rt-b-${RUN}`);
  });

  it('refuses a caller who may not read the model, and answers 404 for a missing one', async () => {
    decision = { result: AuthorizeResult.DENY };
    expect((await modelRuntimes()).status).toBe(403);
    decision = { result: AuthorizeResult.ALLOW };
    expect(
      (await get(`/clusters/ome-dev-a/clusterbasemodels/nope-${RUN}/runtimes`))
        .status,
    ).toBe(404);
    const bad = await modelRuntimes('?namespace=');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/namespace/);
  });

  it('explains a BaseModel whose format is not known yet', async () => {
    const res = await get(
      `/clusters/ome-dev-a/namespaces/${NAMESPACE}/basemodels/rt-raw-${RUN}/runtimes`,
    );
    expect(res.status).toBe(200);
    expect(res.body.winner).toBeUndefined();
    expect(res.body.modelProblem.code).toBe('model-format-unknown');
    expect(res.body.unknownModelFields).toEqual([
      'modelFormat',
      'modelArchitecture',
      'modelFramework',
      'modelParameterSize',
    ]);
    expect(res.body.candidates.length).toBeGreaterThan(0);
  });

  it('lists the models a runtime can serve, and those OME gives it', async () => {
    const res = await get(
      `/clusters/ome-dev-a/clusterservingruntimes/rt-b-${RUN}/models`,
    );
    expect(res.status).toBe(200);
    expect(res.body.models[0]).toMatchObject({
      kind: 'ClusterBaseModel',
      name: MODEL,
      compatible: true,
      selected: true,
      rank: 1,
    });
    expect(res.body.models.length).toBeGreaterThan(100);
    expect(res.body.hiddenModels).toBe(0);
    const ns = await get(
      `/clusters/ome-dev-a/namespaces/${NAMESPACE}/servingruntimes/rt-ns-${RUN}/models`,
    );
    expect(ns.status).toBe(200);
    expect(ns.body.models.find((m: any) => m.name === MODEL)).toMatchObject({
      selected: true,
    });
    expect(
      ns.body.models.find((m: any) => m.name === `rt-raw-${RUN}`),
    ).toMatchObject({
      kind: 'BaseModel',
      namespace: NAMESPACE,
      compatible: false,
      reason: { code: 'model-format-unknown' },
    });
  });

  it('counts the models a restricted caller may not read', async () => {
    decision = RESTRICTED;
    const res = await get(
      `/clusters/ome-dev-a/clusterservingruntimes/rt-a-${RUN}/models`,
    );
    expect(res.status).toBe(200);
    const mine = res.body.models.find((m: any) => m.name === MODEL);
    expect(mine).toMatchObject({ compatible: true, selected: false, rank: 2 });
    expect(
      res.body.models.every((m: any) => m.kind === 'ClusterBaseModel'),
    ).toBe(true);
    expect(res.body.hiddenModels).toBeGreaterThan(0);
    // the winner for this model is hidden from this caller: not named
    expect(JSON.stringify(res.body)).not.toContain(`rt-b-${RUN}`);
    // a runtime it may not read: refused
    expect(
      (
        await get(
          `/clusters/ome-dev-a/clusterservingruntimes/rt-b-${RUN}/models`,
        )
      ).status,
    ).toBe(403);
  });
});
