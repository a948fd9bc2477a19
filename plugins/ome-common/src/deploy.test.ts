import { inferenceServiceObject } from './deploy';
import { validateOmeObject } from './schemas';

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
