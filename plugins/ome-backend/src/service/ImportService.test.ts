import { ConflictError, NotAllowedError } from '@backstage/errors';
import { KubernetesObject, newOmeObject } from '@ome-console/plugin-ome-common';
import { ImportService } from './ImportService';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { OmeResourceWriter } from './OmeResourceWriter';

/*
 * The rollback's bookkeeping with a stand-in writer (importRollback.integration.test.ts
 * proves the rollback itself against a real apiserver): what is undone over which version,
 * and what a document says when its undo is refused because someone else changed it.
 */

const allowAll = {
  mayCreate: () => true,
  mayUpdate: () => true,
  mayCreateNamespace: true,
};

function model(name: string): KubernetesObject {
  return newOmeObject('BaseModel', { name, namespace: 'team-a' });
}

function setup(restore: () => Promise<void>) {
  const before = {
    ...model('kept'),
    metadata: { ...model('kept').metadata, resourceVersion: '4' },
  };
  const upsert = jest.fn(
    async (
      _target: unknown,
      object: KubernetesObject,
      options: { dryRun?: boolean },
    ) => {
      const name = object.metadata.name;
      const outcome = name === 'kept' ? 'updated' : 'created';
      if (options.dryRun) return { outcome, warnings: [] };
      if (name === 'new-b')
        throw new NotAllowedError(
          'resourcequotas "q" is forbidden: exceeded quota',
        );
      const written = {
        ...object,
        metadata: {
          ...object.metadata,
          resourceVersion: name === 'kept' ? '5' : '6',
        },
      };
      return {
        outcome,
        warnings: [],
        object: written,
        written,
        ...(outcome === 'updated' && { before }),
      };
    },
  );
  const writer = {
    upsert,
    restore: jest.fn(restore),
    undoCreate: jest.fn(async () => ({})),
  };
  const service = new ImportService({
    client: {} as KubernetesProxyClient,
    writer: writer as unknown as OmeResourceWriter,
  });
  const yaml = ['kept', 'new-a', 'new-b']
    .map(n => JSON.stringify(model(n)))
    .join('\n---\n');
  return { service, writer, before, yaml };
}

describe('ImportService rollback', () => {
  it('undoes the created object and restores the updated one from the stored copy, each against what this import wrote', async () => {
    const { service, writer, before, yaml } = setup(async () => undefined);
    const answer = await service.import(
      { cluster: 'a', yaml, dryRun: false },
      allowAll,
    );
    expect(answer.applied).toBe(false);
    expect(answer.results.map(r => r.outcome)).toEqual([
      'rolled-back',
      'rolled-back',
      'failed',
    ]);
    expect(writer.undoCreate).toHaveBeenCalledWith(
      { cluster: 'a', kind: 'BaseModel', namespace: 'team-a', name: 'new-a' },
      expect.objectContaining({
        metadata: expect.objectContaining({ resourceVersion: '6' }),
      }),
    );
    expect(writer.restore).toHaveBeenCalledWith(
      { cluster: 'a', kind: 'BaseModel', namespace: 'team-a', name: 'kept' },
      before,
      expect.objectContaining({
        metadata: expect.objectContaining({ resourceVersion: '5' }),
      }),
    );
    // Undone newest first.
    expect(writer.undoCreate.mock.invocationCallOrder[0]).toBeLessThan(
      writer.restore.mock.invocationCallOrder[0],
    );
  });

  it("keeps someone else's later change: the document stays updated and says it was not restored", async () => {
    const { service, yaml } = setup(async () => {
      throw new ConflictError(
        "BaseModel 'kept' on cluster 'a' was changed by someone else since this import wrote it; not restored",
      );
    });
    const answer = await service.import(
      { cluster: 'a', yaml, dryRun: false },
      allowAll,
    );
    expect(answer.results[0]).toMatchObject({
      outcome: 'updated',
      message:
        "could not be rolled back: BaseModel 'kept' on cluster 'a' was changed by someone else since this import wrote it; not restored",
    });
    expect(answer.results[1].outcome).toBe('rolled-back');
    expect(answer.results[2]).toMatchObject({
      outcome: 'failed',
      message: expect.stringContaining('exceeded quota'),
    });
  });
});
