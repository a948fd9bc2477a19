import { requiredAcceleratorClasses } from './accelerators';
import { formatMismatches, runtimeIncompatibility, type SelectionModelSpec } from './matching';
import { formatScore } from './scoring';
import { parseModelSize } from './sizes';
import type { ServingRuntimeSelectionSpec, SupportedModelFormat } from './types';

const qwenPipeline = {
  className: 'QwenImagePipeline',
  scheduler: { library: 'diffusers', type: 'FlowMatchEulerDiscreteScheduler' },
};
const st = { modelFormat: { name: 'safetensors', version: '1.0.0' } };
const llamaFp8 = { modelArchitecture: 'LlamaForCausalLM', quantization: 'fp8' };

// pkg/runtimeselector/matcher_test.go TestRuntimeSupportsModel:
// [name, model, runtime spec, exclusion code or undefined when compatible]
const OME_SUPPORTS_MODEL: Array<[string, SelectionModelSpec, ServingRuntimeSelectionSpec, string | undefined]> = [
  ['supported model format', { modelFormat: { name: 'pytorch', version: '1.0.0' }, modelParameterSize: '7B' }, { supportedModelFormats: [{ name: 'pytorch', modelFormat: { name: 'pytorch', version: '1.0.0' } }] }, undefined],
  ['supported model format with all attributes matching', { modelFormat: { name: 'pytorch', version: '1.0.0' } }, { supportedModelFormats: [{ name: 'pytorch', modelFormat: { name: 'pytorch', version: '1.0.0' }, autoSelect: true }] }, undefined],
  ['unsupported model format', { modelFormat: { name: 'tensorflow', version: '2.0.0' } }, { supportedModelFormats: [{ name: 'pytorch', modelFormat: { name: 'pytorch', version: '1.0.0' } }] }, 'format'],
  ['model size out of range', { modelFormat: { name: 'pytorch', version: '1.0.0' }, modelParameterSize: '70B' }, { supportedModelFormats: [{ modelFormat: { name: 'pytorch', version: '1.0.0' } }], modelSizeRange: { min: '1B', max: '13B' } }, 'size'],
  ['model with architecture and quantization match', { ...st, ...llamaFp8 }, { supportedModelFormats: [{ ...st, ...llamaFp8 }] }, undefined],
  ['model with nil parameter size', { ...st, ...llamaFp8 }, { supportedModelFormats: [{ ...st, ...llamaFp8 }], modelSizeRange: { min: '1B', max: '13B' } }, undefined],
  ['runtime with nil size range', { ...st, ...llamaFp8 }, { supportedModelFormats: [{ ...st, ...llamaFp8 }] }, undefined],
  ['model size at minimum boundary', { ...st, ...llamaFp8, modelParameterSize: '1B' }, { supportedModelFormats: [{ ...st, ...llamaFp8 }], modelSizeRange: { min: '1B', max: '13B' } }, undefined],
  ['model size at maximum boundary', { ...st, ...llamaFp8, modelParameterSize: '13B' }, { supportedModelFormats: [{ ...st, ...llamaFp8 }], modelSizeRange: { min: '1B', max: '13B' } }, undefined],
  ['diffusion pipeline match', { modelFormat: { name: 'diffusers', version: '1.0.0' }, diffusionPipeline: qwenPipeline }, { supportedModelFormats: [{ modelFormat: { name: 'diffusers', version: '1.0.0' }, diffusionPipeline: qwenPipeline }] }, undefined],
  ['diffusion pipeline runtime wildcard requirements', { modelFormat: { name: 'diffusers', version: '1.0.0' }, diffusionPipeline: qwenPipeline }, { supportedModelFormats: [{ modelFormat: { name: 'diffusers', version: '1.0.0' }, diffusionPipeline: { scheduler: { library: 'diffusers' } } }] }, undefined],
  ['diffusion pipeline runtime with no requirements', { modelFormat: { name: 'diffusers', version: '1.0.0' }, diffusionPipeline: qwenPipeline }, { supportedModelFormats: [{ modelFormat: { name: 'diffusers', version: '1.0.0' }, diffusionPipeline: {} }] }, undefined],
  ['diffusion pipeline mismatch', { modelFormat: { name: 'diffusers', version: '1.0.0' }, diffusionPipeline: qwenPipeline }, { supportedModelFormats: [{ modelFormat: { name: 'diffusers', version: '1.0.0' }, diffusionPipeline: { className: 'StableDiffusionPipeline', scheduler: { library: 'diffusers', type: 'DPMSolverMultistepScheduler' } } }] }, 'diffusion-pipeline'],
  ['empty supported formats', { modelFormat: { name: 'pytorch' } }, { supportedModelFormats: [] }, 'no-supported-formats'],
];

describe('OME matcher_test.go cases', () => {
  it.each(OME_SUPPORTS_MODEL)('TestRuntimeSupportsModel: %s', (_n, model, spec, code) => {
    expect(runtimeIncompatibility(spec, model, [])?.code).toBe(code);
  });

  it('TestMatcherPicksRuntimeByModelSize', () => {
    const m = { modelFormat: { name: 'diffusers' }, modelParameterSize: '7B' };
    const formats = [{ modelFormat: { name: 'diffusers' }, autoSelect: true }];
    expect(runtimeIncompatibility({ supportedModelFormats: formats, modelSizeRange: { min: '1B', max: '5B' } }, m, [])?.message).toBe('size 7B outside 1B-5B');
    expect(runtimeIncompatibility({ supportedModelFormats: formats, modelSizeRange: { min: '6B', max: '13B' } }, m, [])).toBeUndefined();
  });

  describe('TestGetCompatibilityDetails_AcceleratorClasses', () => {
    const rt = (classes: string[]): ServingRuntimeSelectionSpec => ({
      supportedModelFormats: [{ modelFormat: { name: 'pytorch', weight: 10 }, autoSelect: true }],
      acceleratorRequirements: { acceleratorClasses: classes },
    });
    const m = { modelFormat: { name: 'pytorch' } };
    const check = (classes: string[], service: Parameters<typeof requiredAcceleratorClasses>[0]) =>
      runtimeIncompatibility(rt(classes), m, requiredAcceleratorClasses(service));
    it('isvc selector matches class', () =>
      expect(check(['nvidia-a100', 'nvidia-tesla-t4'], { spec: { acceleratorSelector: { acceleratorClass: 'nvidia-a100' } } })).toBeUndefined());
    it('isvc selector mismatches class', () =>
      expect(check(['nvidia-a100', 'nvidia-tesla-t4'], { spec: { acceleratorSelector: { acceleratorClass: 'H100' } } })).toEqual({
        code: 'accelerator-class',
        message: "accelerator class H100 not among the runtime's (nvidia-a100, nvidia-tesla-t4)",
      }));
    it('engine override matches class', () =>
      expect(check(['H100'], { spec: { engine: { acceleratorOverride: { acceleratorClass: 'H100' } } } })).toBeUndefined());
    it('decoder override mismatches class', () =>
      expect(check(['nvidia-a100'], { spec: { decoder: { acceleratorOverride: { acceleratorClass: 'H100' } } } })?.code).toBe('accelerator-class'));
    it('no accelerator classes in runtime => compatible', () => expect(check([], {})).toBeUndefined());
    it('all requested classes must be supported (annotation, selector and overrides together)', () => {
      const service = {
        metadata: { annotations: { 'ome.io/accelerator-class': 'A100' } },
        spec: { acceleratorSelector: { acceleratorClass: 'H100' } },
      };
      expect(check(['H100'], service)?.message).toBe("accelerator class A100 not among the runtime's (H100)");
      expect(check(['H100', 'A100'], service)).toBeUndefined();
      expect(check([], service)?.message).toBe('accelerator class A100, H100 asked for, runtime lists none');
    });
    it('an empty annotation asks for a class named "" (quirk of matcher.go)', () => {
      expect(requiredAcceleratorClasses({ metadata: { annotations: { 'ome.io/accelerator-class': '' } } })).toEqual(['']);
    });
  });

  describe('TestIsCompatible_DisabledAndAcceleratorErrors', () => {
    const m = { modelFormat: { name: 'pytorch' } };
    it('disabled runtime', () => expect(runtimeIncompatibility({ disabled: true }, m, [])?.code).toBe('runtime-disabled'));
    it('accelerator mismatch', () =>
      expect(runtimeIncompatibility({ supportedModelFormats: [{ modelFormat: { name: 'pytorch' } }], acceleratorRequirements: { acceleratorClasses: ['A100'] } }, m, ['H100'])?.code).toBe('accelerator-class'));
    it('size mismatch', () =>
      expect(runtimeIncompatibility({ supportedModelFormats: [{ modelFormat: { name: 'pytorch' } }], modelSizeRange: { min: '1B', max: '2B' } }, { ...m, modelParameterSize: '70B' }, [])?.code).toBe('size'));
  });
});

describe('matching rules and quirks', () => {
  const fmt = (f: SupportedModelFormat) => f;
  it('architecture or quantization on one side only never matches', () => {
    expect(formatMismatches({ ...st }, fmt({ ...st, modelArchitecture: 'Qwen2ForCausalLM' }))[0].message).toBe(
      'architecture not known yet, runtime needs Qwen2ForCausalLM',
    );
    expect(formatMismatches({ ...st, modelArchitecture: 'X' }, fmt({ ...st }))[0].code).toBe('architecture');
    expect(formatMismatches({ ...st, quantization: 'fp8' }, fmt({ ...st }))[0].code).toBe('quantization');
  });

  it('a version on one side only: the matcher refuses, the scorer counts it (matcher.go vs scorer.go)', () => {
    const model = { modelFormat: { name: 'safetensors' } };
    const f = fmt({ modelFormat: { name: 'safetensors', version: '1.0.0' } });
    expect(formatMismatches(model, f)[0]).toEqual({
      code: 'format-version',
      message: 'format safetensors version not known, runtime needs 1.0.0',
    });
    expect(formatScore(model, f, 1)).toBe(10);
    expect(formatMismatches({ modelFormat: { name: 'safetensors', version: '1.0.0' } }, fmt({ modelFormat: { name: 'safetensors' } }))[0].code).toBe('format-version');
  });

  it('words a version requirement from the runtime side', () => {
    const model = { modelFormat: { name: 'safetensors', version: '2.0.0' } };
    expect(formatMismatches(model, fmt({ modelFormat: { name: 'safetensors', version: '1.0.0', operator: 'GreaterThanOrEqual' } }))[0].message).toBe(
      'format safetensors 2.0.0 needs 1.0.0 or lower',
    );
    expect(formatMismatches(model, fmt({ modelFormat: { name: 'safetensors', version: '2.0.0', operator: 'GreaterThan' } }))[0].message).toBe(
      'format safetensors 2.0.0 needs below 2.0.0',
    );
    expect(formatMismatches(model, fmt({ modelFormat: { name: 'safetensors', version: '3.0.0' } }))[0].message).toBe(
      'format safetensors 2.0.0 needs 3.0.0',
    );
  });

  it('framework on one side only never matches; names and versions compared like formats', () => {
    const f = fmt({ ...st, modelFramework: { name: 'transformers', version: '4.36.0' } });
    expect(formatMismatches({ ...st }, f)[0].message).toBe('framework not known yet, runtime needs transformers 4.36.0');
    expect(formatMismatches({ ...st, modelFramework: { name: 'transformers', version: '4.46.0' } }, f)[0]).toEqual({
      code: 'framework-version',
      message: 'framework transformers 4.46.0 needs 4.36.0',
    });
    expect(formatMismatches({ ...st, modelFramework: { name: 'transformers', version: '4.36.0' } }, f)).toEqual([]);
  });

  it('a supported format without modelFormat never matches', () => {
    expect(formatMismatches({ ...st }, fmt({ modelArchitecture: undefined }))[0].code).toBe('format');
  });

  it('reports the supported format that comes closest', () => {
    const spec: ServingRuntimeSelectionSpec = {
      supportedModelFormats: [
        { modelFormat: { name: 'gguf' }, modelArchitecture: 'A' },
        { ...st, modelArchitecture: 'LlamaForCausalLM' },
      ],
    };
    expect(runtimeIncompatibility(spec, { ...st, modelArchitecture: 'MistralForCausalLM' }, [])?.message).toBe(
      'architecture MistralForCausalLM, runtime needs LlamaForCausalLM',
    );
  });

  it('size: parseModelSize knows only T, B, M; anything else counts as 0 (matcher.go)', () => {
    expect(parseModelSize('7b')).toBe(0);
    expect(parseModelSize('abc')).toBe(0);
    expect(parseModelSize('1.5T')).toBe(1.5e12);
    const spec = { supportedModelFormats: [{ ...st }], modelSizeRange: { min: '1B', max: '13B' } };
    expect(runtimeIncompatibility(spec, { ...st, modelParameterSize: '7b' }, [])?.message).toBe('size 7b outside 1B-13B');
  });

  it('a size range with one bound missing is reported, not evaluated', () => {
    const spec = { supportedModelFormats: [{ ...st }], modelSizeRange: { min: '1B' } };
    expect(runtimeIncompatibility(spec, { ...st, modelParameterSize: '7B' }, [])?.code).toBe('size-range-invalid');
    expect(runtimeIncompatibility(spec, { ...st }, [])).toBeUndefined();
  });

  it('checks in OME order: disabled before accelerators before formats before size', () => {
    const spec = {
      disabled: true,
      supportedModelFormats: [{ modelFormat: { name: 'x' } }],
      modelSizeRange: { min: '1B', max: '2B' },
      acceleratorRequirements: { acceleratorClasses: ['A'] },
    };
    const m = { ...st, modelParameterSize: '70B' };
    expect(runtimeIncompatibility(spec, m, ['B'])?.code).toBe('runtime-disabled');
    expect(runtimeIncompatibility({ ...spec, disabled: false }, m, ['B'])?.code).toBe('accelerator-class');
    expect(runtimeIncompatibility({ ...spec, disabled: false }, m, [])?.code).toBe('format');
  });

  it('diffusion: additional components and component library/type', () => {
    const model = { modelFormat: { name: 'diffusers' }, diffusionPipeline: { vae: { library: 'diffusers', type: 'AutoencoderKL' } } };
    const f = (dp: SupportedModelFormat['diffusionPipeline']) => fmt({ modelFormat: { name: 'diffusers' }, diffusionPipeline: dp });
    expect(formatMismatches(model, f({ vae: { type: 'Other' } }))[0].message).toBe('diffusion vae type AutoencoderKL, runtime needs Other');
    expect(formatMismatches(model, f({ additionalComponents: { controlnet: {} } }))[0].message).toMatch(/additional components/);
    expect(formatMismatches({ modelFormat: { name: 'diffusers' } }, f({}))[0].message).toMatch(/not given by the model/);
  });
});
