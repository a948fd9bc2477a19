import { omeActionsWith, rejectionOf } from './__testUtils__/registry';

describe('ome:explain-inference-service', () => {
  it('requires cluster, namespace and name', async () => {
    const { invoke } = omeActionsWith();
    const messages = await rejectionOf(
      invoke('explain-inference-service', { cluster: 'ome-dev-a' }),
    );
    expect(messages).toEqual(['Required', 'Required']);
  });

  it('rejects a name that is not a DNS name', async () => {
    const { invoke } = omeActionsWith();
    expect(
      await rejectionOf(
        invoke('explain-inference-service', {
          cluster: 'ome-dev-a',
          namespace: 'team-a',
          name: 'My_Service',
        }),
      ),
    ).toEqual([
      'name: must be a DNS name (lower-case letters, digits, - and .)',
    ]);
  });

  it("explains OME's failure reason in plain words, with its message and conditions", async () => {
    const readable = jest.fn(async () => ({
      item: {
        cluster: 'ome-dev-a',
        object: {
          apiVersion: 'ome.io/v1beta1',
          kind: 'InferenceService',
          metadata: { name: 'svc', namespace: 'team-a' },
          spec: { model: { name: 'llama' } },
          status: {
            conditions: [
              {
                type: 'Ready',
                status: 'False',
                reason: 'NoSupportingRuntime',
                message: 'no runtime for LlamaForCausalLM',
              },
            ],
          },
        },
      },
    }));
    const { invoke } = omeActionsWith({ access: { readable } as any });
    const { output } = await invoke('explain-inference-service', {
      cluster: 'ome-dev-a',
      namespace: 'team-a',
      name: 'svc',
    });
    expect(readable).toHaveBeenCalledWith(expect.anything(), {
      cluster: 'ome-dev-a',
      kind: 'InferenceService',
      namespace: 'team-a',
      name: 'svc',
    });
    expect(output).toMatchObject({
      ready: false,
      state: 'NotReady',
      reason: 'NoSupportingRuntime',
      explanation:
        'Not ready: no serving runtime supports the model (no runtime for LlamaForCausalLM)',
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          reason: 'NoSupportingRuntime',
          message: 'no runtime for LlamaForCausalLM',
        },
      ],
    });
  });
});
