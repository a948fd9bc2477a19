import { resolveModel, selectRuntime } from './select';
import { model, runtime } from './testBuilders';
import type { ServingRuntimeSelectionSpec } from './types';

const auto = (extra: Partial<ServingRuntimeSelectionSpec> = {}, weight?: number): ServingRuntimeSelectionSpec => ({
  supportedModelFormats: [{ modelFormat: { name: 'pytorch', ...(weight ? { weight } : {}) }, autoSelect: true }],
  ...extra,
});
const pytorch = (size?: string, namespace?: string) =>
  model({ modelFormat: { name: 'pytorch' }, ...(size ? { modelParameterSize: size } : {}) }, namespace);
const order = (r: ReturnType<typeof selectRuntime>) =>
  r.candidates.filter(c => c.selectable).map(c => c.name);

describe('ranking: namespaced > cluster > score > size closeness > name', () => {
  it('orders by every key in turn', () => {
    const r = selectRuntime({
      model: pytorch('7B'),
      namespace: 'team',
      runtimes: [
        runtime('c-high', auto({}, 20)),
        runtime('c-close', auto({ modelSizeRange: { min: '6B', max: '8B' } })),
        runtime('c-far', auto({ modelSizeRange: { min: '1B', max: '70B' } })),
        runtime('c-b', auto({ modelSizeRange: { min: '1B', max: '70B' } })),
        runtime('n-low', auto({}, 1), 'team'),
      ],
    });
    expect(order(r)).toEqual(['n-low', 'c-high', 'c-close', 'c-b', 'c-far']);
    expect(r.candidates.map(c => c.rank)).toEqual([1, 2, 3, 4, 5]);
    const reasons = Object.fromEntries(r.candidates.map(c => [c.name, c.reason?.message]));
    expect(reasons['n-low']).toBeUndefined();
    expect(reasons['c-high']).toBe('namespaced runtime n-low comes first (namespaced runtimes rank before cluster runtimes)');
  });

  it('explains score and name ties against the winner', () => {
    const r = selectRuntime({ model: pytorch(), runtimes: [runtime('b', auto()), runtime('a', auto()), runtime('low', auto({}, 3))] });
    expect(r.winner?.name).toBe('a');
    expect(r.candidates.map(c => c.reason?.message)).toEqual([
      undefined,
      'same score as a, which comes first by name',
      "score 3 below a's 10",
    ]);
  });

  it('a runtime without a size range is "closest" (quirk of scorer.go calculateSizeScore)', () => {
    const r = selectRuntime({ model: pytorch('7B'), runtimes: [runtime('a-ranged', auto({ modelSizeRange: { min: '6B', max: '8B' } })), runtime('z-open', auto())] });
    expect(r.winner?.name).toBe('z-open');
  });

  it('size distances less than one parameter apart tie (int() truncation in scorer.go CompareRuntimes)', () => {
    // distances 2 and 2.5 parameters: truncated difference 0, so the name decides
    const r = selectRuntime({
      model: pytorch('10'),
      runtimes: [
        runtime('b-near', auto({ modelSizeRange: { min: '9', max: '11' } })),
        runtime('a-bit-farther', auto({ modelSizeRange: { min: '9', max: '11.5' } })),
      ],
    });
    expect(order(r)).toEqual(['a-bit-farther', 'b-near']);
    // one whole parameter apart: the closer one wins
    const r2 = selectRuntime({
      model: pytorch('10'),
      runtimes: [
        runtime('b-near', auto({ modelSizeRange: { min: '9', max: '11' } })),
        runtime('a-farther', auto({ modelSizeRange: { min: '9', max: '12' } })),
      ],
    });
    expect(order(r2)).toEqual(['b-near', 'a-farther']);
  });

  it('size closeness is ignored when the model has no size', () => {
    const r = selectRuntime({ model: pytorch(), runtimes: [runtime('b', auto({ modelSizeRange: { min: '1B', max: '2B' } })), runtime('a', auto({ modelSizeRange: { min: '1B', max: '900B' } }))] });
    expect(r.winner?.name).toBe('a');
  });
});

describe('selection rules', () => {
  it('autoSelect: only a format with autoSelect true makes a runtime selectable, but unset ones add to the score (scorer.go)', () => {
    const spec: ServingRuntimeSelectionSpec = {
      supportedModelFormats: [
        { modelFormat: { name: 'pytorch' }, autoSelect: true },
        { modelFormat: { name: 'pytorch', weight: 40 } },
      ],
    };
    const r = selectRuntime({ model: pytorch(), runtimes: [runtime('rt', spec)] });
    expect(r.winner).toMatchObject({ name: 'rt', score: 40 });
    const none = selectRuntime({ model: pytorch(), runtimes: [runtime('rt', { supportedModelFormats: [{ modelFormat: { name: 'pytorch' } }] })] });
    expect(none.winner).toBeUndefined();
    expect(none.candidates[0]).toMatchObject({ compatible: true, selectable: false, score: 10, reason: { code: 'not-auto-select' } });
  });

  it('a compatible runtime scoring 0 or less is skipped (priority 0)', () => {
    const r = selectRuntime({ model: pytorch(), runtimes: [runtime('zero', { supportedModelFormats: [{ modelFormat: { name: 'pytorch' }, autoSelect: true, priority: 0 }] })] });
    expect(r.winner).toBeUndefined();
    expect(r.candidates[0].reason?.code).toBe('score');
  });

  it('disabled runtimes are skipped', () => {
    const r = selectRuntime({ model: pytorch(), runtimes: [runtime('off', auto({ disabled: true }), 'ns'), runtime('on', auto())], namespace: 'ns' });
    expect(r.winner?.name).toBe('on');
    expect(r.candidates[1]).toMatchObject({ name: 'off', reason: { code: 'runtime-disabled', message: 'runtime disabled' } });
  });

  it('namespaced runtimes of other namespaces are not seen (fetcher.go)', () => {
    const r = selectRuntime({ model: pytorch(), namespace: 'a', runtimes: [runtime('elsewhere', auto({}, 50), 'b'), runtime('cluster', auto())] });
    expect(r.winner?.name).toBe('cluster');
    expect(r.candidates[1].reason).toEqual({ code: 'other-namespace', message: 'in namespace b, OME looks only in a' });
    // the model's namespace is the default for a BaseModel
    expect(selectRuntime({ model: pytorch(undefined, 'b'), runtimes: [runtime('here', auto(), 'b')] }).winner?.name).toBe('here');
  });

  it('lists unknown model fields for the note on the page', () => {
    const r = selectRuntime({ model: model({ storage: { storageUri: 'hf://x/y' } }), runtimes: [runtime('rt', auto())] });
    expect(r.unknownModelFields).toEqual(['modelFormat', 'modelArchitecture', 'modelFramework', 'modelParameterSize']);
    expect(r.modelProblem?.code).toBe('model-format-unknown');
    expect(r.candidates[0].reason?.code).toBe('model-format-unknown');
  });
});

describe('resolveModel (GetBaseModel in reconciliation.go)', () => {
  const cluster = model({}, undefined, 'llama');
  const namespaced = model({}, 'team', 'llama');
  it('prefers a BaseModel of the namespace over a ClusterBaseModel', () => {
    expect(resolveModel('llama', 'team', [cluster, namespaced])).toBe(namespaced);
    expect(resolveModel('llama', 'other', [cluster, namespaced])).toBe(cluster);
    expect(resolveModel('nope', 'team', [cluster, namespaced])).toBeUndefined();
  });
});
