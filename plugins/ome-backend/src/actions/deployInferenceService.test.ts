import { omeActionsWith, rejectionOf } from './__testUtils__/registry';

const base = { cluster: 'ome-dev-a', namespace: 'team-a', model: 'llama' };

describe('ome:deploy-inference-service', () => {
  it('rejects a name that is not a DNS-1035 label', async () => {
    const { invoke } = omeActionsWith();
    expect(
      await rejectionOf(
        invoke('deploy-inference-service', { ...base, name: '1-llama' }),
      ),
    ).toEqual([
      'name: must be a DNS-1035 label (a lower-case letter first, then letters, digits and -)',
    ]);
  });

  it('rejects a name too long for the decoder suffix', async () => {
    const { invoke } = omeActionsWith();
    expect(
      await rejectionOf(
        invoke('deploy-inference-service', { ...base, name: 'a'.repeat(56) }),
      ),
    ).toEqual(['name: must be at most 55 characters']);
  });

  it('rejects fewer maximum than minimum replicas and negative ones', async () => {
    const { invoke } = omeActionsWith();
    expect(
      await rejectionOf(
        invoke('deploy-inference-service', {
          ...base,
          name: 'llama',
          minReplicas: 3,
          maxReplicas: 2,
        }),
      ),
    ).toEqual(['maxReplicas: must not be less than minReplicas']);
    expect(
      await rejectionOf(
        invoke('deploy-inference-service', {
          ...base,
          name: 'llama',
          minReplicas: -1,
        }),
      ),
    ).toEqual(['minReplicas: must be 0 or more']);
  });

  it('creates the service object as the caller, as a dry run unless told otherwise', async () => {
    const create = jest.fn(
      async (_credentials: unknown, place: any, body: any, options: any) => ({
        cluster: place.cluster,
        object: body,
        changed: true,
        dryRun: options.dryRun,
        patch: [],
        warnings: ['w'],
      }),
    );
    const { invoke } = omeActionsWith({ access: { create } as any });
    const { output } = await invoke('deploy-inference-service', {
      ...base,
      name: 'llama',
      runtime: 'vllm',
      maxReplicas: 2,
    });
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ principal: expect.anything() }),
      { cluster: 'ome-dev-a', kind: 'InferenceService', namespace: 'team-a' },
      {
        apiVersion: 'ome.io/v1beta1',
        kind: 'InferenceService',
        metadata: { name: 'llama', namespace: 'team-a' },
        spec: {
          model: { name: 'llama' },
          runtime: { name: 'vllm' },
          engine: { maxReplicas: 2 },
        },
      },
      { dryRun: true },
    );
    expect(output).toEqual({
      cluster: 'ome-dev-a',
      namespace: 'team-a',
      name: 'llama',
      dryRun: true,
      created: false,
      model: 'llama',
      runtime: 'vllm',
      warnings: ['w'],
    });
  });
});
