/*
 * Every kind's lifecycle through the real kubernetes backend and the OME backend, against
 * the real local control plane (see __testUtils__/controlPlane.ts).
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  KubernetesObject,
  OME_KINDS,
  OME_REDACTED_VALUE,
  OmeClustersResponse,
  OmeImportResponse,
  OmeKindInfo,
  OmeListResponse,
  OmeNamespacesResponse,
  OmeWriteResult,
  newOmeObject,
  omeResourcePath,
} from '@ome-console/plugin-ome-common';
import request from 'supertest';
import {
  ControlPlaneCluster,
  clusterA,
  clusterB,
  kubeRequest,
  startOmeBackend,
} from './__testUtils__/controlPlane';
import { plantedToken } from './__testUtils__/plantedSecrets';

jest.setTimeout(180_000);

const RUN = Date.now().toString(36);
/**
 * A namespace of this suite's own on both clusters: other suites count team-a's objects while
 * this one creates and deletes objects.
 */
const NAMESPACE = `ome-crud-${RUN}`;
const auth = () => mockCredentials.user.header();

/** The kinds cluster B does not serve (see controlplane/launch.mjs). */
const MISSING_ON_B = new Set(['FineTunedWeight', 'BenchmarkJob']);

function apiPath(info: OmeKindInfo, cluster: string, name?: string): string {
  const scope = info.namespaced
    ? `/api/ome/clusters/${cluster}/namespaces/${NAMESPACE}/${info.plural}`
    : `/api/ome/clusters/${cluster}/${info.plural}`;
  return name ? `${scope}/${name}` : scope;
}

function kubePath(info: OmeKindInfo, name: string): string {
  return omeResourcePath(info.kind, { namespace: NAMESPACE, name });
}

describe('OME resources: full lifecycle against the real control plane', () => {
  let server: Awaited<ReturnType<typeof startOmeBackend>>['server'];
  let stop: () => Promise<void>;
  const created: Array<{ cluster: ControlPlaneCluster; path: string }> = [];

  beforeAll(async () => {
    for (const cluster of [clusterA, clusterB]) {
      const res = await kubeRequest(cluster, 'POST', '/api/v1/namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: NAMESPACE },
      });
      if (res.status !== 201) {
        throw new Error(
          `creating namespace ${NAMESPACE} on ${cluster.name}: HTTP ${res.status}`,
        );
      }
    }
    const backend = await startOmeBackend();
    server = backend.server;
    stop = () => backend.stop();
  });

  let runtimeName: string | undefined;
  /**
   * A copy of a catalog runtime that only this suite touches (the catalog round trip edits
   * the catalog's own runtimes at the same time).
   */
  async function privateRuntime(): Promise<string> {
    if (runtimeName) return runtimeName;
    const info = OME_KINDS.find(k => k.kind === 'ClusterServingRuntime')!;
    const list = await request(server)
      .get(`/api/ome/${info.plural}`)
      .query({ cluster: 'ome-dev-a', limit: 1, sort: 'name' })
      .set('Authorization', auth());
    const name = `private-${RUN}`;
    const res = await request(server)
      .post(
        `${apiPath(
          info,
          'ome-dev-a',
          list.body.items[0].object.metadata.name,
        )}/clone`,
      )
      .set('Authorization', auth())
      .send({ name });
    expect(res.status).toBe(201);
    created.push({ cluster: clusterA, path: kubePath(info, name) });
    runtimeName = name;
    return name;
  }

  afterAll(async () => {
    // Whatever a failed test left behind.
    for (const { cluster, path } of created) {
      await kubeRequest(cluster, 'DELETE', path).catch(() => undefined);
    }
    await stop?.();
  });

  it.each([...MISSING_ON_B].map(kind => [kind] as const))(
    '%s: not installed on ome-dev-b, listed from ome-dev-a, creating it on B is a 404 naming the cluster',
    async kind => {
      const info = OME_KINDS.find(k => k.kind === kind)!;
      const createRes = await request(server)
        .post(apiPath(info, clusterB.name))
        .set('Authorization', auth())
        .send(
          newOmeObject(info.kind, {
            name: `absent-${RUN}`,
            namespace: NAMESPACE,
          }),
        );
      expect(createRes.status).toBe(404);
      expect(createRes.body.error.message).toContain('not installed');
      expect(createRes.body.error.message).toContain(clusterB.name);
      const list = await request(server)
        .get(`/api/ome/${info.plural}`)
        .set('Authorization', auth());
      expect(list.status).toBe(200);
      expect((list.body as OmeListResponse).notInstalled).toEqual([
        clusterB.name,
      ]);
      expect(list.body.errors).toEqual([]);
      expect(list.body.stats.byCluster).toEqual({
        [clusterA.name]: expect.any(Number),
      });
    },
  );

  const lifecycles = [clusterA, clusterB].flatMap(cluster =>
    OME_KINDS.filter(
      k => cluster === clusterA || !MISSING_ON_B.has(k.kind),
    ).map(info => [info.kind, cluster.name, cluster, info] as const),
  );
  it.each(lifecycles)(
    '%s on %s: create, get, list, update, delete',
    async (_kind, _clusterName, cluster, info) => {
      const name = `crud-${info.plural.slice(0, 12)}-${RUN}`;
      const object = newOmeObject(info.kind, { name, namespace: NAMESPACE });
      const createRes = await request(server)
        .post(apiPath(info, cluster.name))
        .set('Authorization', auth())
        .send(object);

      expect(createRes.status).toBe(201);
      created.push({ cluster, path: kubePath(info, name) });
      const write = createRes.body as OmeWriteResult;
      expect(write).toMatchObject({
        cluster: cluster.name,
        changed: true,
        dryRun: false,
      });
      expect(write.object.metadata.name).toBe(name);

      const stored = await kubeRequest(cluster, 'GET', kubePath(info, name));
      expect(stored.status).toBe(200);
      expect(stored.body.spec).toEqual(write.object.spec);

      const get = await request(server)
        .get(apiPath(info, cluster.name, name))
        .set('Authorization', auth());
      expect(get.status).toBe(200);
      expect(get.body.cluster).toBe(cluster.name);
      expect(get.body.object.metadata.resourceVersion).toBe(
        stored.body.metadata.resourceVersion,
      );
      expect(get.body.object.metadata.managedFields).toBeUndefined();
      expect(get.body.actions).toEqual({ update: true, delete: true });

      const list = await request(server)
        .get(`/api/ome/${info.plural}`)
        .query({ cluster: cluster.name, search: name })
        .set('Authorization', auth());
      expect(list.status).toBe(200);
      expect(
        (list.body as OmeListResponse).items.map(i => i.object.metadata.name),
      ).toEqual([name]);
      expect(list.body.totalCount).toBe(1);

      // An update changes the label it adds and nothing else.
      const edited: KubernetesObject = {
        ...get.body.object,
        metadata: {
          ...get.body.object.metadata,
          labels: {
            ...get.body.object.metadata.labels,
            'ome-console/test': RUN,
          },
        },
      };
      const update = await request(server)
        .put(apiPath(info, cluster.name, name))
        .set('Authorization', auth())
        .send(edited);
      expect(update.status).toBe(200);
      expect(update.body.changed).toBe(true);
      const labelPatch = get.body.object.metadata.labels
        ? { op: 'add', path: '/metadata/labels/ome-console~1test', value: RUN }
        : {
            op: 'add',
            path: '/metadata/labels',
            value: { 'ome-console/test': RUN },
          };
      expect(update.body.patch).toEqual([labelPatch]);
      const after = await kubeRequest(cluster, 'GET', kubePath(info, name));
      expect(after.body.metadata.labels['ome-console/test']).toBe(RUN);
      expect(after.body.spec).toEqual(stored.body.spec);

      const del = await request(server)
        .delete(apiPath(info, cluster.name, name))
        .query({ resourceVersion: after.body.metadata.resourceVersion })
        .set('Authorization', auth());
      expect(del.status).toBe(200);
      expect(del.body.changed).toBe(true);
      const gone = await request(server)
        .get(apiPath(info, cluster.name, name))
        .set('Authorization', auth());
      // Kinds with finalizers may linger while being deleted; nothing runs them here.
      const state =
        gone.status === 200 && gone.body.object.metadata.deletionTimestamp
          ? 'terminating'
          : gone.status;
      expect([404, 'terminating']).toContain(state);
    },
  );

  it('lists which kinds each cluster serves', async () => {
    const res = await request(server)
      .get('/api/ome/clusters')
      .set('Authorization', auth());
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      (res.body as OmeClustersResponse).items.map(c => [c.name, c]),
    );
    for (const info of OME_KINDS) {
      expect(byName['ome-dev-a'].kinds).toContainEqual({
        kind: info.kind,
        installed: true,
        versions: ['v1beta1'],
      });
      const installed = !MISSING_ON_B.has(info.kind);
      expect(byName['ome-dev-b'].kinds).toContainEqual({
        kind: info.kind,
        installed,
        versions: installed ? ['v1beta1'] : [],
      });
    }
  });

  it('lists namespaces with their labels on both clusters', async () => {
    const res = await request(server)
      .get('/api/ome/namespaces')
      .set('Authorization', auth());
    expect(res.status).toBe(200);
    const body = res.body as OmeNamespacesResponse;
    for (const cluster of ['ome-dev-a', 'ome-dev-b']) {
      expect(body.items).toContainEqual(
        expect.objectContaining({
          cluster,
          name: 'team-a',
          labels: expect.objectContaining({ 'ome.io/team': 'team-a' }),
        }),
      );
    }
    expect(body.errors).toEqual([]);
  });

  it('sorts, pages and counts a list on the server', async () => {
    const all = await request(server)
      .get('/api/ome/clusterbasemodels')
      .query({ cluster: 'ome-dev-a', sort: 'name', order: 'desc' })
      .set('Authorization', auth());
    expect(all.status).toBe(200);
    const names = (all.body as OmeListResponse).items.map(
      i => i.object.metadata.name,
    );
    // Names compare like people read them: numbers by value (`qwen-7b` before `qwen-14b`).
    expect(names).toEqual(
      [...names].sort((a, b) =>
        b.localeCompare(a, undefined, { numeric: true, sensitivity: 'base' }),
      ),
    );
    const page = await request(server)
      .get('/api/ome/clusterbasemodels')
      .query({
        cluster: 'ome-dev-a',
        sort: 'name',
        order: 'desc',
        offset: 10,
        limit: 5,
      })
      .set('Authorization', auth());
    expect(page.body.items.map((i: any) => i.object.metadata.name)).toEqual(
      names.slice(10, 15),
    );
    expect(page.body.totalCount).toBe(names.length);
    const byState = page.body.stats.byState as Record<string, number>;
    expect(Object.values(byState).reduce((a, b) => a + b, 0)).toBe(
      names.length,
    );
    expect(byState.Failed).toBe(1);

    const labelled = await request(server)
      .get('/api/ome/clusterbasemodels')
      .query({ labelSelector: 'no-such-label=x' })
      .set('Authorization', auth());
    expect(labelled.status).toBe(200);
    expect(labelled.body.totalCount).toBe(0);
    const badSelector = await request(server)
      .get('/api/ome/clusterbasemodels')
      .query({ labelSelector: '!!bad' })
      .set('Authorization', auth());
    expect(badSelector.status).toBe(400);
    expect(badSelector.body.error.message).toContain('labelSelector');
    const badSort = await request(server)
      .get('/api/ome/clusterbasemodels')
      .query({ sort: 'nope' })
      .set('Authorization', auth());
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.message).toContain('sort');
  });

  it('answers 422 with the field path for a schema violation, from ome-common and from the CRD', async () => {
    const isvc = OME_KINDS.find(k => k.kind === 'InferenceService')!;
    const object = newOmeObject('InferenceService', {
      name: `bad-${RUN}`,
      namespace: NAMESPACE,
    });
    const ours = await request(server)
      .post(apiPath(isvc, 'ome-dev-a'))
      .set('Authorization', auth())
      .send({
        ...object,
        metadata: { ...object.metadata, name: 'Not_A_Name' },
      });
    expect(ours.status).toBe(422);
    expect(ours.body.details.rejectedBy).toBe('schema');
    expect(ours.body.details.fieldErrors).toContainEqual(
      expect.objectContaining({ path: 'metadata.name' }),
    );

    // A field ome-common's schemas leave to the CRD: the apiserver's 422 names it.
    const crd = await request(server)
      .post(apiPath(isvc, 'ome-dev-a'))
      .query({ dryRun: 'true' })
      .set('Authorization', auth())
      .send({
        ...object,
        spec: { ...object.spec, kedaConfig: { enableKeda: 'sometimes' } },
      });
    expect(crd.status).toBe(422);
    expect(crd.body.details.rejectedBy).toBe('schema');
    expect(crd.body.details.fieldErrors).toContainEqual(
      expect.objectContaining({ path: 'spec.kedaConfig.enableKeda' }),
    );
    const absent = await kubeRequest(
      clusterA,
      'GET',
      kubePath(isvc, `bad-${RUN}`),
    );
    expect(absent.status).toBe(404);
  });

  it('answers 422 naming the admission policy, and passes admission warnings on', async () => {
    const isvc = OME_KINDS.find(k => k.kind === 'InferenceService')!;
    const object = newOmeObject('InferenceService', {
      name: `vap-${RUN}`,
      namespace: NAMESPACE,
    });
    const denied = await request(server)
      .post(apiPath(isvc, 'ome-dev-b'))
      .set('Authorization', auth())
      .send({
        ...object,
        spec: {
          ...object.spec,
          engine: { ...object.spec?.engine, minReplicas: 3, maxReplicas: 1 },
        },
      });
    expect(denied.status).toBe(422);
    expect(denied.body.details.rejectedBy).toBe('admission');
    expect(denied.body.error.message).toContain('ValidatingAdmissionPolicy');
    expect(denied.body.details.fieldErrors[0].path).toBe(
      'spec.engine.minReplicas',
    );

    const model = OME_KINDS.find(k => k.kind === 'BaseModel')!;
    const secret = plantedToken('crud');
    const withToken = newOmeObject('BaseModel', {
      name: `token-${RUN}`,
      namespace: NAMESPACE,
    });
    withToken.spec = {
      ...withToken.spec,
      storage: { ...withToken.spec?.storage, parameters: { token: secret } },
    };
    const warned = await request(server)
      .post(apiPath(model, 'ome-dev-a'))
      .set('Authorization', auth())
      .send(withToken);
    expect(warned.status).toBe(201);
    created.push({ cluster: clusterA, path: kubePath(model, `token-${RUN}`) });
    expect(warned.body.warnings.join('\n')).toContain(
      'plaintext Hugging Face token',
    );
    expect(warned.body.object.spec.storage.parameters.token).toBe(
      OME_REDACTED_VALUE,
    );
    expect(JSON.stringify(warned.body)).not.toContain(secret);

    // Saving the redacted copy keeps the stored token; the GET never shows it.
    const get = await request(server)
      .get(apiPath(model, 'ome-dev-a', `token-${RUN}`))
      .set('Authorization', auth());
    expect(JSON.stringify(get.body)).not.toContain(secret);
    const relabel = await request(server)
      .put(apiPath(model, 'ome-dev-a', `token-${RUN}`))
      .set('Authorization', auth())
      .send({
        ...get.body.object,
        metadata: { ...get.body.object.metadata, labels: { x: 'y' } },
      });
    expect(relabel.status).toBe(200);
    expect(JSON.stringify(relabel.body)).not.toContain(secret);
    const stored = await kubeRequest(
      clusterA,
      'GET',
      kubePath(model, `token-${RUN}`),
    );
    expect(stored.body.spec.storage.parameters.token).toBe(secret);
    expect(stored.body.metadata.labels).toEqual({ x: 'y' });
  });

  it('lets one of two writers with the same resourceVersion win; the other gets 409 with the live object', async () => {
    const info = OME_KINDS.find(k => k.kind === 'ClusterServingRuntime')!;
    const name = `conflict-${RUN}`;
    const res = await request(server)
      .post(apiPath(info, 'ome-dev-a'))
      .set('Authorization', auth())
      .send(newOmeObject(info.kind, { name }));
    expect(res.status).toBe(201);
    created.push({ cluster: clusterA, path: kubePath(info, name) });
    const read = (
      await request(server)
        .get(apiPath(info, 'ome-dev-a', name))
        .set('Authorization', auth())
    ).body.object as KubernetesObject;

    const writer = (label: string) => ({
      ...read,
      metadata: {
        ...read.metadata,
        labels: { ...read.metadata.labels, [label]: 'yes' },
      },
    });
    const [first, second] = await Promise.all([
      request(server)
        .put(apiPath(info, 'ome-dev-a', name))
        .set('Authorization', auth())
        .send(writer('first')),
      request(server)
        .put(apiPath(info, 'ome-dev-a', name))
        .set('Authorization', auth())
        .send(writer('second')),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [winner, loser] =
      first.status === 200 ? [first, second] : [second, first];
    const winnerLabel = winner === first ? 'first' : 'second';
    const loserLabel = winner === first ? 'second' : 'first';
    expect(loser.body.error.name).toBe('ConflictError');
    expect(loser.body.details.live.metadata.labels[winnerLabel]).toBe('yes');

    // The loser reapplies on the live object: both changes are kept.
    const live = loser.body.details.live as KubernetesObject;
    const retry = await request(server)
      .put(apiPath(info, 'ome-dev-a', name))
      .set('Authorization', auth())
      .send({
        ...live,
        metadata: {
          ...live.metadata,
          labels: { ...live.metadata.labels, [loserLabel]: 'yes' },
        },
      });
    expect(retry.status).toBe(200);
    const stored = await kubeRequest(clusterA, 'GET', kubePath(info, name));
    expect(stored.body.metadata.labels).toMatchObject({
      first: 'yes',
      second: 'yes',
    });

    // A stale delete is refused too.
    const staleDelete = await request(server)
      .delete(apiPath(info, 'ome-dev-a', name))
      .query({ resourceVersion: read.metadata.resourceVersion })
      .set('Authorization', auth());
    expect(staleDelete.status).toBe(409);
    expect(
      (await kubeRequest(clusterA, 'GET', kubePath(info, name))).status,
    ).toBe(200);
  });

  it('writes nothing for an unchanged save, and a dry run shows the change without writing it', async () => {
    const info = OME_KINDS.find(k => k.kind === 'ClusterServingRuntime')!;
    const name = await privateRuntime();
    const before = await kubeRequest(clusterA, 'GET', kubePath(info, name));
    const get = await request(server)
      .get(apiPath(info, 'ome-dev-a', name))
      .set('Authorization', auth());

    const unchanged = await request(server)
      .put(apiPath(info, 'ome-dev-a', name))
      .set('Authorization', auth())
      .send(get.body.object);
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ changed: false, patch: [] });

    const dry = await request(server)
      .put(apiPath(info, 'ome-dev-a', name))
      .query({ dryRun: 'true' })
      .set('Authorization', auth())
      .send({
        ...get.body.object,
        spec: { ...get.body.object.spec, disabled: true },
      });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ changed: true, dryRun: true });
    expect(dry.body.patch).toEqual([
      expect.objectContaining({ path: '/spec/disabled', value: true }),
    ]);
    expect(dry.body.object.spec.disabled).toBe(true);

    const after = await kubeRequest(clusterA, 'GET', kubePath(info, name));
    expect(after.body).toEqual(before.body);
  });

  it('clones an object to another cluster', async () => {
    const info = OME_KINDS.find(k => k.kind === 'ClusterServingRuntime')!;
    const sourceName = await privateRuntime();
    const source = (
      await kubeRequest(clusterA, 'GET', kubePath(info, sourceName))
    ).body as KubernetesObject;
    const name = `clone-${RUN}`;
    const clone = await request(server)
      .post(`${apiPath(info, 'ome-dev-a', source.metadata.name)}/clone`)
      .set('Authorization', auth())
      .send({ name, cluster: 'ome-dev-b' });
    expect(clone.status).toBe(201);
    created.push({ cluster: clusterB, path: kubePath(info, name) });
    const copy = await kubeRequest(clusterB, 'GET', kubePath(info, name));
    expect(copy.status).toBe(200);
    expect(copy.body.spec).toEqual(source.spec);

    const badName = await request(server)
      .post(`${apiPath(info, 'ome-dev-a', source.metadata.name)}/clone`)
      .set('Authorization', auth())
      .send({ name: 'UPPER' });
    expect(badName.status).toBe(422);
    expect(badName.body.details.fieldErrors[0].path).toBe('metadata.name');
  });

  it('imports multi-document YAML all or nothing, refusing Secrets without echoing them', async () => {
    const ns = `import-${RUN}`;
    const secretValue = `c2VjcmV0LSR7UlVOfQ-${RUN}`;
    const model = (name: string) =>
      `apiVersion: ome.io/v1beta1\nkind: BaseModel\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  modelFormat:\n    name: safetensors\n  storage:\n    storageUri: hf://example/${name}\n`;
    const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: hf\n  namespace: ${ns}\ndata:\n  token: ${secretValue}\n`;
    const namespace = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    ome-console/test: import\n`;

    const refused = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({
        cluster: 'ome-dev-a',
        yaml: [namespace, model('m1'), secret].join('---\n'),
      });
    expect(refused.status).toBe(200);
    const refusedBody = refused.body as OmeImportResponse;
    expect(refusedBody.applied).toBe(false);
    expect(refusedBody.results.map(r => r.outcome)).toEqual([
      'valid',
      'valid',
      'refused',
    ]);
    expect(JSON.stringify(refusedBody)).not.toContain(secretValue);
    expect(
      (await kubeRequest(clusterA, 'GET', `/api/v1/namespaces/${ns}`)).status,
    ).toBe(404);

    const ok = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({
        cluster: 'ome-dev-a',
        yaml: [namespace, model('m1'), model('m2')].join('---\n'),
      });
    expect(ok.status).toBe(200);
    created.push({ cluster: clusterA, path: `/api/v1/namespaces/${ns}` });
    expect(ok.body.applied).toBe(true);
    expect(ok.body.results.map((r: any) => r.outcome)).toEqual([
      'created',
      'created',
      'created',
    ]);
    const m2 = await kubeRequest(
      clusterA,
      'GET',
      omeResourcePath('BaseModel', { namespace: ns, name: 'm2' }),
    );
    expect(m2.status).toBe(200);

    // Importing the same again changes nothing; a failing document leaves the earlier ones untouched.
    const again = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({
        cluster: 'ome-dev-a',
        yaml: [namespace, model('m1')].join('---\n'),
      });
    expect(again.body.results.map((r: any) => r.outcome)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    const failing = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({
        cluster: 'ome-dev-a',
        yaml: [
          model('m3'),
          'apiVersion: ome.io/v1beta1\nkind: BaseModel\nmetadata:\n  name: Bad_Name\n',
        ].join('---\n'),
        namespace: ns,
      });
    expect(failing.body.applied).toBe(false);
    expect(failing.body.results.map((r: any) => r.outcome)).toEqual([
      'valid',
      'failed',
    ]);
    expect(failing.body.results[1].fieldErrors).toContainEqual(
      expect.objectContaining({ path: 'metadata.name' }),
    );
    expect(
      (
        await kubeRequest(
          clusterA,
          'GET',
          omeResourcePath('BaseModel', { namespace: ns, name: 'm3' }),
        )
      ).status,
    ).toBe(404);

    const broken = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({ cluster: 'ome-dev-a', yaml: 'a: [' });
    expect(broken.status).toBe(200);
    expect(broken.body.results[0].outcome).toBe('failed');
    expect(broken.body.results[0].message).toContain('YAML');
  });

  it('answers client mistakes with 400/404, never 500', async () => {
    const info = OME_KINDS.find(k => k.kind === 'ClusterBaseModel')!;
    const cases: Array<[string, request.Test, number]> = [
      [
        'unknown cluster',
        request(server).get(apiPath(info, 'no-such-cluster', 'x')),
        404,
      ],
      [
        'missing object',
        request(server).get(apiPath(info, 'ome-dev-a', `missing-${RUN}`)),
        404,
      ],
      [
        'body not an object',
        request(server)
          .post(apiPath(info, 'ome-dev-a'))
          .set('Content-Type', 'application/json')
          .send('[1,2]'),
        400,
      ],
      [
        'malformed JSON',
        request(server)
          .post(apiPath(info, 'ome-dev-a'))
          .set('Content-Type', 'application/json')
          .send('{"a":'),
        400,
      ],
      [
        'bad dryRun',
        request(server)
          .post(apiPath(info, 'ome-dev-a'))
          .query({ dryRun: 'maybe' })
          .send({}),
        400,
      ],
      [
        'bad limit',
        request(server).get('/api/ome/clusterbasemodels').query({ limit: '0' }),
        400,
      ],
      [
        'import without cluster',
        request(server).post('/api/ome/import').send({ yaml: 'a: 1' }),
        400,
      ],
    ];
    for (const [what, req, status] of cases) {
      const res = await req.set('Authorization', auth());
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.body.error?.message).toBeTruthy();
    }
  });

  /** Name and resourceVersion of every BaseModel in this suite's namespace, per cluster. */
  async function snapshot(): Promise<Record<string, string[]>> {
    const info = OME_KINDS.find(k => k.kind === 'BaseModel')!;
    const out: Record<string, string[]> = {};
    for (const cluster of [clusterA, clusterB]) {
      const res = await kubeRequest(
        cluster,
        'GET',
        omeResourcePath(info.kind, { namespace: NAMESPACE }),
      );
      out[cluster.name] = (res.body.items as KubernetesObject[])
        .map(o => `${o.metadata.name}@${o.metadata.resourceVersion}`)
        .sort();
    }
    return out;
  }

  it('leaves the clusters unchanged on a dry run of every write: create, update, delete, clone and import', async () => {
    const info = OME_KINDS.find(k => k.kind === 'BaseModel')!;
    const name = `dry-${RUN}`;
    const planted = await kubeRequest(
      clusterA,
      'POST',
      omeResourcePath(info.kind, { namespace: NAMESPACE }),
      newOmeObject(info.kind, { name, namespace: NAMESPACE }),
    );
    expect(planted.status).toBe(201);
    created.push({ cluster: clusterA, path: kubePath(info, name) });
    const stored = planted.body as KubernetesObject;
    const before = await snapshot();

    const dry = { dryRun: 'true' };
    const writes: Array<[string, request.Test, number]> = [
      [
        'create',
        request(server)
          .post(apiPath(info, 'ome-dev-a'))
          .query(dry)
          .send(
            newOmeObject(info.kind, {
              name: `${name}-new`,
              namespace: NAMESPACE,
            }),
          ),
        201,
      ],
      [
        'update',
        request(server)
          .put(apiPath(info, 'ome-dev-a', name))
          .query(dry)
          .send({
            ...stored,
            metadata: {
              ...stored.metadata,
              labels: { ...stored.metadata.labels, dry: 'run' },
            },
          }),
        200,
      ],
      [
        'delete',
        request(server).delete(apiPath(info, 'ome-dev-a', name)).query(dry),
        200,
      ],
      [
        'clone',
        request(server)
          .post(`${apiPath(info, 'ome-dev-a', name)}/clone`)
          .query(dry)
          .send({ name: `${name}-copy` }),
        201,
      ],
      [
        'clone to another cluster',
        request(server)
          .post(`${apiPath(info, 'ome-dev-a', name)}/clone`)
          .query(dry)
          .send({ name: `${name}-copy`, cluster: 'ome-dev-b' }),
        201,
      ],
      [
        'import',
        request(server)
          .post('/api/ome/import')
          .query(dry)
          .send({
            cluster: 'ome-dev-a',
            yaml: JSON.stringify(
              newOmeObject(info.kind, {
                name: `${name}-imported`,
                namespace: NAMESPACE,
              }),
            ),
          }),
        200,
      ],
    ];
    for (const [what, req, status] of writes) {
      const res = await req.set('Authorization', auth());
      expect({ what, status: res.status, dryRun: res.body.dryRun }).toEqual({
        what,
        status,
        dryRun: true,
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a dry run asked in a clone or import body, and undocumented query parameters', async () => {
    const info = OME_KINDS.find(k => k.kind === 'ClusterBaseModel')!;
    const before = await snapshot();
    const clone = await request(server)
      .post(`${apiPath(info, 'ome-dev-a', 'anything')}/clone`)
      .set('Authorization', auth())
      .send({ name: `body-dry-${RUN}`, dryRun: true });
    expect(clone.status).toBe(400);
    const imported = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({ cluster: 'ome-dev-a', yaml: 'kind: Namespace', dryRun: true });
    expect(imported.status).toBe(400);
    const unknown = await request(server)
      .get(`/api/ome/${info.plural}`)
      .query({ clusters: 'ome-dev-a' })
      .set('Authorization', auth());
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("'clusters'");
    expect(await snapshot()).toEqual(before);
  });

  it('answers an import whose aliases expand exponentially with a 400 naming the document', async () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((k, i) => {
        const prev = 'abcdefghi'[i];
        return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`;
      }),
    ].join('\n');
    const res = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({
        cluster: 'ome-dev-a',
        yaml: `apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n---\n${bomb}\n`,
      });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(/^body\.yaml: document 2: /);
  });

  it('counts every kind per cluster and state as the lists do', async () => {
    const fromLists = async () => {
      const out: Record<
        string,
        { total: number; byState: Record<string, number> }
      > = {};
      for (const info of OME_KINDS) {
        const list = await request(server)
          .get(`/api/ome/${info.plural}`)
          .query({ cluster: 'ome-dev-a', limit: 1 })
          .set('Authorization', auth());
        out[info.kind] = {
          total: list.body.totalCount,
          byState: list.body.stats.byState,
        };
      }
      return out;
    };
    // Other suites write to the same clusters meanwhile: compare with lists that agree
    // before and after the counts.
    let compared = false;
    for (let attempt = 0; attempt < 5 && !compared; attempt++) {
      const before = await fromLists();
      const res = await request(server)
        .get('/api/ome/counts')
        .query({ cluster: 'ome-dev-a' })
        .set('Authorization', auth());
      const after = await fromLists();
      if (JSON.stringify(before) !== JSON.stringify(after)) continue;
      expect(res.status).toBe(200);
      const counts = Object.fromEntries(
        res.body.items.map(
          (c: {
            kind: string;
            total: number;
            byState: Record<string, number>;
          }) => [c.kind, { total: c.total, byState: c.byState }],
        ),
      );
      expect(Object.keys(counts)).toEqual(OME_KINDS.map(k => k.kind));
      expect(counts).toEqual(before);
      compared = true;
    }
    expect(compared).toBe(true);
  });

  it("serves a kind's schema as the cluster serves it, 404 naming kind and cluster where it is absent", async () => {
    const isvc = await request(server)
      .get('/api/ome/clusters/ome-dev-a/schemas/inferenceservices')
      .set('Authorization', auth());
    expect(isvc.status).toBe(200);
    expect(isvc.body).toMatchObject({
      cluster: 'ome-dev-a',
      kind: 'InferenceService',
      version: 'v1beta1',
    });
    expect(isvc.body.schema.type).toBe('object');
    const absent = await request(server)
      .get('/api/ome/clusters/ome-dev-b/schemas/finetunedweights')
      .set('Authorization', auth());
    expect(absent.status).toBe(404);
    expect(absent.body.error.message).toContain('FineTunedWeight');
    expect(absent.body.error.message).toContain('ome-dev-b');
  });

  it("lists one namespace from the apiserver's namespace path", async () => {
    const info = OME_KINDS.find(k => k.kind === 'BaseModel')!;
    const res = await request(server)
      .get(`/api/ome/${info.plural}`)
      .query({ namespace: NAMESPACE })
      .set('Authorization', auth());
    expect(res.status).toBe(200);
    expect(
      new Set(
        res.body.items.map(
          (i: { object: KubernetesObject }) => i.object.metadata.namespace,
        ),
      ),
    ).toEqual(new Set(res.body.items.length ? [NAMESPACE] : []));
  });
});
