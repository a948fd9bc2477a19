import { omeActionsWith, rejectionOf } from './__testUtils__/registry';

const service = (name: string, ready: boolean) => ({
  cluster: 'ome-dev-a',
  object: {
    apiVersion: 'ome.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name, namespace: 'team-a' },
    spec: { model: { name: 'llama' } },
    status: {
      conditions: [
        ready
          ? { type: 'Ready', status: 'True' }
          : { type: 'Ready', status: 'False', reason: 'ModelLoadFailed' },
      ],
    },
  },
});

describe('ome:list-inference-services', () => {
  it('rejects a namespace that is not a DNS label', async () => {
    const { invoke } = omeActionsWith();
    expect(
      await rejectionOf(
        invoke('list-inference-services', { namespace: 'Team A' }),
      ),
    ).toEqual([
      'namespace: must be a DNS label (lower-case letters, digits and -)',
    ]);
  });

  it('rejects a notReadyOnly that is not a boolean', async () => {
    const { invoke } = omeActionsWith();
    const messages = await rejectionOf(
      invoke('list-inference-services', { notReadyOnly: 'yes' }),
    );
    expect(messages.join()).toMatch(/boolean/);
  });

  it('summarises each service and keeps only the not-ready ones when asked', async () => {
    const listReadable = jest.fn(async () => ({
      items: [service('up', true), service('down', false)],
      errors: [],
      notInstalled: [],
      others: [],
    }));
    const { invoke } = omeActionsWith({ access: { listReadable } as any });
    const { output } = await invoke('list-inference-services', {
      notReadyOnly: true,
    });
    expect(output).toEqual({
      services: [
        {
          cluster: 'ome-dev-a',
          namespace: 'team-a',
          name: 'down',
          model: 'llama',
          state: 'NotReady',
          stateText: 'Not ready: the model failed to load',
        },
      ],
      clusterErrors: [],
    });
  });
});
