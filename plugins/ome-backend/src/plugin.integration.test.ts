/*
 * Integration tests: the REAL kubernetes backend plugin and the OME backend plugin in one
 * test backend, against the real local control plane (kube-apiserver + etcd, clusters
 * ome-dev-a and ome-dev-b, seeded). Start it with `node controlplane/cli.mjs` and point
 * OME_CONTROLPLANE_FILE at its controlplane.json. Without it these tests FAIL on purpose.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  OmeClustersResponse,
  OmeListResponse,
  omeResourceReadPermission,
} from '@ome-console/plugin-ome-common';
import request from 'supertest';
import omePlugin, {
  createOmeConditionalDecision,
  omeConditions,
} from './index';
import { classifyProxyError } from './service/proxyErrors';
import {
  DEAD,
  backendConfig,
  clusterA,
  clusterB,
  closedPort,
  controlPlane,
  omePermissionsFactory,
  seeded,
} from './__testUtils__/controlPlane';

jest.setTimeout(180_000);

describe('OME backend against the real control plane', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;
  let deadPort: number;

  beforeAll(async () => {
    // eslint-disable-next-line no-console
    console.log(
      `OME backend integration tests: kube-apiserver ${controlPlane.clusters
        .map(c => `${c.name}=${c.version} (${c.url})`)
        .join(', ')}`,
    );
    deadPort = await closedPort();
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        omePlugin,
        mockServices.rootConfig.factory({ data: backendConfig(deadPort) }),
        // Requests without an Authorization header are unauthenticated.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
  });

  it('serves /health without credentials', async () => {
    const res = await request(server).get('/api/ome/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('rejects a list without credentials with 401', async () => {
    const res = await request(server).get('/api/ome/clusterbasemodels');
    expect(res.status).toBe(401);
    const clusters = await request(server).get('/api/ome/clusters');
    expect(clusters.status).toBe(401);
  });

  it('reports reachability and version of every cluster', async () => {
    const res = await request(server)
      .get('/api/ome/clusters')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const body = res.body as OmeClustersResponse;
    // eslint-disable-next-line no-console
    console.log(
      `OME backend integration tests: /clusters says ${body.items
        .map(c => `${c.name}=${c.reachable ? c.version : `unreachable`}`)
        .join(', ')}`,
    );
    const byName = Object.fromEntries(body.items.map(c => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(
      ['ome-dev-a', 'ome-dev-b', DEAD].sort(),
    );
    expect(byName['ome-dev-a']).toMatchObject({
      reachable: true,
      version: clusterA.version,
    });
    expect(byName['ome-dev-b']).toMatchObject({
      reachable: true,
      version: clusterB.version,
    });
    expect(byName[DEAD].reachable).toBe(false);
    expect(byName[DEAD].version).toBeUndefined();
    expect(byName[DEAD].error).toContain(DEAD);
  });

  it('lists clusterbasemodels of both clusters and reports the unreachable one', async () => {
    const res = await request(server)
      .get('/api/ome/clusterbasemodels')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const body = res.body as OmeListResponse;

    const inA = body.items.filter(i => i.cluster === 'ome-dev-a');
    const inB = body.items.filter(i => i.cluster === 'ome-dev-b');
    // eslint-disable-next-line no-console
    console.log(
      `OME backend integration tests: clusterbasemodels ome-dev-a=${inA.length}, ` +
        `ome-dev-b=${inB.length}, errors=${JSON.stringify(body.errors)}`,
    );
    // At least what was seeded (every page listed): other suites add models meanwhile.
    expect(inA.length).toBeGreaterThanOrEqual(
      seeded('ome-dev-a', 'ClusterBaseModel'),
    );
    expect(inB.length).toBeGreaterThanOrEqual(
      seeded('ome-dev-b', 'ClusterBaseModel'),
    );
    expect(inA.length + inB.length).toBe(body.items.length);
    const namesB = inB.map(i => i.object.metadata.name);
    expect(namesB).toContain('ome-dev-b-only-model');
    expect(inA.map(i => i.object.metadata.name)).not.toContain(
      'ome-dev-b-only-model',
    );
    for (const item of body.items) {
      expect(item.object.kind).toBe('ClusterBaseModel');
      expect(item.object.apiVersion).toBe('ome.io/v1beta1');
      expect(item.object.metadata.managedFields).toBeUndefined();
    }

    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({
      cluster: DEAD,
      reason: 'unreachable',
    });
    expect(body.errors[0].message).toContain(DEAD);
  });

  it('lists one cluster with ?cluster= and answers 400 for an unknown one', async () => {
    const res = await request(server)
      .get('/api/ome/clusterbasemodels?cluster=ome-dev-b')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    const body = res.body as OmeListResponse;
    expect(body.errors).toEqual([]);
    expect(body.items.length).toBeGreaterThanOrEqual(
      seeded('ome-dev-b', 'ClusterBaseModel'),
    );
    expect(new Set(body.items.map(i => i.cluster))).toEqual(
      new Set(['ome-dev-b']),
    );

    const unknown = await request(server)
      .get('/api/ome/clusterbasemodels?cluster=no-such-cluster')
      .set('Authorization', mockCredentials.user.header());
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      name: 'InputError',
      message: "query parameter cluster: unknown cluster 'no-such-cluster'",
    });
  });

  it('classifies the real error answers of the kubernetes proxy', async () => {
    const proxy = (cluster: string, path: string) =>
      request(server)
        .get(`/api/kubernetes/proxy${path}`)
        .set('Authorization', mockCredentials.service.header())
        .set('Backstage-Kubernetes-Cluster', cluster);
    const classify = async (cluster: string, path: string) => {
      const res = await proxy(cluster, path);
      return classifyProxyError(cluster, res.status, res.text, path).reason;
    };

    // ome-dev-b has no FineTunedWeight CRD (nor BenchmarkJob, a namespaced kind).
    await expect(
      classify('ome-dev-b', '/apis/ome.io/v1beta1/finetunedweights?limit=500'),
    ).resolves.toBe('not-installed');
    await expect(
      classify('ome-dev-b', '/apis/ome.io/v1beta1/namespaces/x/benchmarkjobs'),
    ).resolves.toBe('not-installed');
    await expect(
      classify('ome-dev-b', '/apis/ome.io/v1beta1/finetunedweights/x'),
    ).resolves.toBe('not-found');
    await expect(
      classify(
        'ome-dev-a',
        '/apis/ome.io/v1beta1/clusterbasemodels/no-such-model',
      ),
    ).resolves.toBe('not-found');
    await expect(classify(DEAD, '/version')).resolves.toBe('unreachable');
    // The kubernetes backend's own 404, also on a collection path: not a missing kind.
    await expect(classify('no-such-cluster', '/version')).resolves.toBe(
      'unknown-cluster',
    );
    await expect(
      classify('no-such-cluster', '/apis/ome.io/v1beta1/clusterbasemodels'),
    ).resolves.toBe('unknown-cluster');
  });
});

describe('OME backend permissions against the real control plane', () => {
  let decision: PolicyDecision = { result: AuthorizeResult.ALLOW };
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        omePlugin,
        mockServices.rootConfig.factory({
          data: backendConfig(await closedPort()),
        }),
        omePermissionsFactory(() => decision),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
  });

  it('answers 403 when the policy denies ome.resource.read', async () => {
    decision = { result: AuthorizeResult.DENY };
    const res = await request(server)
      .get('/api/ome/clusterbasemodels')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    const clusters = await request(server)
      .get('/api/ome/clusters')
      .set('Authorization', mockCredentials.user.header());
    expect(clusters.status).toBe(403);
  });

  it('filters a list by a conditional decision', async () => {
    decision = createOmeConditionalDecision(
      omeResourceReadPermission,
      omeConditions.isCluster({ clusters: ['ome-dev-b'] }),
    );
    const res = await request(server)
      .get('/api/ome/clusterbasemodels')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const body = res.body as OmeListResponse;
    expect(body.items.length).toBeGreaterThanOrEqual(
      seeded('ome-dev-b', 'ClusterBaseModel'),
    );
    expect(new Set(body.items.map(i => i.cluster))).toEqual(
      new Set(['ome-dev-b']),
    );
  });
});

describe('OME backend without the kubernetes backend', () => {
  it('answers 503 naming the kubernetes backend', async () => {
    const backend = await startTestBackend({
      features: [
        omePlugin,
        mockServices.rootConfig.factory({ data: backendConfig(1) }),
      ],
    });
    try {
      for (const path of ['/api/ome/clusters', '/api/ome/clusterbasemodels']) {
        const res = await request(backend.server)
          .get(path)
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(503);
        expect(res.body.error).toMatchObject({
          name: 'ServiceUnavailableError',
          message: expect.stringMatching(
            /^The kubernetes backend could not list clusters: HTTP 404/,
          ),
        });
      }
    } finally {
      await backend.stop();
    }
  });
});
