import {
  inferenceServiceObject,
  newService,
  specValue,
  withSpec,
} from './deploy';
import { validateOmeObject } from './schemas';

describe('the deploy wizard draft', () => {
  it('starts with the model (when chosen) and one engine replica', () => {
    expect(newService('team-a', 'llama-3-2-1b-instruct')).toEqual({
      apiVersion: 'ome.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: '', namespace: 'team-a' },
      spec: {
        model: { name: 'llama-3-2-1b-instruct' },
        engine: { minReplicas: 1, maxReplicas: 1 },
      },
    });
    expect(newService('team-a').spec).toEqual({
      engine: { minReplicas: 1, maxReplicas: 1 },
    });
  });

  it('sets and removes spec paths without touching the rest; empty parents go', () => {
    const draft = {
      ...newService('ns', 'm'),
      spec: { ...newService('ns', 'm').spec, kedaConfig: { enableKeda: true } },
    };
    const withRuntime = withSpec(draft, ['runtime'], { name: 'srt-m' });
    expect(specValue(withRuntime, ['runtime', 'name'])).toBe('srt-m');
    expect(withRuntime.spec?.kedaConfig).toEqual({ enableKeda: true });
    const decoder = withSpec(withRuntime, ['decoder', 'minReplicas'], 2);
    expect(specValue(decoder, ['decoder'])).toEqual({ minReplicas: 2 });
    const back = withSpec(decoder, ['decoder', 'minReplicas'], undefined);
    expect(back.spec).not.toHaveProperty('decoder');
    expect(back).toEqual(withRuntime);
    expect(draft.spec).not.toHaveProperty('runtime');
    expect(specValue(draft, ['runtime', 'name'])).toBeUndefined();
  });
});

describe('inferenceServiceObject', () => {
  it('leaves out what is not given, so that OME defaults it (and selects the runtime)', () => {
    expect(
      inferenceServiceObject({
        name: 'svc',
        namespace: 'team-a',
        model: 'llama',
      }),
    ).toEqual({
      apiVersion: 'ome.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'svc', namespace: 'team-a' },
      spec: { model: { name: 'llama' } },
    });
  });

  it('carries model kind, runtime, replicas (0 included) and labels', () => {
    const object = inferenceServiceObject({
      name: 'svc',
      namespace: 'team-a',
      model: 'llama',
      modelKind: 'ClusterBaseModel',
      runtime: 'vllm',
      minReplicas: 0,
      maxReplicas: 2,
      labels: { team: 'a' },
    });
    // Passes the API's own rules for an InferenceService.
    expect(validateOmeObject('InferenceService', object)).toEqual([]);
    expect(object).toEqual({
      apiVersion: 'ome.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'svc', namespace: 'team-a', labels: { team: 'a' } },
      spec: {
        model: { name: 'llama', kind: 'ClusterBaseModel' },
        runtime: { name: 'vllm' },
        engine: { minReplicas: 0, maxReplicas: 2 },
      },
    });
  });
});
