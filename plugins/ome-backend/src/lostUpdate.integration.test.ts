/*
 * The editor's lost update, against the real control plane: writer A changes one field,
 * writer B (who loaded the object before A saved) changes another, gets 409 with the live
 * object, re-applies only B's own edits onto it with ome-common's `rebaseEdits` (the function
 * the editor's "Apply my edits on top of the live version" uses) and saves: both changes are
 * in the cluster. Keeping B's whole stale draft with the live resourceVersion (what the
 * editor did before) would have reverted A's change.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  chooseConflictValue,
  KubernetesObject,
  newOmeObject,
  OME_KINDS,
  omeResourcePath,
  rebaseEdits,
} from '@ome-console/plugin-ome-common';
import request from 'supertest';
import { clusterA, kubeRequest, startOmeBackend } from './__testUtils__/controlPlane';

jest.setTimeout(120_000);

const RUN = Date.now().toString(36);
const info = OME_KINDS.find(k => k.kind === 'ClusterServingRuntime')!;
const auth = () => mockCredentials.user.header();
const apiPath = (name: string) => `/api/ome/clusters/${clusterA.name}/${info.plural}/${name}`;

function edited(object: KubernetesObject, change: (spec: any) => void): KubernetesObject {
  const copy = structuredClone(object);
  change(copy.spec);
  return copy;
}

describe('a second writer with a stale draft', () => {
  let server: Awaited<ReturnType<typeof startOmeBackend>>['server'];
  let stop: () => Promise<void>;
  const names: string[] = [];

  beforeAll(async () => {
    const backend = await startOmeBackend();
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    for (const name of names) {
      await kubeRequest(clusterA, 'DELETE', omeResourcePath(info.kind, { name })).catch(
        () => undefined,
      );
    }
    await stop?.();
  });

  async function createAndLoad(name: string): Promise<KubernetesObject> {
    const object = newOmeObject(info.kind, { name }) as KubernetesObject;
    object.spec = { ...object.spec, disabled: false, modelSizeRange: { min: '1B', max: '9B' } };
    const created = await request(server).post(`/api/ome/clusters/${clusterA.name}/${info.plural}`)
      .set('Authorization', auth())
      .send(object);
    expect({ status: created.status, error: created.body?.error }).toEqual({ status: 201 });
    names.push(name);
    const read = await request(server).get(apiPath(name)).set('Authorization', auth());
    expect(read.status).toBe(200);
    return read.body.object as KubernetesObject;
  }

  const put = (name: string, object: KubernetesObject) =>
    request(server).put(apiPath(name)).set('Authorization', auth()).send(object);

  it('re-applies only its own edits onto the live object after a 409: both changes are kept', async () => {
    const name = `lost-update-${RUN}`;
    const loaded = await createAndLoad(name);

    // writer A
    const a = await put(name, edited(loaded, spec => { spec.disabled = true; }));
    expect(a.status).toBe(200);

    // writer B, from the same load
    const draft = edited(loaded, spec => { spec.modelSizeRange.max = '70B'; });
    const stale = await put(name, draft);
    expect(stale.status).toBe(409);
    const live = stale.body.details.live as KubernetesObject;
    expect(live.spec!.disabled).toBe(true);

    const rebased = rebaseEdits(loaded, draft, live);
    expect(rebased.conflicts).toEqual([]);
    const saved = await put(name, rebased.object);
    expect(saved.status).toBe(200);

    const stored = await kubeRequest(clusterA, 'GET', omeResourcePath(info.kind, { name }));
    expect(stored.body.spec.disabled).toBe(true); // A's change survived
    expect(stored.body.spec.modelSizeRange).toEqual({ min: '1B', max: '70B' }); // and B's is in
  });

  it('lets the second writer choose its own value where both changed the same field', async () => {
    const name = `lost-update-both-${RUN}`;
    const loaded = await createAndLoad(name);

    const a = await put(name, edited(loaded, spec => {
      spec.modelSizeRange.max = '13B';
      spec.disabled = true;
    }));
    expect(a.status).toBe(200);

    const draft = edited(loaded, spec => {
      spec.modelSizeRange.max = '70B';
      spec.modelSizeRange.min = '2B';
    });
    const stale = await put(name, draft);
    expect(stale.status).toBe(409);
    const rebased = rebaseEdits(loaded, draft, stale.body.details.live);
    expect(rebased.conflicts).toEqual([
      { path: '/spec/modelSizeRange/max', base: '9B', theirs: '13B', mine: '70B' },
    ]);
    const saved = await put(name, chooseConflictValue(rebased.object, rebased.conflicts[0], 'mine'));
    expect(saved.status).toBe(200);

    const stored = await kubeRequest(clusterA, 'GET', omeResourcePath(info.kind, { name }));
    expect(stored.body.spec.disabled).toBe(true);
    expect(stored.body.spec.modelSizeRange).toEqual({ min: '2B', max: '70B' });
  });
});
