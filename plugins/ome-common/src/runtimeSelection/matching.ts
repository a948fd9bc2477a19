/**
 * Whether a runtime can serve a model, and the first reason it cannot, following OME's matcher
 * (IsCompatible, GetCompatibilityDetails, compareSupportedModelFormats, compareDiffusionPipeline
 * in pkg/runtimeselector/matcher.go). Automatic selection adds autoSelect and the score
 * (scoring.ts, select.ts).
 */
import type { BaseModelSpec } from '../types';
import { missingAcceleratorClasses } from './accelerators';
import { reasons } from './reasons';
import { formatSizeRange, parseModelSize } from './sizes';
import type {
  DiffusionComponent,
  DiffusionPipeline,
  RuntimeExclusion,
  RuntimeFormatRequirement,
  ServingRuntimeSelectionSpec,
  SupportedModelFormat,
} from './types';
import { versionMismatch } from './versions';

/** The model fields selection reads (BaseModel and ClusterBaseModel share the spec). @public */
export type SelectionModelSpec = BaseModelSpec & {
  diffusionPipeline?: DiffusionPipeline;
};

/** A field OME treats as a Go pointer: set when present and not null. */
function isSet<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

function componentMismatch(
  name: string,
  model: DiffusionComponent | undefined,
  runtime: DiffusionComponent | undefined,
): string | undefined {
  if (!isSet(runtime)) return undefined;
  if (!isSet(model))
    return `diffusion ${name} required by the runtime, not given by the model`;
  if (runtime.library && runtime.library !== model.library) {
    return `diffusion ${name} library ${
      model.library || '(none)'
    }, runtime needs ${runtime.library}`;
  }
  if (runtime.type && runtime.type !== model.type) {
    return `diffusion ${name} type ${model.type || '(none)'}, runtime needs ${
      runtime.type
    }`;
  }
  return undefined;
}

/**
 * compareDiffusionPipeline: only what the runtime sets is checked; an empty library or type on
 * the runtime's side is a wildcard.
 */
export function diffusionMismatch(
  model: DiffusionPipeline | undefined,
  runtime: DiffusionPipeline | undefined,
): string | undefined {
  if (!isSet(runtime)) return undefined;
  if (!isSet(model))
    return 'diffusion pipeline required by the runtime, not given by the model';
  if (isSet(runtime.className) && runtime.className !== model.className) {
    return `pipeline class ${model.className ?? '(none)'}, runtime needs ${
      runtime.className
    }`;
  }
  for (const part of [
    'scheduler',
    'textEncoder',
    'tokenizer',
    'transformer',
    'vae',
  ] as const) {
    const m = componentMismatch(
      part,
      model[part] ?? undefined,
      runtime[part] ?? undefined,
    );
    if (m) return m;
  }
  const extra = runtime.additionalComponents ?? {};
  if (Object.keys(extra).length > 0) {
    const modelExtra = model.additionalComponents ?? {};
    if (Object.keys(modelExtra).length === 0) {
      return 'diffusion pipeline lacks the additional components the runtime requires';
    }
    // Go ranges over a map in random order; sorting makes the reported first reason stable.
    for (const key of Object.keys(extra).sort()) {
      if (!Object.prototype.hasOwnProperty.call(modelExtra, key)) {
        return `diffusion component ${key} missing in the model`;
      }
      const m = componentMismatch(key, modelExtra[key], extra[key]);
      if (m) return m;
    }
  }
  return undefined;
}

function requirementMismatch(
  kind: 'format' | 'framework',
  model: { name?: string; version?: string } | undefined,
  runtime: RuntimeFormatRequirement,
): RuntimeExclusion | undefined {
  const modelName = model?.name ?? '';
  if (runtime.name !== modelName) {
    return reasons.required(
      kind,
      kind,
      model && modelName ? modelName : undefined,
      runtime.name,
    );
  }
  const mv = isSet(model?.version) ? model!.version : undefined;
  const rv = isSet(runtime.version) ? runtime.version : undefined;
  const code = kind === 'format' ? 'format-version' : 'framework-version';
  if (mv !== undefined && rv !== undefined) {
    const mismatch = versionMismatch(rv, mv, runtime.operator);
    return mismatch
      ? reasons.version(
          code,
          `${kind} ${runtime.name}`,
          mv,
          rv,
          runtime.operator,
          mismatch,
        )
      : undefined;
  }
  // Quirk (matcher.go compareSupportedModelFormats): a version on one side only never matches,
  // whereas the scorer (scorer.go CalculateFormatScore) counts it as a match.
  if (mv !== undefined || rv !== undefined) {
    return reasons.version(
      code,
      `${kind} ${runtime.name}`,
      mv,
      rv,
      runtime.operator,
    );
  }
  return undefined;
}

/**
 * Every way a model fails one supported format, in OME's order of checks: diffusion pipeline,
 * architecture, quantization, format, framework. Empty when the format matches.
 */
export function formatMismatches(
  model: SelectionModelSpec,
  format: SupportedModelFormat,
): RuntimeExclusion[] {
  const out: RuntimeExclusion[] = [];
  const pipeline = diffusionMismatch(
    model.diffusionPipeline ?? undefined,
    format.diffusionPipeline ?? undefined,
  );
  if (pipeline) out.push(reasons.diffusion(pipeline));
  // Architecture and quantization: equal when both are set; a value on one side only never
  // matches (matcher.go), so a runtime that names no architecture refuses a model that has one.
  for (const [code, what, m, r] of [
    [
      'architecture',
      'architecture',
      model.modelArchitecture,
      format.modelArchitecture,
    ],
    ['quantization', 'quantization', model.quantization, format.quantization],
  ] as const) {
    const mv = isSet(m) ? m : undefined;
    const rv = isSet(r) ? r : undefined;
    if (mv !== rv) out.push(reasons.required(code, what, mv, rv));
  }
  // A supported format without modelFormat never matches (matcher.go, and OME gives no reason).
  if (!isSet(format.modelFormat)) {
    out.push(
      reasons.required(
        'format',
        'format',
        model.modelFormat?.name || undefined,
        undefined,
      ),
    );
  } else {
    const m = requirementMismatch(
      'format',
      model.modelFormat ?? undefined,
      format.modelFormat,
    );
    if (m) out.push(m);
  }
  const mf = isSet(model.modelFramework) ? model.modelFramework : undefined;
  const rf = isSet(format.modelFramework) ? format.modelFramework : undefined;
  if (mf && rf) {
    const m = requirementMismatch('framework', mf, rf);
    if (m) out.push(m);
  } else if (mf || rf) {
    out.push(
      reasons.required(
        'framework',
        'framework',
        mf ? [mf.name, mf.version].filter(Boolean).join(' ') : undefined,
        rf ? [rf.name, rf.version].filter(Boolean).join(' ') : undefined,
      ),
    );
  }
  return out;
}

/**
 * The size check (checkModelSize in matcher.go): only when the model has a size and the runtime
 * a range, inclusive at both ends, compared as floats after parseModelSize.
 * Quirk: OME dereferences both bounds; a range with one bound missing makes its controller fail,
 * so such a runtime is reported as not usable for a sized model.
 */
export function sizeMismatch(
  spec: ServingRuntimeSelectionSpec,
  model: SelectionModelSpec,
): RuntimeExclusion | undefined {
  const size = model.modelParameterSize;
  const range = spec.modelSizeRange;
  if (!isSet(size) || !isSet(range)) return undefined;
  if (!isSet(range.min) || !isSet(range.max)) {
    return reasons.sizeRangeInvalid(formatSizeRange(range));
  }
  const n = parseModelSize(size);
  if (n < parseModelSize(range.min) || n > parseModelSize(range.max)) {
    return reasons.size(size, formatSizeRange(range));
  }
  return undefined;
}

/**
 * The supported format whose mismatch best explains the exclusion: the one failing the fewest
 * checks (the first such in the runtime's list). OME itself lists every format's reasons.
 */
function closestFormatReason(
  model: SelectionModelSpec,
  formats: SupportedModelFormat[],
): RuntimeExclusion {
  let best: RuntimeExclusion[] | undefined;
  for (const f of formats) {
    const m = formatMismatches(model, f);
    if (!best || m.length < best.length) best = m;
  }
  return best![0];
}

/**
 * Whether the runtime can serve the model, ignoring autoSelect and the score: the first reason
 * it cannot, or undefined. Order as GetCompatibilityDetails: disabled, accelerator classes,
 * formats, size.
 */
export function runtimeIncompatibility(
  spec: ServingRuntimeSelectionSpec,
  model: SelectionModelSpec,
  requiredClasses: string[],
): RuntimeExclusion | undefined {
  if (spec.disabled === true) return reasons.disabled();
  const missing = missingAcceleratorClasses(spec, requiredClasses);
  if (missing.length > 0) {
    return reasons.accelerator(
      missing,
      spec.acceleratorRequirements?.acceleratorClasses ?? [],
    );
  }
  const formats = spec.supportedModelFormats ?? [];
  if (formats.length === 0) return reasons.noFormats();
  if (!formats.some(f => formatMismatches(model, f).length === 0)) {
    return closestFormatReason(model, formats);
  }
  return sizeMismatch(spec, model);
}
