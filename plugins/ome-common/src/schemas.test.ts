import { catalogDocuments } from './__testUtils__/catalog';
import { OmeKind } from './kinds';
import { validateOmeObject } from './schemas';
import { newOmeObject } from './forms';

// The one sample OME's own CRD rejects: it uses `spec.model.modelName` (unknown, pruned),
// so `spec.model.name`, which the CRD requires, is missing.
const KNOWN_INVALID = 'exaone-3-5-7-8b-instruct-isvc.yaml';

describe("OME's catalog", () => {
  for (const part of ['models', 'runtimes', 'isvcs'] as const) {
    it(`accepts every object of ${part}`, () => {
      const docs = catalogDocuments(part);
      expect(docs.length).toBeGreaterThan(40);
      const failures: string[] = [];
      for (const { file, object } of docs) {
        if (file.endsWith(KNOWN_INVALID)) continue;
        // samples without a namespace are imported into a chosen one
        if (object.kind === 'InferenceService')
          object.metadata.namespace ??= 'default';
        const errors = validateOmeObject(object.kind as OmeKind, object);
        if (errors.length) failures.push(`${file}: ${JSON.stringify(errors)}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('rejects the sample the CRD rejects, for the same reason', () => {
    const doc = catalogDocuments('isvcs').find(d =>
      d.file.endsWith(KNOWN_INVALID),
    )!;
    expect(
      validateOmeObject('InferenceService', {
        ...doc.object,
        metadata: { ...doc.object.metadata, namespace: 'x' },
      }),
    ).toEqual([{ path: 'spec.model.name', message: 'is required' }]);
  });
});

describe('validateOmeObject', () => {
  const model = (spec: unknown, extra: object = {}) => ({
    apiVersion: 'ome.io/v1beta1',
    kind: 'ClusterBaseModel',
    metadata: { name: 'm' },
    spec,
    ...extra,
  });

  it('checks apiVersion, kind, name and scope', () => {
    expect(
      validateOmeObject('ClusterBaseModel', {
        apiVersion: 'v1',
        kind: 'BaseModel',
        metadata: { name: 'A', namespace: 'x' },
        spec: { storage: { storageUri: 'hf://a/b' } },
      }),
    ).toEqual([
      { path: 'apiVersion', message: 'must be ome.io/v1beta1' },
      { path: 'kind', message: 'must be ClusterBaseModel' },
      {
        path: 'metadata.name',
        message: expect.stringMatching(/DNS-1123 subdomain/),
      },
      {
        path: 'metadata.namespace',
        message: 'must be absent: ClusterBaseModel is cluster-scoped',
      },
    ]);
    expect(
      validateOmeObject('InferenceService', {
        apiVersion: 'ome.io/v1beta1',
        kind: 'InferenceService',
        metadata: { name: 'x' },
      }),
    ).toEqual([{ path: 'metadata.namespace', message: 'is required' }]);
  });

  it('checks expected name and namespace', () => {
    const obj = newOmeObject('InferenceService', { name: 'a', namespace: 'n' });
    expect(
      validateOmeObject('InferenceService', obj, {
        expectName: 'b',
        expectNamespace: 'm',
      }).map(e => e.path),
    ).toEqual(['metadata.name', 'metadata.namespace']);
  });

  it('gives readable, dotted field errors', () => {
    const errors = validateOmeObject(
      'ClusterBaseModel',
      model({
        storage: {},
        maxTokens: '4096',
        disabled: 'no',
        modelFormat: { version: '1' },
        modelCapabilities: [1],
      }),
    );
    expect(errors).toEqual(
      [
        { path: 'spec.storage.storageUri', message: 'is required' },
        {
          path: 'spec.disabled',
          message: 'must be true or false (it is string "no")',
        },
        {
          path: 'spec.maxTokens',
          message: 'must be a number (it is string "4096")',
        },
        { path: 'spec.modelFormat.name', message: 'is required' },
        {
          path: 'spec.modelCapabilities.0',
          message: 'must be a string (it is number 1)',
        },
      ].sort(
        (a, b) =>
          errors.findIndex(e => e.path === a.path) -
          errors.findIndex(e => e.path === b.path),
      ),
    );
    expect(validateOmeObject('ClusterBaseModel', model(undefined))).toEqual([
      { path: 'spec', message: 'is required' },
    ]);
    expect(validateOmeObject('ClusterBaseModel', model(null))[0].path).toBe(
      'spec',
    );
    expect(
      validateOmeObject(
        'ClusterBaseModel',
        model({ storage: { storageUri: 'x', downloadPolicy: 'Sometimes' } }),
      ),
    ).toEqual([
      {
        path: 'spec.storage.downloadPolicy',
        message: 'must be one of: AlwaysDownload, ReuseIfExists',
      },
    ]);
  });

  it('checks runtimes and isvc components', () => {
    const rt = {
      apiVersion: 'ome.io/v1beta1',
      kind: 'ClusterServingRuntime',
      metadata: { name: 'r' },
      spec: {
        supportedModelFormats: [
          { modelFormat: { name: 'safetensors' }, priority: 0 },
        ],
        engineConfig: { runner: { image: 'x' } },
      },
    };
    expect(
      validateOmeObject('ClusterServingRuntime', rt).map(
        e => `${e.path}: ${e.message}`,
      ),
    ).toEqual([
      'spec.supportedModelFormats.0.modelFramework: is required',
      'spec.supportedModelFormats.0.priority: must be at least 1',
      'spec.engineConfig.runner.name: is required',
    ]);
    const isvc = {
      apiVersion: 'ome.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'i', namespace: 'n' },
      spec: {
        model: { name: 'm' },
        engine: { minReplicas: '1', minAvailable: '50%' },
        unknownField: {},
      },
    };
    expect(validateOmeObject('InferenceService', isvc)).toEqual([
      {
        path: 'spec.engine.minReplicas',
        message: 'must be a number (it is string "1")',
      },
    ]);
  });

  it('checks BenchmarkJobs, AcceleratorClasses and FineTunedWeights', () => {
    for (const kind of [
      'BenchmarkJob',
      'AcceleratorClass',
      'FineTunedWeight',
      'ClusterBaseModel',
      'ServingRuntime',
    ] as const) {
      expect(
        validateOmeObject(
          kind,
          newOmeObject(kind, { name: 'x', namespace: 'n' }),
        ),
      ).toEqual([]);
    }
    const bj = newOmeObject('BenchmarkJob', { name: 'b', namespace: 'n' });
    bj.spec!.task = 'guessing';
    bj.spec!.endpoint = { endpoint: { url: 'ftp://x', apiFormat: 'openai' } };
    expect(validateOmeObject('BenchmarkJob', bj).map(e => e.path)).toEqual([
      'spec.endpoint.endpoint.url',
      'spec.task',
    ]);
    const ac = newOmeObject('AcceleratorClass', { name: 'a' });
    ac.spec!.capabilities = { memoryGB: '80Gi' };
    expect(validateOmeObject('AcceleratorClass', ac)).toEqual([]);
    ac.spec!.capabilities = { memoryGB: 'lots' };
    expect(validateOmeObject('AcceleratorClass', ac)[0].path).toBe(
      'spec.capabilities.memoryGB',
    );
  });

  it('never throws on odd input', () => {
    for (const odd of [
      null,
      1,
      'x',
      [],
      {},
      { metadata: [] },
      { metadata: { name: 1 }, spec: [] },
    ]) {
      expect(validateOmeObject('InferenceService', odd).length).toBeGreaterThan(
        0,
      );
    }
  });
});
