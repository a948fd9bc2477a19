/*
 * Many writers editing the same objects through the OME API at once, against the REAL
 * control plane through the REAL kubernetes backend plugin: every write is applied or gets
 * 409; the accepted writes form one serial chain (each started from the version the one
 * before it produced) and the stored object is exactly that chain applied; nothing else of the
 * object changes (fields the console does not edit, a planted token it only ever shows
 * redacted); no-op writes write nothing (a real watch on the apiserver sees no event); and
 * concurrent creates, clones and deletes of one name have exactly one winner.
 *
 * Writers edit like the editor does: load the object (GET), change it, PUT it back with the
 * resourceVersion it was loaded at; after a 409 they go on from the live object the 409
 * carries (the editor's "apply my edits on top") or from a reload.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  KubernetesObject,
  OME_KINDS,
  OME_REDACTED_VALUE,
  OmeKind,
  newOmeObject,
  omeResourcePath,
} from '@ome-console/plugin-ome-common';
import { AddressInfo } from 'node:net';
import {
  clusterA,
  clusterB,
  ControlPlaneCluster,
  kubeRequest,
  startOmeBackend,
} from './__testUtils__/controlPlane';
import { EventFrame, openEventStream } from './__testUtils__/eventStream';
import { kubeWatch } from './__testUtils__/kubeWatch';

jest.setTimeout(180_000);

const RUN = `cc${Date.now().toString(36).slice(-6)}`;
/** A token the model kinds carry in plaintext: it must never leave the backend. */
const PLANTED = `hf_planted_${RUN}_do_not_show`;
/** The annotation every writer appends its own unique token to. */
const LOG = 'ome-console.test/write-log';
const WRITERS = 10;
const ROUNDS = 5;

interface Target {
  kind: OmeKind;
  cluster: ControlPlaneCluster;
  namespace?: string;
  /** Whether its objects carry the planted plaintext token (the model kinds). */
  secret: boolean;
}

// a cluster-scoped kind on one cluster and a namespaced one on the other
const TARGETS: Target[] = [
  { kind: 'ClusterServingRuntime', cluster: clusterA, secret: false },
  { kind: 'BaseModel', cluster: clusterB, namespace: 'team-b', secret: true },
];

const plural = (kind: OmeKind) => OME_KINDS.find(k => k.kind === kind)!.plural;
const apiPath = (t: Target, name?: string) =>
  `/api/ome/clusters/${t.cluster.name}${
    t.namespace ? `/namespaces/${t.namespace}` : ''
  }/${plural(t.kind)}${name ? `/${name}` : ''}`;
const kubePath = (t: Target, name?: string) =>
  omeResourcePath(t.kind, { namespace: t.namespace, name });

let base: string;
let stopBackend: () => Promise<void>;
/** Every response body the OME API gave in this suite (searched for the planted token). */
const bodies: string[] = [];
const made: Array<{ target: Target; name: string }> = [];

beforeAll(async () => {
  const backend = await startOmeBackend();
  base = `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`;
  stopBackend = () => backend.stop();
});

afterAll(async () => {
  for (const { target, name } of made) {
    await kubeRequest(target.cluster, 'DELETE', kubePath(target, name)).catch(
      () => undefined,
    );
  }
  await stopBackend?.();
});

/** One request to the OME API as a signed-in user; the body is kept for the secret check. */
async function api(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      Authorization: mockCredentials.user.header(),
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  bodies.push(text);
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Creates an object straight in the apiserver, with what the console's forms do not edit:
 * a label and an annotation of another manager and, on models, a plaintext token.
 */
async function createDirect(
  t: Target,
  name: string,
): Promise<KubernetesObject> {
  const object = newOmeObject(t.kind, { name, namespace: t.namespace });
  object.metadata.labels = { 'other-manager.example/owner': 'gitops' };
  object.metadata.annotations = {
    'other-manager.example/note': 'kept by others: ✓ ünïcode',
    [LOG]: '',
  };
  if (t.secret) {
    object.spec = {
      storage: {
        storageUri: 'hf://meta-llama/Llama-3.2-1B-Instruct',
        parameters: { token: PLANTED },
      },
    };
  } else {
    object.spec = {
      ...object.spec,
      disabled: false,
      supportedModelFormats: [
        {
          name: 'safetensors',
          modelFormat: { name: 'safetensors', version: '1.0.0' },
          modelFramework: { name: 'transformers', version: '4.0.0' },
          autoSelect: true,
          priority: 1,
        },
      ],
    };
  }
  const res = await kubeRequest(t.cluster, 'POST', kubePath(t), object);
  if (res.status !== 201) {
    throw new Error(
      `create ${name}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  }
  made.push({ target: t, name });
  return res.body;
}

/** Where a model keeps a plaintext token. */
const plantedTokenOf = (object: KubernetesObject): unknown =>
  object.spec?.storage?.parameters?.token;

const logOf = (object: KubernetesObject): string[] =>
  (object.metadata.annotations?.[LOG] ?? '').split(' ').filter(Boolean);

/** The object with `token` appended to its write log: one writer's edit. */
function appended(object: KubernetesObject, token: string): KubernetesObject {
  const copy = structuredClone(object);
  copy.metadata.annotations = {
    ...copy.metadata.annotations,
    [LOG]: [...logOf(object), token].join(' '),
  };
  return copy;
}

/** The object without what every write changes (its version, managed fields, the write log). */
function unchangedPart(object: KubernetesObject) {
  const {
    resourceVersion: _rv,
    managedFields: _mf,
    annotations,
    ...metadata
  } = object.metadata;
  const { [LOG]: _log, ...others } = annotations ?? {};
  return { ...object, metadata: { ...metadata, annotations: others } };
}

interface Outcome {
  writer: number;
  token: string;
  status: number;
  /** The version the write started from. */
  baseVersion: string;
  /** The version it produced (accepted writes). */
  resultVersion?: string;
  /** The write log it stored (accepted writes). */
  log?: string[];
  error?: unknown;
}

describe.each(TARGETS)(
  'concurrent writers of one $kind ($cluster.name)',
  target => {
    it(`applies every write or answers 409, in one serial order, losing nothing (${WRITERS} writers x ${ROUNDS} writes)`, async () => {
      const name = `${RUN}-race-${target.kind.toLowerCase()}`;
      // what a browser tab following this kind hears meanwhile
      const stream = openEventStream({
        base,
        user: 'user:default/concurrency-watcher',
        query: `kind=${plural(target.kind)}&cluster=${target.cluster.name}`,
      });
      try {
        await stream.next(f => f.event === 'ready');
        const initial = await createDirect(target, name);
        const outcomes: Outcome[] = [];

        const load = async (): Promise<KubernetesObject> => {
          const res = await api('GET', apiPath(target, name));
          if (res.status !== 200) {
            throw new Error(
              `GET ${name}: ${res.status} ${JSON.stringify(res.body)}`,
            );
          }
          return res.body.object;
        };

        const put = async (
          writer: number,
          token: string,
          loaded: KubernetesObject,
        ): Promise<KubernetesObject> => {
          const res = await api(
            'PUT',
            apiPath(target, name),
            appended(loaded, token),
          );
          const outcome: Outcome = {
            writer,
            token,
            status: res.status,
            baseVersion: loaded.metadata.resourceVersion!,
          };
          outcomes.push(outcome);
          if (res.status === 200) {
            outcome.resultVersion = res.body.object.metadata.resourceVersion;
            outcome.log = logOf(res.body.object);
            return res.body.object;
          }
          if (res.status === 409 && res.body.details?.live) {
            // even writers reload, odd ones go on from the live object the 409 carries
            if (writer % 2 === 0) return load();
            return res.body.details.live;
          }
          outcome.error = res.body;
          return load();
        };

        // Round 0: all writers load the same version, then all save at once: one wins.
        const loaded = await Promise.all(
          Array.from({ length: WRITERS }, () => load()),
        );
        expect(new Set(loaded.map(o => o.metadata.resourceVersion))).toEqual(
          new Set([initial.metadata.resourceVersion]),
        );
        const afterFirst = await Promise.all(
          loaded.map((object, w) => put(w, `w${w}r0`, object)),
        );
        expect(outcomes.map(o => o.status).sort()).toEqual([
          200,
          ...Array(WRITERS - 1).fill(409),
        ]);

        // Rounds 1..: each writer goes on at its own pace from where it is.
        await Promise.all(
          afterFirst.map(async (start, w) => {
            let current = start;
            for (let round = 1; round < ROUNDS; round++) {
              current = await put(w, `w${w}r${round}`, current);
            }
          }),
        );

        expect(outcomes).toHaveLength(WRITERS * ROUNDS);
        expect(
          outcomes.filter(o => o.status !== 200 && o.status !== 409),
        ).toEqual([]);
        const accepted = outcomes
          .filter(o => o.status === 200)
          // the real apiserver's resourceVersions are etcd revisions: numbers that grow
          .sort((a, b) => Number(a.resultVersion) - Number(b.resultVersion));
        expect(accepted.length).toBeGreaterThan(1);
        expect(accepted.length).toBeLessThan(outcomes.length);

        // One serial chain: each accepted write started from the version the previous one made,
        // and stored the previous log plus its own token.
        let version = initial.metadata.resourceVersion;
        let log: string[] = [];
        for (const write of accepted) {
          expect({ token: write.token, base: write.baseVersion }).toEqual({
            token: write.token,
            base: version,
          });
          log = [...log, write.token];
          expect(write.log).toEqual(log);
          version = write.resultVersion;
        }

        const stored = (
          await kubeRequest(target.cluster, 'GET', kubePath(target, name))
        ).body as KubernetesObject;
        expect(stored.metadata.resourceVersion).toBe(version);
        expect(logOf(stored)).toEqual(accepted.map(w => w.token));
        // nothing lost, nothing else changed: not the other manager's label and annotation,
        // not the spec, not the token the writers only ever saw redacted
        expect(unchangedPart(stored)).toEqual(unchangedPart(initial));
        expect(plantedTokenOf(stored)).toBe(
          target.secret ? PLANTED : undefined,
        );

        // The console's own view ends at the last accepted write too, and the stream told the
        // versions in the chain's order, never an older one after a newer (coalescing may skip).
        const shown = await api('GET', apiPath(target, name));
        expect(shown.body.object.metadata.resourceVersion).toBe(version);
        const chain = [
          initial.metadata.resourceVersion,
          ...accepted.map(w => w.resultVersion),
        ];
        const ofThis = (f: EventFrame) =>
          f.event === 'change' && f.data.object.metadata.name === name;
        await stream.next(
          f => ofThis(f) && f.data.object.metadata.resourceVersion === version,
        );
        const told = stream.frames
          .filter(ofThis)
          .map(f => chain.indexOf(f.data.object.metadata.resourceVersion));
        expect(told.length).toBeGreaterThan(0);
        expect(told.filter(i => i < 0)).toEqual([]);
        expect(told).toEqual([...told].sort((a, b) => a - b));
        expect(new Set(told).size).toBe(told.length);
        expect(JSON.stringify(stream.frames)).not.toContain(PLANTED);
        expect(bodies.filter(b => b.includes(PLANTED))).toEqual([]);
      } finally {
        await stream.close();
      }
    });

    it('writes nothing for no-op saves, also many at once (no watch event, same resourceVersion)', async () => {
      const name = `${RUN}-noop-${target.kind.toLowerCase()}`;
      await createDirect(target, name);
      const read = await api('GET', apiPath(target, name));
      expect(read.status).toBe(200);
      const shown = read.body.object as KubernetesObject;
      const version = shown.metadata.resourceVersion!;
      expect(plantedTokenOf(shown)).toBe(
        target.secret ? OME_REDACTED_VALUE : undefined,
      );

      const watch = await kubeWatch(target.cluster, kubePath(target), {
        resourceVersion: version,
        name,
      });
      try {
        // the object as shown, and as shown with its keys in another order
        const reordered = Object.fromEntries(Object.entries(shown).reverse());
        const saves = await Promise.all(
          Array.from({ length: WRITERS }, (_, i) =>
            api('PUT', apiPath(target, name), i % 2 ? reordered : shown),
          ),
        );
        expect(saves.length).toBeGreaterThan(0);
        for (const save of saves) {
          expect({
            status: save.status,
            changed: save.body.changed,
            patch: save.body.patch,
          }).toEqual({
            status: 200,
            changed: false,
            patch: [],
          });
          expect(save.body.object.metadata.resourceVersion).toBe(version);
        }
        const after = await kubeRequest(
          target.cluster,
          'GET',
          kubePath(target, name),
        );
        expect(after.body.metadata.resourceVersion).toBe(version);

        // A real change made afterwards is the first event the watch sees: nothing came before it.
        const marker = await kubeRequest(
          target.cluster,
          'PUT',
          kubePath(target, name),
          {
            ...after.body,
            metadata: {
              ...after.body.metadata,
              annotations: {
                ...after.body.metadata.annotations,
                [LOG]: 'marker',
              },
            },
          },
        );
        expect(marker.status).toBe(200);
        const markerVersion = marker.body.metadata.resourceVersion;
        await watch.next(
          e => e.object.metadata.resourceVersion === markerVersion,
        );
        expect(
          watch.events.map(e => [e.type, e.object.metadata.resourceVersion]),
        ).toEqual([['MODIFIED', markerVersion]]);
      } finally {
        watch.close();
      }
      expect(bodies.filter(b => b.includes(PLANTED))).toEqual([]);
    });
  },
);

describe('races for one name', () => {
  const target = TARGETS[0];

  it('creates once when many create the same name at once: one 201, the others 409', async () => {
    const name = `${RUN}-create-race`;
    made.push({ target, name });
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => {
        const object = newOmeObject(target.kind, { name });
        object.metadata.annotations = { [LOG]: `creator-${i}` };
        return api('POST', apiPath(target), object);
      }),
    );
    expect(results.map(r => r.status).sort()).toEqual([
      201,
      ...Array(WRITERS - 1).fill(409),
    ]);
    const winner = results.find(r => r.status === 201)!;
    const stored = await kubeRequest(
      target.cluster,
      'GET',
      kubePath(target, name),
    );
    expect(stored.body.metadata.annotations[LOG]).toBe(
      winner.body.object.metadata.annotations[LOG],
    );
    expect(stored.body.metadata.uid).toBe(winner.body.object.metadata.uid);
  });

  it('clones once when many clone to the same name at once: one 201, the others 409', async () => {
    const source = `${RUN}-clone-source`;
    await createDirect(target, source);
    const copy = `${RUN}-clone-copy`;
    made.push({ target, name: copy });
    const results = await Promise.all(
      Array.from({ length: WRITERS }, () =>
        api('POST', `${apiPath(target, source)}/clone`, { name: copy }),
      ),
    );
    expect(results.map(r => r.status).sort()).toEqual([
      201,
      ...Array(WRITERS - 1).fill(409),
    ]);
    const stored = await kubeRequest(
      target.cluster,
      'GET',
      kubePath(target, copy),
    );
    expect(stored.status).toBe(200);
    expect(stored.body.metadata.annotations['other-manager.example/note']).toBe(
      'kept by others: ✓ ünïcode',
    );
  });

  it('deletes once when many delete the same version at once: one 200, the others 404 or 409', async () => {
    const name = `${RUN}-delete-race`;
    const object = await createDirect(target, name);
    const version = object.metadata.resourceVersion!;
    const results = await Promise.all(
      Array.from({ length: WRITERS }, () =>
        api('DELETE', `${apiPath(target, name)}?resourceVersion=${version}`),
      ),
    );
    const statuses = results.map(r => r.status);
    expect(statuses.filter(s => s === 200)).toHaveLength(1);
    expect(statuses.filter(s => s !== 200 && s !== 404 && s !== 409)).toEqual(
      [],
    );
    const stored = await kubeRequest(
      target.cluster,
      'GET',
      kubePath(target, name),
    );
    expect(stored.status).toBe(404);
  });

  it('lets an edit of a deleted object fail cleanly: each update is 200, 404 or 409, and the object is gone', async () => {
    const name = `${RUN}-edit-delete-race`;
    await createDirect(target, name);
    const loaded = (await api('GET', apiPath(target, name))).body
      .object as KubernetesObject;
    const results = await Promise.all([
      api('DELETE', apiPath(target, name)),
      ...Array.from({ length: WRITERS - 1 }, (_, i) =>
        api('PUT', apiPath(target, name), appended(loaded, `edit-${i}`)),
      ),
    ]);
    const [deleted, ...edits] = results;
    expect(deleted.status).toBe(200);
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.filter(r => ![200, 404, 409].includes(r.status))).toEqual([]);
    const stored = await kubeRequest(
      target.cluster,
      'GET',
      kubePath(target, name),
    );
    expect(stored.status).toBe(404);
  });
});
