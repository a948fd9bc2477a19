import { ConflictError } from '@backstage/errors';
import { KubernetesObject, newOmeObject } from '@ome-console/plugin-ome-common';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { OmeResourceService } from './OmeResourceService';
import { OmeResourceWriter } from './OmeResourceWriter';

/*
 * The undo steps of an import's rollback decide whether someone else changed an object
 * since the import wrote it. A controller's status update is no such change; a label, a
 * spec field or a re-created object (new uid) is, and is then left alone.
 */

const ref = {
  cluster: 'a',
  kind: 'BaseModel' as const,
  namespace: 'team-a',
  name: 'm',
};

function stored(
  resourceVersion: string,
  change: (o: KubernetesObject) => void = () => {},
) {
  const object = newOmeObject('BaseModel', { name: 'm', namespace: 'team-a' });
  object.metadata = {
    ...object.metadata,
    uid: 'uid-1',
    resourceVersion,
    generation: 1,
    labels: { step: 'imported' },
  };
  object.spec = {
    ...object.spec,
    storage: { ...object.spec?.storage, parameters: { token: 'hf_new' } },
  };
  change(object);
  return object;
}

function setup(now: KubernetesObject) {
  const exchange = jest.fn(
    async (_cluster: string, _path: string, init: any) => ({
      body: init.method === 'DELETE' ? now : init.body,
      warnings: [],
    }),
  );
  const client = { exchange } as unknown as KubernetesProxyClient;
  const reader = {
    getStored: jest.fn(async () => now),
  } as unknown as OmeResourceService;
  return { exchange, writer: new OmeResourceWriter({ client, reader }) };
}

const ours = stored('5');
const before = stored('4', o => {
  o.metadata.labels = { step: 'before' };
  o.spec!.storage.parameters.token = 'hf_old';
});

describe('OmeResourceWriter rollback steps', () => {
  it('restores the stored copy, token included, over a version that only a status update moved', async () => {
    const now = stored('7', o => {
      o.status = { state: 'Ready' };
    });
    const { writer, exchange } = setup(now);
    await writer.restore(ref, before, ours);
    expect(exchange).toHaveBeenCalledTimes(1);
    const [, , init] = exchange.mock.calls[0];
    expect(init.method).toBe('PUT');
    expect(init.body.spec.storage.parameters.token).toBe('hf_old');
    expect(init.body.metadata).toMatchObject({
      labels: { step: 'before' },
      resourceVersion: '7',
    });
  });

  it.each([
    [
      'a label',
      (o: KubernetesObject) => {
        o.metadata.labels = { step: 'theirs' };
      },
    ],
    [
      'the token',
      (o: KubernetesObject) => {
        o.spec!.storage.parameters.token = 'hf_theirs';
      },
    ],
    [
      'a re-created object',
      (o: KubernetesObject) => {
        o.metadata.uid = 'uid-2';
      },
    ],
  ])(
    'leaves %s someone else changed, with a 409 saying not restored / not deleted',
    async (_what, change) => {
      const now = stored('8', change);
      const { writer, exchange } = setup(now);
      await expect(writer.restore(ref, before, ours)).rejects.toThrow(
        new ConflictError(
          "BaseModel 'm' on cluster 'a' was changed by someone else since this import wrote it; not restored",
        ),
      );
      await expect(writer.undoCreate(ref, ours)).rejects.toThrow(
        /changed by someone else since this import wrote it; not deleted$/,
      );
      expect(exchange).not.toHaveBeenCalled();
    },
  );

  it('deletes a created object unchanged but for its status, preconditioned on its uid and current version', async () => {
    const now = stored('9', o => {
      o.status = { state: 'Importing' };
    });
    const { writer, exchange } = setup(now);
    await writer.undoCreate(ref, ours);
    expect(exchange).toHaveBeenCalledTimes(1);
    const [, , init] = exchange.mock.calls[0];
    expect(init.method).toBe('DELETE');
    expect(init.body.preconditions).toEqual({
      uid: 'uid-1',
      resourceVersion: '9',
    });
  });
});
