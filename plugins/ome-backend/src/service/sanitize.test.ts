import { REDACTED_VALUE, sanitizeObject } from './sanitize';

describe('sanitizeObject', () => {
  it('drops managedFields and keeps everything else', () => {
    const raw = {
      apiVersion: 'ome.io/v1beta1',
      kind: 'ClusterServingRuntime',
      metadata: { name: 'rt', managedFields: [{}], labels: { a: 'b' } },
      spec: { unknownField: { deep: true } },
      extra: 1,
    };
    expect(sanitizeObject('ClusterServingRuntime', raw)).toEqual({
      apiVersion: 'ome.io/v1beta1',
      kind: 'ClusterServingRuntime',
      metadata: { name: 'rt', labels: { a: 'b' } },
      spec: { unknownField: { deep: true } },
      extra: 1,
    });
    expect(raw.metadata.managedFields).toBeDefined(); // input untouched
  });

  it('redacts plaintext model tokens, also in the last-applied annotation', () => {
    const spec = {
      storage: {
        storageUri: 'hf://x/y',
        parameters: { token: 'hf_secret', secretKey: 'k' },
      },
    };
    const raw = {
      apiVersion: 'ome.io/v1beta1',
      kind: 'ClusterBaseModel',
      metadata: {
        name: 'm',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
            spec,
          }),
        },
      },
      spec,
    };
    const out = sanitizeObject('ClusterBaseModel', raw);
    expect(JSON.stringify(out)).not.toContain('hf_secret');
    expect(out.spec?.storage.parameters).toEqual({
      token: REDACTED_VALUE,
      secretKey: 'k',
    });
    expect(out.spec?.storage.storageUri).toBe('hf://x/y');
    expect(spec.storage.parameters.token).toBe('hf_secret'); // input untouched
  });

  it('leaves models without tokens alone', () => {
    const raw = {
      apiVersion: 'ome.io/v1beta1',
      kind: 'BaseModel',
      metadata: { name: 'm', namespace: 'n' },
      spec: { storage: { storageUri: 'hf://x/y' } },
    };
    expect(sanitizeObject('BaseModel', raw)).toEqual(raw);
  });
});
