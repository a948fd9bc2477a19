import { modelState, summarizeModel } from './models';
import { OME_MODEL_STATES } from './types';

describe('modelState', () => {
  it("passes OME's states through and shows anything else as Unknown", () => {
    for (const state of OME_MODEL_STATES) {
      expect(
        modelState({
          apiVersion: 'v',
          kind: 'k',
          metadata: { name: 'm' },
          status: { state },
        }),
      ).toBe(state);
    }
    for (const status of [
      undefined,
      {},
      { state: 'Exploded' },
      { state: 42 },
    ]) {
      expect(
        modelState({
          apiVersion: 'v',
          kind: 'k',
          metadata: { name: 'm' },
          status,
        } as any),
      ).toBe('Unknown');
    }
  });
});

describe('summarizeModel', () => {
  it('reads any object into fields of their declared types', () => {
    expect(
      summarizeModel({
        metadata: { name: { nested: true } },
        spec: 'not-an-object',
        status: { state: 42, nodesReady: 'x' },
      } as any),
    ).toEqual({
      name: '',
      capabilities: [],
      state: 'Unknown',
      nodesReady: 0,
      nodesFailed: 0,
      disabled: false,
    });
  });

  it('summarises a model', () => {
    expect(
      summarizeModel({
        apiVersion: 'ome.io/v1beta1',
        kind: 'ClusterBaseModel',
        metadata: { name: 'llama' },
        spec: {
          vendor: 'meta',
          displayName: '',
          modelFormat: { name: 'safetensors', version: '1.0.0' },
          modelFramework: { name: 'transformers' },
          modelArchitecture: 'LlamaForCausalLM',
          modelParameterSize: '8B',
          modelCapabilities: ['TEXT_GENERATION', 7 as any],
          disabled: true,
        },
        status: {
          state: 'Ready',
          nodesReady: ['n1', 'n2'],
          nodesFailed: ['n3'],
        },
      }),
    ).toEqual({
      name: 'llama',
      vendor: 'meta',
      format: 'safetensors 1.0.0',
      framework: 'transformers',
      architecture: 'LlamaForCausalLM',
      size: '8B',
      capabilities: ['TEXT_GENERATION'],
      state: 'Ready',
      nodesReady: 2,
      nodesFailed: 1,
      disabled: true,
    });
  });
});
