import { omeActionsWith, rejectionOf } from './__testUtils__/registry';

describe('ome:explain-runtime-selection', () => {
  it('requires a namespace for a BaseModel', async () => {
    const { invoke } = omeActionsWith();
    expect(
      await rejectionOf(
        invoke('explain-runtime-selection', {
          cluster: 'ome-dev-a',
          model: 'llama',
          modelKind: 'BaseModel',
        }),
      ),
    ).toEqual(['namespace: is required for a BaseModel']);
  });

  it('rejects an unknown model kind', async () => {
    const { invoke } = omeActionsWith();
    expect(
      await rejectionOf(
        invoke('explain-runtime-selection', {
          cluster: 'ome-dev-a',
          model: 'llama',
          modelKind: 'InferenceService',
        }),
      ),
    ).toEqual(['modelKind: must be ClusterBaseModel or BaseModel']);
  });

  it('names the winner and why each other runtime is not picked', async () => {
    const item = { cluster: 'ome-dev-a', object: {} };
    const mayRead = () => true;
    const readable = jest.fn(async () => ({ item, mayRead }));
    const forModel = jest.fn(async () => ({
      cluster: 'ome-dev-a',
      winner: {
        name: 'vllm',
        isCluster: true,
        compatible: true,
        selectable: true,
        rank: 1,
        score: 2,
      },
      winnerHidden: false,
      candidates: [
        {
          name: 'vllm',
          isCluster: true,
          compatible: true,
          selectable: true,
          rank: 1,
          score: 2,
        },
        {
          name: 'sglang',
          isCluster: true,
          compatible: false,
          selectable: false,
          score: 0,
          reason: { code: 'size', message: 'the model is too large' },
        },
      ],
      unknownModelFields: [],
      hiddenRuntimes: 1,
      errors: [],
    }));
    const { invoke } = omeActionsWith({
      access: { readable } as any,
      selection: { forModel } as any,
    });
    const { output } = await invoke('explain-runtime-selection', {
      cluster: 'ome-dev-a',
      model: 'llama',
    });
    expect(readable).toHaveBeenCalledWith(expect.anything(), {
      cluster: 'ome-dev-a',
      kind: 'ClusterBaseModel',
      name: 'llama',
    });
    expect(forModel).toHaveBeenCalledWith(item, mayRead, undefined);
    expect(output).toMatchObject({
      explanation: 'OME would select ClusterServingRuntime vllm',
      selected: { name: 'vllm', rank: 1 },
      candidates: [
        { name: 'vllm' },
        { name: 'sglang', notPickedBecause: 'the model is too large' },
      ],
      hiddenRuntimes: 1,
    });
  });
});
