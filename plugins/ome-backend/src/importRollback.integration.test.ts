/*
 * An import that fails half-way rolls back, against the real control plane: a ResourceQuota
 * of the suite's own namespace admits one more BaseModel, so the dry run passes every
 * document (each alone fits) and the write of the last one is refused by the apiserver.
 * The object the import created is deleted again and the object it updated is put back as
 * it was stored, plaintext token included (not the redacted copy the API shows).
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  KubernetesObject,
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
const NAMESPACE = `rollback-${RUN}`;
const QUOTA = 'one-more-model';
const COUNT = 'count/basemodels.ome.io';
const auth = () => mockCredentials.user.header();
const modelPath = (name?: string) =>
  omeResourcePath('BaseModel', { namespace: NAMESPACE, name });
const quotaPath = `/api/v1/namespaces/${NAMESPACE}/resourcequotas/${QUOTA}`;

function model(name: string, token: string, label: string): KubernetesObject {
  const object = newOmeObject('BaseModel', { name, namespace: NAMESPACE });
  return {
    ...object,
    metadata: { ...object.metadata, labels: { step: label } },
    spec: {
      ...object.spec,
      storage: { ...object.spec?.storage, parameters: { token } },
    },
  };
}

/** Sets the quota's status (no controller manager runs here to count). */
async function setQuotaStatus(used: number) {
  const quota = (await kubeRequest(clusterA, 'GET', quotaPath)).body;
  const res = await kubeRequest(clusterA, 'PUT', `${quotaPath}/status`, {
    ...quota,
    status: { hard: { [COUNT]: '2' }, used: { [COUNT]: String(used) } },
  });
  expect(res.status).toBe(200);
}

/** Waits (bounded) until a dry-run create of a BaseModel answers `status`: the quota is in force. */
async function untilDryRunCreate(status: number) {
  let last = 0;
  for (let attempt = 0; attempt < 60; attempt++) {
    const res = await kubeRequest(
      clusterA,
      'POST',
      `${modelPath()}?dryRun=All`,
      newOmeObject('BaseModel', { name: 'probe', namespace: NAMESPACE }),
    );
    last = res.status;
    if (last === status) return res;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`a dry-run create still answers ${last}, not ${status}`);
}

describe('POST /import that fails half-way', () => {
  let server: Awaited<ReturnType<typeof startOmeBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startOmeBackend();
    server = backend.server;
    stop = () => backend.stop();
    await warmUp(server);
    await createSuiteNamespace(clusterA, NAMESPACE);
  });

  afterAll(async () => {
    await deleteSuiteNamespace(clusterA, NAMESPACE);
    await stop?.();
  });

  it('deletes what it created and restores what it updated (token included) when a later write is refused', async () => {
    const oldToken = plantedToken('rollback-old');
    const newToken = plantedToken('rollback-new');
    const kept = await kubeRequest(
      clusterA,
      'POST',
      modelPath(),
      model('kept', oldToken, 'before'),
    );
    expect(kept.status).toBe(201);
    const before = kept.body as KubernetesObject;

    // Full first, to see the apiserver enforce it; then room for exactly one more.
    const quota = await kubeRequest(
      clusterA,
      'POST',
      `/api/v1/namespaces/${NAMESPACE}/resourcequotas`,
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: QUOTA },
        spec: { hard: { [COUNT]: '2' } },
      },
    );
    expect(quota.status).toBe(201);
    await setQuotaStatus(2);
    const refused = await untilDryRunCreate(403);
    expect(refused.body.message).toContain('exceeded quota');
    await setQuotaStatus(1);
    await untilDryRunCreate(201);

    const yaml = [
      model('kept', newToken, 'imported'),
      model('new-a', newToken, 'imported'),
      model('new-b', newToken, 'imported'),
    ]
      .map(o => JSON.stringify(o))
      .join('\n---\n');

    const dry = await request(server)
      .post('/api/ome/import')
      .query({ dryRun: 'true' })
      .set('Authorization', auth())
      .send({ cluster: clusterA.name, yaml });
    expect(dry.status).toBe(200);
    expect(dry.body.results.map((r: any) => r.outcome)).toEqual([
      'valid',
      'valid',
      'valid',
    ]);

    const res = await request(server)
      .post('/api/ome/import')
      .set('Authorization', auth())
      .send({ cluster: clusterA.name, yaml });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, applied: false });
    expect(res.body.results).toEqual([
      expect.objectContaining({
        index: 0,
        name: 'kept',
        outcome: 'rolled-back',
        message: 'rolled back because document 2 failed',
      }),
      expect.objectContaining({
        index: 1,
        name: 'new-a',
        outcome: 'rolled-back',
        message: 'rolled back because document 2 failed',
      }),
      expect.objectContaining({
        index: 2,
        name: 'new-b',
        outcome: 'failed',
        message: expect.stringContaining('exceeded quota'),
      }),
    ]);
    expect(res.text).not.toContain(oldToken);
    expect(res.text).not.toContain(newToken);

    // The cluster holds what it held before the import.
    const now = await kubeRequest(clusterA, 'GET', modelPath('kept'));
    expect(now.body.spec).toEqual(before.spec);
    expect(now.body.metadata.labels).toEqual({ step: 'before' });
    expect(now.body.spec.storage.parameters.token).toBe(oldToken);
    expect(now.body.metadata.uid).toBe(before.metadata.uid);
    for (const name of ['new-a', 'new-b']) {
      expect((await kubeRequest(clusterA, 'GET', modelPath(name))).status).toBe(
        404,
      );
    }
  });
});
