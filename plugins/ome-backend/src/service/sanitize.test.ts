import { REDACTED_VALUE, redactPatch, sanitizeObject } from './sanitize';

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

describe('redactPatch', () => {
  it('hides a token set at, above or below its path, for models only', () => {
    const ops = redactPatch('ClusterBaseModel', [
      { op: 'replace', path: '/spec/storage/parameters/token', value: 'hf_new', oldValue: REDACTED_VALUE },
      { op: 'add', path: '/spec/storage/parameters', value: { token: 'hf_new', region: 'x' } },
      { op: 'add', path: '/spec/storage', value: { parameters: { token: 'hf_new' }, storageUri: 'hf://a' } },
      { op: 'replace', path: '/spec/vendor', value: 'hf_new' },
      { op: 'add', path: '/spec/storage/parameters/tokenizer', value: 'keep' },
    ]);
    expect(ops[0].value).toBe(REDACTED_VALUE);
    expect(ops[1].value).toEqual({ token: REDACTED_VALUE, region: 'x' });
    expect(ops[2].value).toEqual({ parameters: { token: REDACTED_VALUE }, storageUri: 'hf://a' });
    expect(ops[3].value).toBe('hf_new');
    expect(ops[4].value).toBe('keep');
    const runtime = [{ op: 'add' as const, path: '/spec/storage/parameters/token', value: 'x' }];
    expect(redactPatch('ClusterServingRuntime', runtime)).toBe(runtime);
  });
});
