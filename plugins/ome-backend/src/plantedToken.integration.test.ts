/*
 * A plaintext Hugging Face token planted in a model (spec.storage.parameters.token, and in
 * kubectl's last-applied-configuration annotation as `kubectl apply` leaves it) never comes
 * back from the API: not in reads, not in a 409's live object, not in a clone's answer or a
 * dry run's patch; the clone itself, in the cluster, is a working copy. Against the real
 * control plane; the secrets sweep (setupTests.ts) checks every response and log line too.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  KubernetesObject,
  OME_REDACTED_VALUE,
  newOmeObject,
  omeResourcePath,
} from '@ome-console/plugin-ome-common';
import request from 'supertest';
import {
  clusterA,
  kubeRequest,
  startOmeBackend,
  warmUp,
} from './__testUtils__/controlPlane';
import { plantedToken } from './__testUtils__/plantedSecrets';
import {
  createSuiteNamespace,
  deleteSuiteNamespace,
} from './__testUtils__/suiteNamespace';

jest.setTimeout(180_000);

const RUN = Date.now().toString(36);
const NAMESPACE = `planted-${RUN}`;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const TOKEN = plantedToken('end-to-end');
const auth = () => mockCredentials.user.header();
const scope = `/api/ome/clusters/${clusterA.name}/namespaces/${NAMESPACE}/basemodels`;
const kubePath = (name?: string) =>
  omeResourcePath('BaseModel', { namespace: NAMESPACE, name });

/** A model holding TOKEN in its spec and, as `kubectl apply` leaves it, in the annotation. */
function modelWithToken(name: string): KubernetesObject {
  const object = newOmeObject('BaseModel', { name, namespace: NAMESPACE });
  const withToken = {
    ...object,
    spec: {
      ...object.spec,
      storage: { ...object.spec?.storage, parameters: { token: TOKEN } },
    },
  };
  return {
    ...withToken,
    metadata: {
      ...withToken.metadata,
      annotations: { [LAST_APPLIED]: JSON.stringify(withToken) },
    },
  };
}

/** Asserts `object` shows the token only as the placeholder, in the spec and the annotation. */
function expectRedacted(object: KubernetesObject) {
  expect(object.spec?.storage?.parameters?.token).toBe(OME_REDACTED_VALUE);
  const lastApplied = JSON.parse(object.metadata.annotations![LAST_APPLIED]);
  expect(lastApplied.spec.storage.parameters.token).toBe(OME_REDACTED_VALUE);
}

describe('a planted token, end to end', () => {
  let server: Awaited<ReturnType<typeof startOmeBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startOmeBackend();
    server = backend.server;
    stop = () => backend.stop();
    await warmUp(server);
    await createSuiteNamespace(clusterA, NAMESPACE);
    const planted = await kubeRequest(
      clusterA,
      'POST',
      kubePath(),
      modelWithToken('source'),
    );
    if (planted.status !== 201) {
      throw new Error(`planting: model ${planted.status}`);
    }
  });

  afterAll(async () => {
    await deleteSuiteNamespace(clusterA, NAMESPACE);
    await stop?.();
  });

  it('is redacted in a read and a list, in the spec and in the last-applied annotation', async () => {
    // The cluster holds it in both places: what the API must never show.
    const stored = await kubeRequest(clusterA, 'GET', kubePath('source'));
    expect(JSON.stringify(stored.body).split(TOKEN)).toHaveLength(3);

    const one = await request(server)
      .get(`${scope}/source`)
      .set('Authorization', auth());
    expect({ status: one.status, error: one.body.error }).toEqual({
      status: 200,
    });
    expectRedacted(one.body.object);
    expect(one.text).not.toContain(TOKEN);

    const list = await request(server)
      .get('/api/ome/basemodels')
      .query({ cluster: clusterA.name, namespace: NAMESPACE })
      .set('Authorization', auth());
    expect(list.status).toBe(200);
    const items = list.body.items as Array<{ object: KubernetesObject }>;
    const source = items.find(i => i.object.metadata.name === 'source');
    expect(source).toBeDefined();
    expectRedacted(source!.object);
    expect(list.text).not.toContain(TOKEN);
  });

  it("is redacted in a 409's live object", async () => {
    const read = await request(server)
      .get(`${scope}/source`)
      .set('Authorization', auth());
    const copy = read.body.object as KubernetesObject;
    const stored = (await kubeRequest(clusterA, 'GET', kubePath('source')))
      .body;
    const moved = await kubeRequest(clusterA, 'PUT', kubePath('source'), {
      ...stored,
      metadata: { ...stored.metadata, labels: { moved: 'yes' } },
    });
    expect(moved.status).toBe(200);

    const stale = await request(server)
      .put(`${scope}/source`)
      .set('Authorization', auth())
      .send({
        ...copy,
        metadata: { ...copy.metadata, labels: { mine: 'yes' } },
      });
    expect(stale.status).toBe(409);
    expect(stale.body.details.live.metadata.labels).toEqual({ moved: 'yes' });
    expectRedacted(stale.body.details.live);
    expect(stale.text).not.toContain(TOKEN);
  });

  it("is redacted in a dry run's patch and an update's answer, and the stored token stays", async () => {
    const read = await request(server)
      .get(`${scope}/source`)
      .set('Authorization', auth());
    const edited = {
      ...read.body.object,
      metadata: { ...read.body.object.metadata, labels: { edited: 'yes' } },
    };
    const dry = await request(server)
      .put(`${scope}/source`)
      .query({ dryRun: 'true' })
      .set('Authorization', auth())
      .send(edited);
    expect(dry.status).toBe(200);
    expect(dry.body.patch.length).toBeGreaterThan(0);
    expect(dry.text).not.toContain(TOKEN);

    const saved = await request(server)
      .put(`${scope}/source`)
      .set('Authorization', auth())
      .send(edited);
    expect(saved.status).toBe(200);
    expectRedacted(saved.body.object);
    expect(saved.text).not.toContain(TOKEN);
    const stored = (await kubeRequest(clusterA, 'GET', kubePath('source')))
      .body;
    expect(stored.spec.storage.parameters.token).toBe(TOKEN);
  });

  it("is not in a clone's answer (dry run or real); the clone in the cluster carries it, without the annotation", async () => {
    for (const dryRun of ['true', 'false']) {
      const clone = await request(server)
        .post(`${scope}/source/clone`)
        .query({ dryRun })
        .set('Authorization', auth())
        .send({ name: 'copy' });
      expect(clone.status).toBe(201);
      expect(clone.body.object.spec.storage.parameters.token).toBe(
        OME_REDACTED_VALUE,
      );
      expect(clone.text).not.toContain(TOKEN);
    }
    const copy = (await kubeRequest(clusterA, 'GET', kubePath('copy'))).body;
    expect(copy.spec.storage.parameters.token).toBe(TOKEN);
    expect(copy.metadata.annotations?.[LAST_APPLIED]).toBeUndefined();

    const read = await request(server)
      .get(`${scope}/copy`)
      .set('Authorization', auth());
    expect(read.status).toBe(200);
    expect(read.text).not.toContain(TOKEN);
  });
});
