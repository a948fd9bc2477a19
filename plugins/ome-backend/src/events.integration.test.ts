/*
 * The browser change stream (GET /api/ome/events) against the REAL control plane through the
 * REAL kubernetes backend plugin: changes made directly in kube-apiserver reach subscribed
 * clients, a reconnect with Last-Event-ID gets exactly what was missed, an id outside the
 * replay window gets `reset`, and the read decision (the same conditional decision as the
 * lists, with the real permission rules) decides what each user hears.
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
import { KubernetesObject } from '@ome-console/plugin-ome-common';
import { AddressInfo } from 'node:net';
import omePlugin, {
  createOmeConditionalDecision,
  omeConditions,
} from './index';
import {
  backendConfig,
  clusterA,
  kubeRequest,
} from './__testUtils__/controlPlane';
import { EventFrame, openEventStream } from './__testUtils__/eventStream';

jest.setTimeout(180_000);

const RUN = `ev${Date.now().toString(36).slice(-6)}`;
const ADMIN = 'user:default/stream-admin';
/** Reads only in namespaces labelled ome.io/team=team-a. */
const NS_READER = 'user:default/stream-ns-reader';
/** Reads only objects labelled ome-console/stream-scope=in. */
const LABEL_READER = 'user:default/stream-label-reader';
const SCOPE_LABEL = 'ome-console/stream-scope';
/** Small, so that the suite can push a position out of it. */
const REPLAY = 16;

/** Per user, the read decision a policy would give (conditions checked by the real rules). */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => ({
    async authorize(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
    async authorizeConditional(requests, options) {
      const user = (
        options?.credentials.principal as { userEntityRef?: string }
      ).userEntityRef;
      return requests.map(({ permission }) => {
        if (!permission.name.startsWith('ome.') || user === ADMIN) {
          return { result: AuthorizeResult.ALLOW };
        }
        const p = permission as Parameters<
          typeof createOmeConditionalDecision
        >[0];
        if (user === NS_READER) {
          return createOmeConditionalDecision(
            p,
            omeConditions.namespaceHasLabel({
              key: 'ome.io/team',
              values: ['team-a'],
            }),
          );
        }
        if (user === LABEL_READER) {
          return createOmeConditionalDecision(
            p,
            omeConditions.hasLabel({ key: SCOPE_LABEL, values: ['in'] }),
          );
        }
        return { result: AuthorizeResult.DENY };
      }) as any;
    },
  }),
});

/** A backend with the kubernetes and OME plugins; `replayEvents` overrides the hub's ring. */
async function startEventsBackend(replayEvents?: number) {
  const config = backendConfig();
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      omePlugin,
      mockServices.rootConfig.factory({
        data: {
          ...config,
          ...(replayEvents && {
            ome: { ...config.ome, stream: { replayEvents } },
          }),
        },
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      permissionsFactory,
    ],
  });
  return {
    base: `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`,
    stop: () => backend.stop(),
  };
}

// The suite's backend keeps the default replay ring (5,000): other suites write to the same
// clusters meanwhile, and a small ring would let their changes push a position out.
let base: string;
let stopBackend: () => Promise<void>;

beforeAll(async () => {
  ({ base, stop: stopBackend } = await startEventsBackend());
});

const created: string[] = [];
afterAll(async () => {
  for (const path of created) {
    await kubeRequest(clusterA, 'DELETE', path).catch(() => undefined);
  }
  await stopBackend?.();
});

/** Reads GET /api/ome/events as `user` over fetch, as the browser does. */
function openStream(
  user: string,
  query: string,
  lastEventId?: string,
  at: string = base,
) {
  return openEventStream({ base: at, user, query, lastEventId });
}

const named = (name: string) => (f: EventFrame) =>
  f.event === 'change' && f.data.object?.metadata?.name === name;

// ---------------------------------------------------------------- objects in the cluster
const isvcPath = (ns: string, name?: string) =>
  `/apis/ome.io/v1beta1/namespaces/${ns}/inferenceservices${
    name ? `/${name}` : ''
  }`;

async function createIsvc(
  ns: string,
  name: string,
  labels: Record<string, string> = {},
) {
  const res = await kubeRequest(clusterA, 'POST', isvcPath(ns), {
    apiVersion: 'ome.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name, namespace: ns, labels },
    spec: {
      model: { name: 'stream-test-model' },
      engine: { minReplicas: 1, maxReplicas: 1 },
    },
  });
  if (res.status !== 201)
    throw new Error(
      `create ${name}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  created.push(isvcPath(ns, name));
  return res.body as KubernetesObject;
}

/** Sets the Ready condition through the status subresource, as a controller would. */
async function setReady(ns: string, name: string, status: 'True' | 'False') {
  const current = (await kubeRequest(clusterA, 'GET', isvcPath(ns, name))).body;
  const res = await kubeRequest(
    clusterA,
    'PUT',
    `${isvcPath(ns, name)}/status`,
    {
      ...current,
      status: {
        conditions: [
          {
            type: 'Ready',
            status,
            lastTransitionTime: new Date()
              .toISOString()
              .replace(/\.\d+Z$/, 'Z'),
          },
        ],
      },
    },
  );
  if (res.status !== 200)
    throw new Error(
      `status ${name}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  return res.body as KubernetesObject;
}

async function relabel(
  ns: string,
  name: string,
  labels: Record<string, string>,
) {
  const current = (await kubeRequest(clusterA, 'GET', isvcPath(ns, name))).body;
  const res = await kubeRequest(clusterA, 'PUT', isvcPath(ns, name), {
    ...current,
    metadata: { ...current.metadata, labels },
  });
  if (res.status !== 200)
    throw new Error(
      `relabel ${name}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  return res.body as KubernetesObject;
}

const ISVC_A = 'kind=inferenceservices&cluster=ome-dev-a';

describe('GET /api/ome/events against the real apiserver', () => {
  it('is a server-sent event stream, not compressed, and starts with ready', async () => {
    const stream = openStream(ADMIN, ISVC_A);
    const res = await stream.opened;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toContain('no-transform');
    expect(res.headers.get('content-encoding')).toBeNull();
    const ready = await stream.next(f => f.event === 'ready');
    expect(ready.id).toMatch(/^[0-9a-f]+\.\d+\./);
    await stream.close();
  });

  it('refuses a caller without a token', async () => {
    const res = await fetch(`${base}/api/ome/events`);
    expect(res.status).toBe(401);
    await res.body?.cancel();
  });

  it('brings a status change made directly in the apiserver to a subscribed client', async () => {
    const name = `${RUN}-live`;
    const stream = openStream(ADMIN, ISVC_A);
    await stream.next(f => f.event === 'ready');
    await createIsvc('team-a', name);
    const added = await stream.next(named(name));
    expect(added.data).toMatchObject({
      type: 'ADDED',
      cluster: 'ome-dev-a',
      kind: 'InferenceService',
    });
    expect(added.data.object.metadata.managedFields).toBeUndefined();

    const written = await setReady('team-a', name, 'True');
    const changed = await stream.next(
      f =>
        named(name)(f) &&
        f.data.object.metadata.resourceVersion ===
          written.metadata.resourceVersion,
    );
    expect(changed.data.type).toBe('MODIFIED');
    expect(changed.data.object.status.conditions[0]).toMatchObject({
      type: 'Ready',
      status: 'True',
    });
    await stream.close();
  });

  it('gives a client reconnecting with its last event id exactly what it missed', async () => {
    const [x, y] = [`${RUN}-rx`, `${RUN}-ry`];
    const first = openStream(ADMIN, ISVC_A);
    await first.next(f => f.event === 'ready');
    await createIsvc('team-a', x);
    const seen = await first.next(named(x));
    await first.close();

    // a stream of its own tells when the backend has seen the changes below
    const watcher = openStream(ADMIN, ISVC_A);
    await watcher.next(f => f.event === 'ready');
    // missed: x twice (coalesced to its latest state) and y created
    await setReady('team-a', x, 'False');
    const xLatest = await setReady('team-a', x, 'True');
    const yCreated = await createIsvc('team-a', y);
    await watcher.next(
      f =>
        named(y)(f) &&
        f.data.object.metadata.resourceVersion ===
          yCreated.metadata.resourceVersion,
    );
    await watcher.close();

    const second = openStream(ADMIN, ISVC_A, seen.id);
    await second.next(f => f.event === 'ready');
    expect(second.frames.some(f => f.event === 'reset')).toBe(false);
    // (other suites change services of this cluster meanwhile: theirs are replayed too)
    const replayed = second.frames.filter(
      f => f.event === 'change' && (named(x)(f) || named(y)(f)),
    );
    expect(
      replayed.map(f => [
        f.data.object.metadata.name,
        f.data.object.metadata.resourceVersion,
      ]),
    ).toEqual([
      [x, xLatest.metadata.resourceVersion],
      [y, yCreated.metadata.resourceVersion],
    ]);
    await second.close();
  });

  it('resets a client whose last event id fell out of the replay window, or is of another replica', async () => {
    // A backend of its own with a small ring, so that the test can push a position out.
    const small = await startEventsBackend(REPLAY);
    try {
      const [x, y] = [`${RUN}-ox`, `${RUN}-oy`];
      const first = openStream(ADMIN, ISVC_A, undefined, small.base);
      await first.next(f => f.event === 'ready');
      await createIsvc('team-a', x);
      const seen = await first.next(named(x));
      await first.close();

      const watcher = openStream(ADMIN, ISVC_A, undefined, small.base);
      await watcher.next(f => f.event === 'ready');
      for (let i = 0; i < REPLAY + 1; i++) {
        await setReady('team-a', x, i % 2 ? 'True' : 'False');
      }
      const last = await createIsvc('team-a', y);
      await watcher.next(
        f =>
          named(y)(f) &&
          f.data.object.metadata.resourceVersion ===
            last.metadata.resourceVersion,
      );
      await watcher.close();
      const pushedOut = openStream(ADMIN, ISVC_A, seen.id, small.base);
      await pushedOut.next(f => f.event === 'ready');
      expect(pushedOut.frames.map(f => f.event)).toEqual(['reset', 'ready']);
      await pushedOut.close();

      // an id of another replica (another instance id) is reset too
      const otherReplica = seen.id.replace(/^[0-9a-f]+/, 'ffffffffffff');
      const fourth = openStream(ADMIN, ISVC_A, otherReplica, small.base);
      await fourth.next(f => f.event === 'ready');
      expect(fourth.frames.map(f => f.event)).toEqual(['reset', 'ready']);
      await fourth.close();
    } finally {
      await small.stop();
    }
  });

  it('tells a user nothing about a namespace it may not read', async () => {
    const [hidden, visible] = [`${RUN}-hidden`, `${RUN}-visible`];
    const reader = openStream(NS_READER, ISVC_A);
    const admin = openStream(ADMIN, ISVC_A);
    await reader.next(f => f.event === 'ready');
    await admin.next(f => f.event === 'ready');
    await createIsvc('team-b', hidden);
    await setReady('team-b', hidden, 'True');
    await createIsvc('team-a', visible);
    // the admin hears all three; the reader the team-a one only
    await admin.next(named(visible));
    await admin.next(f => named(hidden)(f) && f.data.type === 'MODIFIED');
    await reader.next(named(visible));
    expect(
      reader.frames.filter(f => f.event === 'change').length,
    ).toBeGreaterThan(0);
    expect(JSON.stringify(reader.frames)).not.toContain(hidden);
    expect(
      reader.frames
        .filter(f => f.event === 'change')
        .every(f => f.data.object.metadata.namespace === 'team-a'),
    ).toBe(true);
    await reader.close();
    await admin.close();
  });

  it('sends an object relabelled out of a user scope to that user as a delete', async () => {
    const name = `${RUN}-relabel`;
    const reader = openStream(LABEL_READER, ISVC_A);
    await reader.next(f => f.event === 'ready');
    await createIsvc('team-a', name, { [SCOPE_LABEL]: 'in' });
    const added = await reader.next(named(name));
    expect(added.data.type).toBe('ADDED');

    await relabel('team-a', name, { [SCOPE_LABEL]: 'out' });
    const gone = await reader.next(
      f => named(name)(f) && f.data.type === 'DELETED',
    );
    // only its identity: the new labels are not the reader's to see
    expect(gone.data.object).toEqual({
      apiVersion: 'ome.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name, namespace: 'team-a' },
    });
    // and later changes outside its scope are not told
    const admin = openStream(ADMIN, ISVC_A);
    await admin.next(f => f.event === 'ready');
    const after = await setReady('team-a', name, 'True');
    await admin.next(
      f =>
        named(name)(f) &&
        f.data.object.metadata.resourceVersion ===
          after.metadata.resourceVersion,
    );
    await admin.close();
    expect(reader.frames.filter(named(name)).map(f => f.data.type)).toEqual([
      'ADDED',
      'DELETED',
    ]);
    await reader.close();
  });
});
