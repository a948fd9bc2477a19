/*
 * Faults, through the REAL kubernetes backend against real clusters: cluster b's link
 * answering slowly or not at all (a stand-in TCP link between the kubernetes backend and b's
 * apiserver, controlplane/standin-tcp-forwarder.mjs), b's apiserver stopped mid-request and
 * mid-watch, b's etcd restarted during writes, and container logs behind a silent kubelet.
 * In every case the console answers (a 503 naming the cluster within its request timeout,
 * never a hang), keeps serving cluster a, and recovers by itself when b returns. On a
 * control plane of this suite's own (__testUtils__/ownControlPlane.ts): restarting the
 * shared one would disturb the suites running beside it.
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
import { AddressInfo } from 'node:net';
import request from 'supertest';
import omePlugin from './index';
import { kubeRequest } from './__testUtils__/kubeRequest';
import { eventually } from './__testUtils__/eventually';
import { EventFrame, openEventStream } from './__testUtils__/eventStream';
import {
  OwnControlPlane,
  startOwnControlPlane,
} from './__testUtils__/ownControlPlane';
import {
  StandinSilentKubelet,
  startStandinSilentKubelet,
} from './__testUtils__/standinSilentKubelet';
import {
  StandinTcpForwarder,
  startStandinTcpForwarder,
} from './__testUtils__/standinTcpForwarder';

// Generous: a hang is what these tests catch, and a hang fails them here.
jest.setTimeout(300_000);

/** The console's configured bound for one request to one cluster (short for this suite). */
const REQUEST_TIMEOUT_MS = 2_000;
const auth = () => mockCredentials.user.header();
const RUN = Date.now().toString(36);
const LABEL = 'ome-console.dev/faults-test';
const NAMESPACE = 'faults';

function model(name: string): KubernetesObject {
  const object = newOmeObject('ClusterBaseModel', { name });
  object.metadata.labels = { [LABEL]: RUN };
  (object as { spec?: Record<string, unknown> }).spec = {
    ...(object as { spec?: Record<string, unknown> }).spec,
    vendor: 'faults',
    storage: { storageUri: `hf://faults/${name}`, path: `/models/${name}` },
  };
  return object;
}

/** The change stream as the browser reads it, with a label for a wait that fails. */
function openEvents(base: string, query: string) {
  const stream = openEventStream({ base, user: 'user:default/mock', query });
  return {
    ended: stream.ended,
    close: stream.close,
    next: (what: string, predicate: (f: EventFrame) => boolean) =>
      stream.next(predicate).catch(e => {
        throw new Error(`${what}: ${e}`);
      }),
  };
}

describe('faults', () => {
  let cp: OwnControlPlane;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let base: string;
  let a: OwnControlPlane['info']['clusters'][number];
  let b: OwnControlPlane['info']['clusters'][number];
  /** The link between the kubernetes backend and b's apiserver. */
  let linkB: StandinTcpForwarder;
  /** Kubelets of a's stand-in Node: a link holding every byte, and one stuck after TLS. */
  let blackholeKubelet: StandinTcpForwarder;
  let stuckKubelet: StandinSilentKubelet;

  beforeAll(async () => {
    cp = await startOwnControlPlane('faults-test');
    [a, b] = cp.info.clusters;
    linkB = await startStandinTcpForwarder({
      target: { port: Number(new URL(b.url).port) },
    });
    blackholeKubelet = await startStandinTcpForwarder({
      target: { port: Number(new URL(a.url).port) },
      mode: 'blackhole',
    });
    stuckKubelet = await startStandinSilentKubelet(
      (a as typeof a & { dir: string }).dir,
    );
    const kubernetes = cp.info.kubernetes as {
      clusterLocatorMethods: Array<{
        clusters: Array<{ name: string; url: string }>;
      }>;
    };
    const [locator] = kubernetes.clusterLocatorMethods;
    backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        omePlugin,
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              ...kubernetes,
              clusterLocatorMethods: [
                {
                  ...locator,
                  // the kubernetes backend reaches b only through the link
                  clusters: locator.clusters.map(c =>
                    c.name === b.name ? { ...c, url: linkB.url } : c,
                  ),
                },
              ],
            },
            ome: {
              requestTimeoutMs: REQUEST_TIMEOUT_MS,
              clusterTimeoutMs: 1_500,
              cache: {
                probeIntervalMs: 500,
                maxBackoffMs: 1_000,
                watchTimeoutSeconds: 20,
                readYourWritesTimeoutMs: 1_000,
              },
            },
          },
        }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    base = `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`;
    for (const cluster of [a, b]) {
      for (let i = 0; i < 3; i++) {
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
    await linkB?.close();
    await blackholeKubelet?.close();
    await stuckKubelet?.close();
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

  const create = (cluster: string, name: string) =>
    request(backend.server)
      .post(`/api/ome/clusters/${cluster}/clusterbasemodels`)
      .set('Authorization', auth())
      .send(model(name));

  /** name -> resourceVersion of one cluster's test models, as its apiserver lists them now. */
  async function freshList(cluster: typeof a): Promise<Record<string, string>> {
    const res = await kubeRequest(
      cluster,
      'GET',
      `${omeResourcePath(
        'ClusterBaseModel',
      )}?labelSelector=${encodeURIComponent(`${LABEL}=${RUN}`)}`,
    );
    if (res.status !== 200)
      throw new Error(`${cluster.name}: HTTP ${res.status}`);
    return Object.fromEntries(
      (res.body.items as KubernetesObject[]).map(o => [
        o.metadata.name,
        o.metadata.resourceVersion!,
      ]),
    );
  }

  function served(body: OmeListResponse, cluster: string) {
    return Object.fromEntries(
      body.items
        .filter(i => i.cluster === cluster)
        .map(i => [i.object.metadata.name, i.object.metadata.resourceVersion!]),
    );
  }

  /** Cluster a is served in full and without an error while b is in trouble. */
  async function expectServesA() {
    const body = await list();
    expect(body.errors.filter(e => e.cluster === a.name)).toEqual([]);
    const fresh = await freshList(a);
    expect(Object.keys(fresh).length).toBeGreaterThan(0);
    expect(served(body, a.name)).toEqual(fresh);
    const name = `a-during-${Object.keys(fresh).length}-${RUN}`;
    expect((await create(a.name, name)).status).toBe(201);
  }

  /** Back to normal without a restart: b synced, no list error, b's cache equals b. */
  async function expectRecovered() {
    await eventually(`${b.name} served again`, async () => {
      const info = (await clusters()).items.find(c => c.name === b.name)!;
      if (!info.reachable || info.cache?.state !== 'synced') return false;
      const body = await list();
      return (
        body.errors.length === 0 &&
        JSON.stringify(sortKeys(served(body, b.name))) ===
          JSON.stringify(sortKeys(await freshList(b)))
      );
    });
  }

  /** A failure the console answers for b: 503 naming the cluster, within the timeout. */
  function expectUnavailableNamingB(res: request.Response) {
    expect(res.status).toBe(503);
    expect(res.body.error.message).toContain(`'${b.name}'`);
  }

  /**
   * Whether a model the console answered for is in b: it must be absent or whole (as sent),
   * never half-applied.
   */
  async function presentInB(name: string): Promise<boolean> {
    const res = await kubeRequest(
      b,
      'GET',
      omeResourcePath('ClusterBaseModel', { name }),
    );
    const seen =
      res.status === 200
        ? { labels: res.body.metadata.labels, spec: res.body.spec }
        : res.status;
    const sent = model(name);
    expect([
      404,
      { labels: sent.metadata.labels, spec: sent.spec },
    ]).toContainEqual(seen);
    return res.status === 200;
  }

  /**
   * The answers that are neither applied (201) nor a clear failure naming b: unreachable
   * (503), its own failure (502) or its timeout (504); never an unexplained 500.
   */
  function unclear(
    answers: Array<{ name: string; status: number; message?: string }>,
  ) {
    return answers.filter(
      x =>
        x.status !== 201 &&
        !(
          [502, 503, 504].includes(x.status) &&
          x.message?.includes(`'${b.name}'`)
        ),
    );
  }

  /** The writes answered 201 that b does not hold. */
  async function lost(answers: Array<{ name: string; status: number }>) {
    const missing: string[] = [];
    for (const x of answers) {
      if (!(await presentInB(x.name)) && x.status === 201) missing.push(x.name);
    }
    return missing;
  }

  it('starts with both clusters cached', async () => {
    await expectRecovered();
    expect(Object.keys(served(await list(), a.name))).toHaveLength(3);
  });

  it("b's link answering nothing: writes and operate reads fail with a 503 naming b within the request timeout, a is served, b recovers by itself", async () => {
    const isvc = newOmeObject('InferenceService', {
      name: `svc-${RUN}`,
      namespace: NAMESPACE,
    });
    await kubeRequest(b, 'POST', '/api/v1/namespaces', {
      metadata: { name: NAMESPACE },
    });
    expect(
      (
        await kubeRequest(
          b,
          'POST',
          omeResourcePath('InferenceService', { namespace: NAMESPACE }),
          isvc,
        )
      ).status,
    ).toBe(201);
    const pods = `/api/ome/clusters/${b.name}/namespaces/${NAMESPACE}/inferenceservices/${isvc.metadata.name}/pods`;
    await eventually('the service is readable', async () => {
      const res = await request(backend.server)
        .get(pods)
        .set('Authorization', auth());
      return res.status === 200;
    });

    linkB.setMode('blackhole');
    const name = `blackholed-${RUN}`;
    const write = await create(b.name, name);
    expectUnavailableNamingB(write);
    expect(write.body.error.message).toContain(
      `within ${REQUEST_TIMEOUT_MS} ms`,
    );
    expectUnavailableNamingB(
      await request(backend.server).get(pods).set('Authorization', auth()),
    );
    // Lists keep answering from the cache, naming b as down.
    const stale = await eventually('b named in the list errors', async () => {
      const body = await list();
      return body.errors.some(e => e.cluster === b.name) && body;
    });
    expect(stale.errors.find(e => e.cluster === b.name)).toMatchObject({
      reason: 'unreachable',
    });
    await expectServesA();

    linkB.setMode('forward');
    await expectRecovered();
    // The write the console gave up on was held by the link and may land now: whole or not at all.
    await presentInB(name);
    expect((await create(b.name, `after-blackhole-${RUN}`)).status).toBe(201);
    expect(
      (await request(backend.server).get(pods).set('Authorization', auth()))
        .status,
    ).toBe(200);
  });

  it("b's link slower than the request timeout: 503 naming b; a link slower but within it: answered", async () => {
    linkB.setMode('delay', { delayMs: REQUEST_TIMEOUT_MS * 2 });
    const name = `slow-${RUN}`;
    expectUnavailableNamingB(await create(b.name, name));
    await expectServesA();

    linkB.setMode('delay', { delayMs: 50 });
    await expectRecovered();
    expect((await create(b.name, `slow-but-fine-${RUN}`)).status).toBe(201);
    linkB.setMode('forward');
    await presentInB(name);
  });

  it("b's apiserver stopped mid-request and mid-watch: the request ends clearly, the change stream keeps serving a and resumes b after the start", async () => {
    await expectRecovered();
    const stream = openEvents(base, 'kind=clusterbasemodels');
    await stream.next('ready', f => f.event === 'ready');

    // Mid-request: a write on its way (the link holds it a moment) while the apiserver stops.
    linkB.setMode('delay', { delayMs: 300 });
    const name = `mid-request-${RUN}`;
    const inFlight = create(b.name, name).then(res => res);
    // (a moment for it to get into the link; either outcome below is checked)
    await new Promise(r => setTimeout(r, 150));
    await cp.action(b.name, 'apiserver', 'stop');
    const answer = await inFlight;
    linkB.setMode('forward');
    const outcome = {
      name,
      status: answer.status,
      message: answer.body?.error?.message,
    };
    expect(unclear([outcome])).toEqual([]);

    // Mid-watch: b is named down; a's changes still reach the stream.
    await eventually(`${b.name} reported down`, async () => {
      const info = (await clusters()).items.find(c => c.name === b.name)!;
      return info.cache?.state === 'down' && !info.reachable;
    });
    expectUnavailableNamingB(await create(b.name, `while-stopped-${RUN}`));
    const onA = `a-while-b-stopped-${RUN}`;
    expect(
      (
        await kubeRequest(
          a,
          'POST',
          omeResourcePath('ClusterBaseModel'),
          model(onA),
        )
      ).status,
    ).toBe(201);
    await stream.next(
      `${onA} streamed`,
      f =>
        f.event === 'change' &&
        f.data.cluster === a.name &&
        f.data.object.metadata.name === onA,
    );
    await expectServesA();

    await cp.action(b.name, 'apiserver', 'start');
    const onB = `b-after-start-${RUN}`;
    await eventually(
      `${b.name} answers`,
      async () =>
        (
          await kubeRequest(
            b,
            'POST',
            omeResourcePath('ClusterBaseModel'),
            model(onB),
          )
        ).status === 201,
    );
    await stream.next(
      `${onB} streamed`,
      f =>
        f.event === 'change' &&
        f.data.cluster === b.name &&
        f.data.object.metadata.name === onB,
    );
    expect(stream.ended()).toBe(false);
    await stream.close();
    await expectRecovered();
    // The write in flight when the apiserver stopped: whole or absent, and there when answered 201.
    expect(await lost([outcome])).toEqual([]);
  });

  it("b's etcd restarted during writes: each write is applied whole or fails naming b; recovery without restarting the backend", async () => {
    await expectRecovered();
    const writers = 3;
    const perWriter = 8;
    const answers: Array<{ name: string; status: number; message?: string }> =
      [];
    let restarted: Promise<void> | undefined;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          const name = `etcd-${RUN}-${w}-${i}`;
          if (w === 0 && i === 2)
            restarted = cp.action(b.name, 'etcd', 'restart');
          const res = await create(b.name, name);
          answers.push({
            name,
            status: res.status,
            message: res.body?.error?.message,
          });
        }
      }),
    );
    await restarted;
    expect(answers).toHaveLength(writers * perWriter);
    expect(unclear(answers)).toEqual([]);
    await expectServesA();

    // Recovery: a new write succeeds, and b's store and the console agree on every write.
    await eventually(
      'writes to b succeed again',
      async () => (await create(b.name, `etcd-after-${RUN}`)).status === 201,
    );
    await expectRecovered();
    expect(await lost(answers)).toEqual([]);
  });

  it.each([
    ['holds every byte (TCP-silent)', () => blackholeKubelet],
    ['completes TLS and never answers (stuck)', () => stuckKubelet],
  ])(
    'container logs behind a kubelet that %s: 503 naming the cluster within the request timeout, not a hang',
    async (_, kubelet) => {
      const { port } = kubelet();
      const heard = () => {
        const k = kubelet();
        return 'accepted' in k ? k.accepted() : k.requests();
      };
      const { isvc, pod } = await logsPod();
      expect(
        await fetchJsonPatch(a, `/api/v1/nodes/${pod.node}/status`, {
          status: { daemonEndpoints: { kubeletEndpoint: { Port: port } } },
        }),
      ).toBe(200);

      const before = heard();
      const res = await eventually('the log request answered', async () => {
        const answer = await request(backend.server)
          .get(
            `/api/ome/clusters/${a.name}/namespaces/${NAMESPACE}/inferenceservices/${isvc}/pods/${pod.name}/log`,
          )
          .query({ follow: 'true' })
          .set('Authorization', auth());
        // the service may not be cached yet right after its creation
        return answer.status !== 404 && answer;
      });
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain(`'${a.name}'`);
      expect(res.body.error.message).toContain(
        `within ${REQUEST_TIMEOUT_MS} ms`,
      );
      // The apiserver did go to this kubelet (the silence is the kubelet's, not a wrong path).
      expect(heard()).toBeGreaterThan(before);
      await expectServesA();
    },
  );

  let logsPodCreated: { isvc: string; pod: { name: string; node: string } };
  /**
   * A Node of a (its kubelet address is 127.0.0.1 and a port each test sets) and a pod of an
   * InferenceService bound to it: pods/log goes apiserver -> that kubelet.
   */
  async function logsPod() {
    if (logsPodCreated) return logsPodCreated;
    const node = `silent-${RUN}`;
    expect(
      (
        await kubeRequest(a, 'POST', '/api/v1/nodes', {
          metadata: { name: node },
        })
      ).status,
    ).toBe(201);
    expect(
      await fetchJsonPatch(a, `/api/v1/nodes/${node}/status`, {
        status: { addresses: [{ type: 'InternalIP', address: '127.0.0.1' }] },
      }),
    ).toBe(200);
    await kubeRequest(a, 'POST', '/api/v1/namespaces', {
      metadata: { name: NAMESPACE },
    });
    await kubeRequest(
      a,
      'POST',
      `/api/v1/namespaces/${NAMESPACE}/serviceaccounts`,
      { metadata: { name: 'default' } },
    );
    const isvc = newOmeObject('InferenceService', {
      name: `logs-${RUN}`,
      namespace: NAMESPACE,
    });
    expect(
      (
        await kubeRequest(
          a,
          'POST',
          omeResourcePath('InferenceService', { namespace: NAMESPACE }),
          isvc,
        )
      ).status,
    ).toBe(201);
    const pod = `logs-${RUN}-engine-0`;
    expect(
      (
        await kubeRequest(a, 'POST', `/api/v1/namespaces/${NAMESPACE}/pods`, {
          metadata: {
            name: pod,
            labels: { 'ome.io/inferenceservice': isvc.metadata.name },
          },
          spec: {
            nodeName: node,
            automountServiceAccountToken: false,
            containers: [
              { name: 'ome-container', image: 'example.invalid/engine:1' },
            ],
          },
        })
      ).status,
    ).toBe(201);
    logsPodCreated = { isvc: isvc.metadata.name, pod: { name: pod, node } };
    return logsPodCreated;
  }
});

/** A merge patch straight to an apiserver (kubeRequest sends JSON as a create/update). */
async function fetchJsonPatch(
  cluster: OwnControlPlane['info']['clusters'][number],
  path: string,
  body: unknown,
): Promise<number> {
  const https = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(path, cluster.url),
      {
        method: 'PATCH',
        ca: Buffer.from(cluster.caData, 'base64'),
        headers: {
          Authorization: `Bearer ${cluster.tokens['ome-admin']}`,
          'Content-Type': 'application/merge-patch+json',
        },
      },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).sort(([x], [y]) => x.localeCompare(y)),
  );
}
