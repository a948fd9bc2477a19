/*
 * The watch-backed cache against real clusters, through the REAL kubernetes backend: faults
 * (a cluster's apiserver, then its etcd, stopped and restarted in place during the watches),
 * read-your-writes, and kinds whose CRD is missing. On a control plane of this suite's own
 * (see __testUtils__/ownControlPlane.ts): restarting the shared one would disturb others.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  KubernetesObject,
  OmeClustersResponse,
  OmeListResponse,
  newOmeObject,
  omeResourcePath,
} from '@ome-console/plugin-ome-common';
import request from 'supertest';
import omePlugin from './index';
import { kubeRequest } from './__testUtils__/kubeRequest';
import {
  OwnControlPlane,
  startOwnControlPlane,
} from './__testUtils__/ownControlPlane';
import { eventually } from './__testUtils__/eventually';

jest.setTimeout(600_000);

const auth = () => mockCredentials.user.header();
const RUN = Date.now().toString(36);
const LABEL = 'ome-console.dev/cache-test';

function model(name: string): KubernetesObject {
  const object = newOmeObject('ClusterBaseModel', { name });
  object.metadata.labels = { [LABEL]: RUN };
  return object;
}

describe('watch-backed cache', () => {
  let cp: OwnControlPlane;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let a: OwnControlPlane['info']['clusters'][number];
  let b: OwnControlPlane['info']['clusters'][number];

  beforeAll(async () => {
    cp = await startOwnControlPlane('cache-test');
    [a, b] = cp.info.clusters;
    backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        omePlugin,
        mockServices.rootConfig.factory({
          data: {
            kubernetes: cp.info.kubernetes,
            ome: {
              clusterTimeoutMs: 3_000,
              cache: {
                probeIntervalMs: 500,
                maxBackoffMs: 1_000,
                crdRecheckMs: 1_000,
                watchTimeoutSeconds: 20,
              },
            },
          },
        }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    for (const cluster of [a, b]) {
      for (let i = 0; i < 5; i++) {
        const res = await kubeRequest(
          cluster,
          'POST',
          omeResourcePath('ClusterBaseModel'),
          model(`seed-${RUN}-${i}`),
        );
        if (res.status !== 201) {
          throw new Error(`seeding ${cluster.name}: HTTP ${res.status}`);
        }
      }
    }
  });

  afterAll(async () => {
    await backend?.stop();
    await cp?.stop();
  });

  const clusters = async () =>
    (
      await request(backend.server)
        .get('/api/ome/clusters')
        .set('Authorization', auth())
        .expect(200)
    ).body as OmeClustersResponse;

  const list = async () =>
    (
      await request(backend.server)
        .get('/api/ome/clusterbasemodels')
        .query({ labelSelector: `${LABEL}=${RUN}` })
        .set('Authorization', auth())
        .expect(200)
    ).body as OmeListResponse;

  /** name -> resourceVersion of one cluster's test models, as the apiserver lists them now. */
  async function freshList(cluster: typeof a): Promise<Record<string, string>> {
    const res = await kubeRequest(
      cluster,
      'GET',
      `${omeResourcePath(
        'ClusterBaseModel',
      )}?labelSelector=${encodeURIComponent(`${LABEL}=${RUN}`)}`,
    );
    expect(res.status).toBe(200);
    return Object.fromEntries(
      (res.body.items as KubernetesObject[]).map(o => [
        o.metadata.name,
        o.metadata.resourceVersion!,
      ]),
    );
  }

  /** The same from the OME backend's answer. */
  function served(body: OmeListResponse, cluster: string) {
    return Object.fromEntries(
      body.items
        .filter(i => i.cluster === cluster)
        .map(i => [i.object.metadata.name, i.object.metadata.resourceVersion!]),
    );
  }

  async function synced() {
    return eventually('both clusters cached', async () => {
      const body = await clusters();
      return body.items.every(c => c.cache?.state === 'synced') && body;
    });
  }

  it('reports both clusters cached and serves lists from the cache', async () => {
    await synced();
    const body = await list();
    for (const cluster of [a, b]) {
      const fresh = await freshList(cluster);
      expect(Object.keys(fresh)).toHaveLength(5);
      expect(served(body, cluster.name)).toEqual(fresh);
    }
    expect(body.errors).toEqual([]);
  });

  it('a kind whose CRD is missing is not installed (no hang); its CRD installed later is noticed', async () => {
    const missing = b.missingKinds;
    expect(missing.length).toBeGreaterThan(0);
    const kind = missing[0];
    const plural =
      kind === 'FineTunedWeight' ? 'finetunedweights' : 'benchmarkjobs';
    const body = (
      await request(backend.server)
        .get(`/api/ome/${plural}`)
        .set('Authorization', auth())
        .expect(200)
    ).body as OmeListResponse;
    expect(body.notInstalled).toEqual([b.name]);
    expect(body.errors).toEqual([]);

    // Install it on b (a copy of a's CRD): the cache notices without a restart.
    const crdName = `${plural}.ome.io`;
    const crd = await kubeRequest(
      a,
      'GET',
      `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crdName}`,
    );
    expect(crd.status).toBe(200);
    const { metadata, status: _status, ...rest } = crd.body;
    const created = await kubeRequest(
      b,
      'POST',
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
      { ...rest, metadata: { name: metadata.name } },
    );
    expect(created.status).toBe(201);
    await eventually(`${kind} noticed on ${b.name}`, async () => {
      const after = (
        await request(backend.server)
          .get(`/api/ome/${plural}`)
          .set('Authorization', auth())
          .expect(200)
      ).body as OmeListResponse;
      return after.notInstalled.length === 0 && after.errors.length === 0;
    });
  });

  it('read-your-writes: a GET right after each save returns the saved object, never a 409', async () => {
    const name = `ryw-${RUN}`;
    const path = `/api/ome/clusters/${a.name}/clusterbasemodels/${name}`;
    const created = await request(backend.server)
      .post(`/api/ome/clusters/${a.name}/clusterbasemodels`)
      .set('Authorization', auth())
      .send(model(name));
    expect(created.status).toBe(201);
    let current = (
      await request(backend.server)
        .get(path)
        .set('Authorization', auth())
        .expect(200)
    ).body.object as KubernetesObject;
    const rounds = 25;
    for (let i = 0; i < rounds; i++) {
      const edited = {
        ...current,
        metadata: {
          ...current.metadata,
          annotations: { ...current.metadata.annotations, round: String(i) },
        },
      };
      const saved = await request(backend.server)
        .put(path)
        .set('Authorization', auth())
        .send(edited);
      expect(saved.status).toBe(200);
      const savedVersion = saved.body.object.metadata.resourceVersion;
      const read = await request(backend.server)
        .get(path)
        .set('Authorization', auth())
        .expect(200);
      expect(read.body.object.metadata.resourceVersion).toBe(savedVersion);
      expect(read.body.object.metadata.annotations.round).toBe(String(i));
      current = read.body.object;
    }
    await request(backend.server)
      .delete(path)
      .set('Authorization', auth())
      .expect(200);
    await request(backend.server)
      .get(path)
      .set('Authorization', auth())
      .expect(404);
  });

  it.each(['apiserver', 'etcd'] as const)(
    "recovers after cluster b's %s is stopped and restarted during the watch",
    async part => {
      await synced();
      await cp.action(b.name, part, 'stop');

      // Down meanwhile, with the age of the data still served; the other cluster is served.
      const down = await eventually(`${b.name} reported down`, async () => {
        const body = await clusters();
        const info = body.items.find(c => c.name === b.name)!;
        return info.cache?.state === 'down' && !info.reachable && info;
      });
      expect(down.cache?.staleSince).toEqual(expect.any(String));
      const stale = await list();
      const error = stale.errors.find(e => e.cluster === b.name);
      expect(error).toMatchObject({ reason: 'unreachable' });
      expect(error?.dataAgeSeconds).toEqual(expect.any(Number));
      expect(error?.staleSince).toEqual(expect.any(String));
      expect(stale.errors.filter(e => e.cluster === a.name)).toEqual([]);
      expect(served(stale, a.name)).toEqual(await freshList(a));
      expect(Object.keys(served(stale, b.name)).length).toBeGreaterThan(0);
      const other = (await clusters()).items.find(c => c.name === a.name)!;
      expect(other).toMatchObject({
        reachable: true,
        cache: { state: 'synced' },
      });

      await cp.action(b.name, part, 'start');
      // Changes right away, while the cache is still reconnecting: a new object, a changed
      // one, a deleted one. The cache must end up with exactly the cluster's objects.
      const names = Object.keys(
        await eventually('b answers', () => freshList(b)),
      );
      expect(names.length).toBeGreaterThanOrEqual(2);
      const added = await kubeRequest(
        b,
        'POST',
        omeResourcePath('ClusterBaseModel'),
        model(`after-${part}-${RUN}`),
      );
      expect(added.status).toBe(201);
      const changedPath = omeResourcePath('ClusterBaseModel', {
        name: names[0],
      });
      const changed = await kubeRequest(b, 'GET', changedPath);
      changed.body.metadata.annotations = { restarted: part };
      expect(
        (await kubeRequest(b, 'PUT', changedPath, changed.body)).status,
      ).toBe(200);
      const deleted = await kubeRequest(
        b,
        'DELETE',
        omeResourcePath('ClusterBaseModel', { name: names[1] }),
      );
      expect(deleted.status).toBe(200);

      const fresh = await freshList(b);
      await eventually(`${b.name}'s cache equals a fresh list`, async () => {
        const body = await list();
        return (
          body.errors.length === 0 &&
          JSON.stringify(sortKeys(served(body, b.name))) ===
            JSON.stringify(sortKeys(fresh))
        );
      });
      const after = await list();
      expect(served(after, b.name)).toEqual(fresh);
      expect(served(after, a.name)).toEqual(await freshList(a));
      const info = (await clusters()).items.find(c => c.name === b.name)!;
      expect(info).toMatchObject({
        reachable: true,
        cache: { state: 'synced' },
      });
    },
  );
});

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).sort(([x], [y]) => x.localeCompare(y)),
  );
}
