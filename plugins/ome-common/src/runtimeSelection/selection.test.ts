import { parseModelSize } from './sizes';
import { runtimeScore } from './scoring';
import { selectRuntime, validateRuntime } from './select';
import { model, runtime } from './testBuilders';
import type { SelectionModelSpec } from './matching';
import type { RuntimeCandidate, ServingRuntimeSelectionSpec } from './types';

const pytorch = (size?: string) =>
  model({ modelFormat: { name: 'pytorch' }, ...(size ? { modelParameterSize: size } : {}) });

const byName = (cs: RuntimeCandidate[], name: string) => {
  const c = cs.find(x => x.name === name);
  if (!c) throw new Error(`no candidate ${name}`);
  return c;
};

describe('OME selector_test.go cases', () => {
  // TestParseModelSize
  it.each([
    ['1T', 1_000_000_000_000],
    ['7B', 7_000_000_000],
    ['350M', 350_000_000],
    ['1.5B', 1_500_000_000],
    ['1000', 1000],
  ])('TestParseModelSize %s', (s, n) => expect(parseModelSize(s)).toBe(n));

  // TestGetSupportingRuntimes: the runtimes of that test, namespace "default"
  const supporting = [
    runtime('pytorch-rt', { supportedModelFormats: [{ modelFormat: { name: 'pytorch', weight: 10 }, autoSelect: true, priority: 2 }], modelSizeRange: { min: '1B', max: '10B' } }, 'default'),
    runtime('onnx-rt', { supportedModelFormats: [{ modelFormat: { name: 'onnx', weight: 8 }, autoSelect: true, priority: 1 }], modelSizeRange: { min: '10B', max: '20B' } }, 'default'),
    runtime('tensorflow-rt', { supportedModelFormats: [{ modelFormat: { name: 'tensorflow', weight: 12 }, autoSelect: true }], modelSizeRange: { min: '50B', max: '100B' } }, 'default'),
    runtime('multi-format-rt', { supportedModelFormats: [
      { modelFormat: { name: 'pytorch', weight: 5 }, autoSelect: true, priority: 1 },
      { modelFormat: { name: 'onnx', weight: 5 }, autoSelect: true, priority: 1 },
    ], modelSizeRange: { min: '1B', max: '20B' } }, 'default'),
    runtime('disabled-rt', { disabled: true, supportedModelFormats: [{ modelFormat: { name: 'pytorch' }, autoSelect: true }] }, 'default'),
    runtime('no-autoselect-rt', { supportedModelFormats: [{ modelFormat: { name: 'pytorch', weight: 20 }, autoSelect: false }] }, 'default'),
    runtime('cluster-pytorch-rt', { supportedModelFormats: [{ modelFormat: { name: 'pytorch', weight: 7 }, autoSelect: true }], modelSizeRange: { min: '5B', max: '15B' } }),
  ];
  it.each([
    ['small pytorch model - multiple compatible runtimes', 'pytorch', '7B', ['pytorch-rt', 'multi-format-rt', 'cluster-pytorch-rt'], [20, 5, 7]],
    ['medium onnx model', 'onnx', '13B', ['onnx-rt', 'multi-format-rt'], [8, 5]],
    ['large tensorflow model', 'tensorflow', '70B', ['tensorflow-rt'], [12]],
    ['model with no compatible runtime', 'unknown-format', undefined, [], []],
    ['model too large for any runtime', 'pytorch', '200B', [], []],
  ] as const)('TestGetSupportingRuntimes: %s', (_n, format, size, names, scores) => {
    const m = model({ modelFormat: { name: format }, ...(size ? { modelParameterSize: size } : {}) });
    const result = selectRuntime({ model: m, runtimes: supporting, namespace: 'default' });
    const ranked = result.candidates.filter(c => c.selectable);
    expect(ranked.map(c => c.name)).toEqual(names);
    expect(ranked.map(c => c.score)).toEqual(scores);
    expect(result.winner?.name).toBe(names[0]);
    // every other runtime says why
    const others = result.candidates.filter(c => c !== result.winner);
    expect(others.length).toBeGreaterThan(0);
    for (const c of others) expect(c.reason?.message).toBeTruthy();
  });

  // TestSortSupportedRuntime (expressed through selection: scores as in that test)
  it('TestSortSupportedRuntime: higher score wins', () => {
    const m = model({ modelFormat: { name: 'test-format' }, modelFramework: { name: 'test-framework' }, modelParameterSize: '7B' });
    const low = runtime('low-score-runtime', { supportedModelFormats: [{ modelFormat: { name: 'test-format', weight: 5 }, modelFramework: { name: 'test-framework', weight: 1 }, priority: 1, autoSelect: true }] });
    const high = runtime('high-score-runtime', { supportedModelFormats: [{ modelFormat: { name: 'test-format', weight: 10 }, modelFramework: { name: 'test-framework', weight: 8 }, priority: 2, autoSelect: true }] });
    const r = selectRuntime({ model: m, runtimes: [low, high] });
    expect(r.candidates.map(c => [c.name, c.score])).toEqual([['high-score-runtime', 36], ['low-score-runtime', 6]]);
  });
  it('TestSortSupportedRuntime: closer size range wins at equal score', () => {
    const fmt = { supportedModelFormats: [{ modelFormat: { name: 'pytorch' }, autoSelect: true }] };
    const r = selectRuntime({ model: pytorch('7B'), runtimes: [
      runtime('far-size-runtime', { ...fmt, modelSizeRange: { min: '1B', max: '30B' } }),
      runtime('close-size-runtime', { ...fmt, modelSizeRange: { min: '5B', max: '10B' } }),
    ] });
    expect(r.winner?.name).toBe('close-size-runtime');
    expect(byName(r.candidates, 'far-size-runtime').reason?.message).toMatch(/fits 7B more closely/);
  });
  it('TestSortSupportedRuntime: namespaced before cluster (even with a lower score)', () => {
    const fmt = (w: number): ServingRuntimeSelectionSpec => ({ supportedModelFormats: [{ modelFormat: { name: 'pytorch', weight: w }, autoSelect: true }] });
    const r = selectRuntime({ model: pytorch(), namespace: 'team', runtimes: [runtime('cluster-runtime', fmt(50)), runtime('namespace-runtime', fmt(1), 'team')] });
    expect(r.winner?.name).toBe('namespace-runtime');
    expect(byName(r.candidates, 'cluster-runtime')).toMatchObject({ rank: 2, reason: { code: 'outranked' } });
  });

  // TestScore: [name, formats, model, expected]
  it.each<[string, ServingRuntimeSelectionSpec, SelectionModelSpec, number]>([
    ['exact match with weights and priority', { supportedModelFormats: [{ modelFormat: { name: 'PyTorch', version: '2.0.0', weight: 10 }, modelFramework: { name: 'transformers', version: '4.0.0', weight: 5 }, priority: 3, autoSelect: true }] }, { modelFormat: { name: 'PyTorch', version: '2.0.0' }, modelFramework: { name: 'transformers', version: '4.0.0' } }, 45],
    ['format match only', { supportedModelFormats: [{ modelFormat: { name: 'PyTorch', weight: 8 }, modelFramework: { name: 'different-framework', weight: 4 }, priority: 2, autoSelect: true }] }, { modelFormat: { name: 'PyTorch' }, modelFramework: { name: 'transformers' } }, 0],
    ['no match', { supportedModelFormats: [{ modelFormat: { name: 'TensorFlow', weight: 10 }, priority: 5, autoSelect: true }] }, { modelFormat: { name: 'PyTorch' } }, 0],
    ['multiple formats, best match wins', { supportedModelFormats: [
      { modelFormat: { name: 'PyTorch', weight: 5 }, modelFramework: { name: 'transformers', weight: 8 }, priority: 1, autoSelect: true },
      { modelFormat: { name: 'PyTorch', weight: 10 }, modelFramework: { name: 'transformers', weight: 8 }, priority: 2, autoSelect: true },
    ] }, { modelFormat: { name: 'PyTorch' }, modelFramework: { name: 'transformers' } }, 36],
    ['default priority when not specified', { supportedModelFormats: [{ modelFormat: { name: 'PyTorch', weight: 12 }, autoSelect: true }] }, { modelFormat: { name: 'PyTorch' } }, 12],
    ['nil model framework in base model', { supportedModelFormats: [{ modelFormat: { name: 'PyTorch', weight: 10 }, modelFramework: { name: 'transformers', weight: 5 }, priority: 2, autoSelect: true }] }, { modelFormat: { name: 'PyTorch' } }, 0],
    ['autoselect false - should get 0 score', { supportedModelFormats: [{ modelFormat: { name: 'PyTorch', weight: 10 }, priority: 2, autoSelect: false }] }, { modelFormat: { name: 'PyTorch' } }, 0],
  ])('TestScore: %s', (_n, spec, m, expected) => {
    expect(runtimeScore(spec, m)).toBe(expected);
  });

  it('TestGetCompatibleRuntimes_ExcludeNoAutoSelect', () => {
    const r = selectRuntime({ model: pytorch(), namespace: 'default', runtimes: [
      runtime('rt-no-auto', { supportedModelFormats: [{ modelFormat: { name: 'pytorch', weight: 5 }, autoSelect: false }] }, 'default'),
      runtime('rt-auto', { supportedModelFormats: [{ modelFormat: { name: 'pytorch', weight: 10 }, autoSelect: true }] }, 'default'),
    ] });
    expect(r.candidates.filter(c => c.selectable).map(c => c.name)).toEqual(['rt-auto']);
    expect(byName(r.candidates, 'rt-no-auto')).toMatchObject({ compatible: true, reason: { code: 'not-auto-select' } });
  });

  it('TestSelectRuntime_NoRuntimeFoundError_Details', () => {
    const r = selectRuntime({ model: pytorch('70B'), namespace: 'default', runtimes: [
      runtime('rt-wrong-format', { supportedModelFormats: [{ modelFormat: { name: 'onnx', weight: 5 }, autoSelect: true }] }, 'default'),
      runtime('rt-size-too-small', { supportedModelFormats: [{ modelFormat: { name: 'pytorch', weight: 5 }, autoSelect: true }], modelSizeRange: { min: '1B', max: '10B' } }, 'default'),
    ] });
    expect(r.winner).toBeUndefined();
    expect(byName(r.candidates, 'rt-wrong-format').reason).toEqual({ code: 'format', message: 'format pytorch, runtime needs onnx' });
    expect(byName(r.candidates, 'rt-size-too-small').reason).toEqual({ code: 'size', message: 'size 70B outside 1B-10B' });
  });

  it('TestValidateRuntime_DisabledAndNoAutoSelect', () => {
    const runtimes = [
      runtime('rt-disabled', { disabled: true }, 'default'),
      runtime('rt-no-auto', { supportedModelFormats: [{ modelFormat: { name: 'pytorch' }, autoSelect: false }] }, 'default'),
    ];
    const v = (runtimeName: string) => validateRuntime({ model: pytorch(), runtimes, namespace: 'default', runtimeName });
    expect(v('rt-disabled')).toMatchObject({ valid: false, reason: { code: 'runtime-disabled', message: 'runtime disabled' } });
    expect(v('rt-no-auto')).toMatchObject({ valid: true });
    expect(v('nope')).toMatchObject({ valid: false, reason: { code: 'runtime-not-found' } });
  });

  // TestValidateModel: an empty format name is refused
  it('TestValidateModel: no format name, no selection', () => {
    const r = selectRuntime({ model: model({ modelFormat: { name: '' } }), runtimes: supporting, namespace: 'default' });
    expect(r.winner).toBeUndefined();
    expect(r.modelProblem?.code).toBe('model-format-unknown');
    expect(r.unknownModelFields).toContain('modelFormat');
  });
});
