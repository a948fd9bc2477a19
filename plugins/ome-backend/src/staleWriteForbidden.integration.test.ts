/*
 * A caller who may not update (or delete) an object gets 403 for a stale write, not the 409
 * that carries the object as it is now (`details.live`): a 409 would show a caller who may
 * not write it a version they never read. Against the real control plane.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  KubernetesObject,
  newOmeObject,
  omeResourcePath,
} from '@ome-console/plugin-ome-common';
import request from 'supertest';
import { createOmeConditionalDecision, omeConditions } from './index';
import {
  clusterA,
  kubeRequest,
  startOmeBackend,
  warmUp,
} from './__testUtils__/controlPlane';
import {
  createSuiteNamespace,
  deleteSuiteNamespace,
} from './__testUtils__/suiteNamespace';

jest.setTimeout(180_000);

const RUN = Date.now().toString(36);
const NAMESPACE = `stale-${RUN}`;
const TEAM = 'ome.io/team';
const auth = () => mockCredentials.user.header();
const apiPath = (name: string) =>
  `/api/ome/clusters/${clusterA.name}/namespaces/${NAMESPACE}/basemodels/${name}`;
const kubePath = (name?: string) =>
  omeResourcePath('BaseModel', { namespace: NAMESPACE, name });

/** How the test policy decides writes: reads are always allowed. */
let writes: 'deny' | 'team-a only' = 'team-a only';

function decide(permission: Permission): PolicyDecision {
  if (permission.attributes.action === 'read') {
    return { result: AuthorizeResult.ALLOW };
  }
  if (writes === 'deny') return { result: AuthorizeResult.DENY };
  return createOmeConditionalDecision(
    permission as ResourcePermission<'ome-resource'>,
    omeConditions.hasLabel({ key: TEAM, values: ['team-a'] }),
  );
}

describe('a stale write by a caller who may not write the object', () => {
  let server: Awaited<ReturnType<typeof startOmeBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startOmeBackend({ decide });
    server = backend.server;
    stop = () => backend.stop();
    await warmUp(server);
    await createSuiteNamespace(clusterA, NAMESPACE);
  });

  afterAll(async () => {
    await deleteSuiteNamespace(clusterA, NAMESPACE);
    await stop?.();
  });

  /**
   * A model of `team`, read through the API (the version the caller's edit starts from), then
   * changed by someone else directly in the cluster: the caller's copy is stale.
   */
  async function staleCopy(name: string, team: string) {
    const object = newOmeObject('BaseModel', { name, namespace: NAMESPACE });
    object.metadata.labels = { [TEAM]: team };
    expect(
      (await kubeRequest(clusterA, 'POST', kubePath(), object)).status,
    ).toBe(201);
    const read = await request(server)
      .get(apiPath(name))
      .set('Authorization', auth());
    expect(read.status).toBe(200);
    const copy = read.body.object as KubernetesObject;
    const stored = (await kubeRequest(clusterA, 'GET', kubePath(name))).body;
    const marker = `changed-by-someone-else-${RUN}`;
    const changed = await kubeRequest(clusterA, 'PUT', kubePath(name), {
      ...stored,
      metadata: {
        ...stored.metadata,
        annotations: { 'example.com/note': marker },
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.metadata.resourceVersion).not.toBe(
      copy.metadata.resourceVersion,
    );
    const edited = {
      ...copy,
      metadata: { ...copy.metadata, labels: { [TEAM]: team, edited: 'yes' } },
    };
    return { copy, edited, marker };
  }

  it('answers 409 with the live object to a caller who may update it (the contrast)', async () => {
    writes = 'team-a only';
    const { edited, marker } = await staleCopy('mine', 'team-a');
    const res = await request(server)
      .put(apiPath('mine'))
      .set('Authorization', auth())
      .send(edited);
    expect(res.status).toBe(409);
    expect(res.body.details.live.metadata.annotations).toEqual({
      'example.com/note': marker,
    });
  });

  it('answers 403 without the live object to a caller whose update condition excludes the object', async () => {
    writes = 'team-a only';
    const { copy, edited, marker } = await staleCopy('theirs', 'team-b');
    const update = await request(server)
      .put(apiPath('theirs'))
      .set('Authorization', auth())
      .send(edited);
    expect(update.status).toBe(403);
    expect(update.body.details?.live).toBeUndefined();
    expect(update.text).not.toContain(marker);

    const remove = await request(server)
      .delete(apiPath('theirs'))
      .query({ resourceVersion: copy.metadata.resourceVersion })
      .set('Authorization', auth());
    expect(remove.status).toBe(403);
    expect(remove.body.details?.live).toBeUndefined();
    expect(remove.text).not.toContain(marker);

    const stored = (await kubeRequest(clusterA, 'GET', kubePath('theirs')))
      .body;
    expect(stored.metadata.labels).toEqual({ [TEAM]: 'team-b' });
  });

  it('answers 403 without the live object to a caller who may not update at all', async () => {
    writes = 'deny';
    const { copy, edited, marker } = await staleCopy('nobodys', 'team-a');
    const update = await request(server)
      .put(apiPath('nobodys'))
      .set('Authorization', auth())
      .send(edited);
    expect(update.status).toBe(403);
    expect(update.body.details?.live).toBeUndefined();
    expect(update.text).not.toContain(marker);

    const remove = await request(server)
      .delete(apiPath('nobodys'))
      .query({ resourceVersion: copy.metadata.resourceVersion })
      .set('Authorization', auth());
    expect(remove.status).toBe(403);
    expect(remove.text).not.toContain(marker);
  });
});
