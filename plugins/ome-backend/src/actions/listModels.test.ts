import { omeActionsWith, rejectionOf } from './__testUtils__/registry';

const model = (name: string, extra: object = {}) => ({
  cluster: 'ome-dev-a',
  object: {
    apiVersion: 'ome.io/v1beta1',
    kind: 'ClusterBaseModel',
    metadata: { name },
    spec: { modelParameterSize: '8B', modelArchitecture: 'LlamaForCausalLM' },
    status: { state: 'Ready' },
    ...extra,
  },
});

describe('ome:list-models', () => {
  it('rejects an unknown kind, naming the allowed ones', async () => {
    const { invoke } = omeActionsWith();
    expect(await rejectionOf(invoke('list-models', { kind: 'Model' }))).toEqual(
      ['kind: must be one of ClusterBaseModel, BaseModel'],
    );
  });

  it('rejects an empty cluster name', async () => {
    const { invoke } = omeActionsWith();
    expect(await rejectionOf(invoke('list-models', { cluster: '' }))).toEqual([
      'cluster: must name a cluster of the kubernetes backend',
    ]);
  });

  it('lists the readable models of the asked kind with state, size and architecture', async () => {
    const listReadable = jest.fn(async () => ({
      items: [model('llama')],
      errors: [
        { cluster: 'ome-dev-b', reason: 'unreachable', message: 'down' },
      ],
      notInstalled: [],
      others: [],
    }));
    const { invoke } = omeActionsWith({ access: { listReadable } as any });
    const { output } = await invoke('list-models', {
      cluster: 'ome-dev-a',
      kind: 'ClusterBaseModel',
    });
    expect(listReadable).toHaveBeenCalledWith(
      expect.anything(),
      'ClusterBaseModel',
      { clusters: ['ome-dev-a'] },
    );
    expect(output).toEqual({
      models: [
        {
          cluster: 'ome-dev-a',
          kind: 'ClusterBaseModel',
          name: 'llama',
          state: 'Ready',
          parameterSize: '8B',
          architecture: 'LlamaForCausalLM',
        },
      ],
      clusterErrors: [
        { cluster: 'ome-dev-b', reason: 'unreachable', message: 'down' },
      ],
    });
  });
});
