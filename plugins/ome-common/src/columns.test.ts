import { catalogDocuments } from './__testUtils__/catalog';
import {
  compareColumnValues,
  omeColumns,
  omeObjectState,
  omeRelatedRefs,
  omeSearchText,
} from './columns';
import { OME_KINDS } from './kinds';
import { KubernetesObject } from './types';

const odd: unknown[] = [
  {},
  { metadata: null, spec: null, status: null },
  { metadata: { name: 5 }, spec: [], status: 'x' },
  {
    metadata: { name: 'n' },
    spec: {
      model: 'x',
      engine: [],
      supportedModelFormats: {},
      modelCapabilities: 'CHAT',
      endpoint: 1,
    },
    status: { conditions: {}, nodesReady: 3 },
  },
];

describe('omeColumns', () => {
  it('has unique ids, name first, namespace for namespaced kinds, state and age', () => {
    for (const { kind, namespaced } of OME_KINDS) {
      const ids = omeColumns(kind).map(c => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids[0]).toBe('name');
      expect(ids.includes('namespace')).toBe(namespaced);
      expect(ids).toEqual(expect.arrayContaining(['state', 'age']));
    }
  });

  it('never throws on odd objects', () => {
    for (const { kind } of OME_KINDS) {
      for (const o of odd) {
        for (const c of omeColumns(kind)) {
          const v = c.value(o as KubernetesObject);
          expect(['string', 'number', 'boolean', 'undefined']).toContain(
            typeof v,
          );
        }
        expect(typeof omeObjectState(kind, o as KubernetesObject)).toBe(
          'string',
        );
        expect(typeof omeSearchText(kind, o as KubernetesObject)).toBe(
          'string',
        );
        expect(Array.isArray(omeRelatedRefs(kind, o as KubernetesObject))).toBe(
          true,
        );
      }
    }
  });

  it('shows catalog objects', () => {
    const model =
      catalogDocuments('models').find(
        d => d.object.metadata.name === 'llama-3-1-8b-instruct',
      )?.object ?? catalogDocuments('models')[0].object;
    const values = Object.fromEntries(
      omeColumns('ClusterBaseModel').map(c => [c.id, c.value(model)]),
    );
    expect(values.name).toBe(model.metadata.name);
    expect(values.state).toBe('Unknown');
    expect(values.nodesReady).toBe(0);
    const rt = catalogDocuments('runtimes').find(
      d => d.object.spec?.routerConfig,
    )!.object;
    const rv = Object.fromEntries(
      omeColumns('ClusterServingRuntime').map(c => [c.id, c.value(rt)]),
    );
    expect(rv.router).toBe(true);
    expect(rv.formats).toEqual(expect.any(String));
    expect(rv.state).toBe('Enabled');
    const isvc = catalogDocuments('isvcs')[0].object;
    const iv = Object.fromEntries(
      omeColumns('InferenceService').map(c => [c.id, c.value(isvc)]),
    );
    expect(iv.model).toBe(isvc.spec.model.name);
  });
});

describe('omeObjectState', () => {
  const base = {
    apiVersion: 'ome.io/v1beta1',
    kind: 'x',
    metadata: { name: 'n' },
  };
  it('derives the state per kind', () => {
    expect(
      omeObjectState('ClusterBaseModel', {
        ...base,
        status: { state: 'Ready' },
      }),
    ).toBe('Ready');
    expect(
      omeObjectState('BaseModel', { ...base, status: { state: 'Weird' } }),
    ).toBe('Unknown');
    expect(
      omeObjectState('InferenceService', {
        ...base,
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      }),
    ).toBe('Ready');
    expect(
      omeObjectState('InferenceService', {
        ...base,
        status: { conditions: [{ type: 'Ready', status: 'False' }] },
      }),
    ).toBe('NotReady');
    expect(omeObjectState('InferenceService', base)).toBe('Unknown');
    expect(
      omeObjectState('ServingRuntime', { ...base, spec: { disabled: true } }),
    ).toBe('Disabled');
    expect(omeObjectState('ClusterServingRuntime', base)).toBe('Enabled');
    expect(
      omeObjectState('AcceleratorClass', { ...base, status: { nodes: ['a'] } }),
    ).toBe('Available');
    expect(omeObjectState('AcceleratorClass', { ...base, status: {} })).toBe(
      'Unknown',
    );
    expect(
      omeObjectState('BenchmarkJob', {
        ...base,
        status: { state: 'Completed' },
      }),
    ).toBe('Completed');
    expect(
      omeObjectState('BenchmarkJob', {
        ...base,
        status: { startTime: '2026-01-01T00:00:00Z' },
      }),
    ).toBe('Running');
    expect(omeObjectState('BenchmarkJob', base)).toBe('Unknown');
    expect(
      omeObjectState('FineTunedWeight', {
        ...base,
        status: { state: 'Ready' },
      }),
    ).toBe('Ready');
  });
});

describe('omeSearchText', () => {
  it('is lower-case text of name, namespace and columns', () => {
    const text = omeSearchText('InferenceService', {
      apiVersion: 'ome.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'Chat', namespace: 'Team-A' },
      spec: { model: { name: 'Llama' } },
    });
    expect(text).toContain('chat');
    expect(text).toContain('team-a');
    expect(text).toContain('llama');
  });
});

describe('compareColumnValues', () => {
  it('sorts numbers, sizes and strings sensibly, empty last', () => {
    const sorted = ['70B', undefined, '7B', '1.5B', '500M', '8x7B', '1T'].sort(
      compareColumnValues,
    );
    expect(sorted).toEqual([
      '500M',
      '1.5B',
      '7B',
      '8x7B',
      '70B',
      '1T',
      undefined,
    ]);
    expect([10, 2, undefined, 1].sort(compareColumnValues)).toEqual([
      1,
      2,
      10,
      undefined,
    ]);
    expect(
      ['model-10', 'model-9', 'Model-1'].sort(compareColumnValues),
    ).toEqual(['Model-1', 'model-9', 'model-10']);
  });
});

describe('omeRelatedRefs', () => {
  it('follows references with the CRD defaults', () => {
    const isvc = {
      apiVersion: 'ome.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'i', namespace: 'n' },
      spec: {
        model: { name: 'm' },
        runtime: { name: 'r', kind: 'ServingRuntime' },
      },
    };
    expect(omeRelatedRefs('InferenceService', isvc)).toEqual([
      { kind: 'ClusterBaseModel', name: 'm', relation: 'model' },
      {
        kind: 'ServingRuntime',
        name: 'r',
        namespace: 'n',
        relation: 'runtime',
      },
    ]);
    expect(
      omeRelatedRefs('ClusterServingRuntime', {
        apiVersion: '',
        kind: '',
        metadata: { name: 'r' },
        spec: { acceleratorRequirements: { acceleratorClasses: ['h100', 3] } },
      }),
    ).toEqual([
      { kind: 'AcceleratorClass', name: 'h100', relation: 'accelerator' },
    ]);
    expect(
      omeRelatedRefs('FineTunedWeight', {
        apiVersion: '',
        kind: '',
        metadata: { name: 'f' },
        spec: { baseModelRef: { name: 'b', namespace: 'x' } },
      }),
    ).toEqual([
      { kind: 'BaseModel', name: 'b', namespace: 'x', relation: 'base model' },
    ]);
    expect(
      omeRelatedRefs('BenchmarkJob', {
        apiVersion: '',
        kind: '',
        metadata: { name: 'b', namespace: 'n' },
        spec: { endpoint: { inferenceService: { name: 'i', namespace: 'm' } } },
      }),
    ).toEqual([
      {
        kind: 'InferenceService',
        name: 'i',
        namespace: 'm',
        relation: 'endpoint',
      },
    ]);
  });
});
