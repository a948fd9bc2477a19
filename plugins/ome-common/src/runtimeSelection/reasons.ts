/**
 * The sentences users read for why a runtime is not selected. OME's own messages
 * (getFormatMismatchReason in pkg/runtimeselector/matcher.go) are written for operators
 * ("model format 'mt:safetensors:1.0.0' not in supported formats: ..."); these say the same in
 * the words of the model page, e.g. "format safetensors 2.0.0 needs 1.0.0 or lower".
 */
import type { RuntimeExclusion, RuntimeExclusionCode } from './types';
import type { VersionMismatch } from './versions';

function exclusion(code: RuntimeExclusionCode, message: string): RuntimeExclusion {
  return { code, message };
}

export const reasons = {
  modelFormatUnknown: () =>
    exclusion(
      'model-format-unknown',
      "model format not known yet: OME selects no runtime until the model-agent fills it in after download",
    ),
  otherNamespace: (runtimeNamespace: string, namespace: string | undefined) =>
    exclusion(
      'other-namespace',
      namespace
        ? `in namespace ${runtimeNamespace}, OME looks only in ${namespace}`
        : `only for services in namespace ${runtimeNamespace}`,
    ),
  disabled: () => exclusion('runtime-disabled', 'runtime disabled'),
  accelerator: (missing: string[], supported: string[]) =>
    exclusion(
      'accelerator-class',
      supported.length === 0
        ? `accelerator class ${missing.map(quoteEmpty).join(', ')} asked for, runtime lists none`
        : `accelerator class ${missing.map(quoteEmpty).join(', ')} not among the runtime's (${supported.join(', ')})`,
    ),
  noFormats: () =>
    exclusion('no-supported-formats', 'runtime lists no supported model formats'),
  diffusion: (detail: string) => exclusion('diffusion-pipeline', detail),
  required: (
    code: 'architecture' | 'quantization' | 'format' | 'framework',
    what: string,
    model: string | undefined,
    runtime: string | undefined,
  ): RuntimeExclusion => {
    if (model === undefined) {
      return exclusion(code, `${what} not known yet, runtime needs ${runtime}`);
    }
    if (runtime === undefined) {
      return exclusion(
        code,
        `${what} ${model} set, runtime names no ${what} (OME needs both or neither)`,
      );
    }
    return exclusion(code, `${what} ${model}, runtime needs ${runtime}`);
  },
  version: (
    code: 'format-version' | 'framework-version',
    name: string,
    modelVersion: string | undefined,
    runtimeVersion: string | undefined,
    operator: string | undefined,
    mismatch?: VersionMismatch,
  ): RuntimeExclusion => {
    if (modelVersion === undefined) {
      return exclusion(code, `${name} version not known, runtime needs ${runtimeVersion}`);
    }
    if (runtimeVersion === undefined) {
      return exclusion(
        code,
        `${name} ${modelVersion} has a version, runtime names none (OME needs both or neither)`,
      );
    }
    switch (mismatch) {
      case 'unparsable':
        return exclusion(code, `${name} version ${modelVersion} or runtime's ${runtimeVersion} not understood`);
      case 'unofficial-not-equal':
        return exclusion(
          code,
          `${name} ${modelVersion} needs exactly ${runtimeVersion} (pre-release, build and dev versions only match exactly)`,
        );
      case 'precision':
        return exclusion(
          code,
          `${name} ${modelVersion} and runtime's ${runtimeVersion} have a different number of parts (OME compares only like with like)`,
        );
      case 'prefix':
        return exclusion(
          code,
          `${name} ${modelVersion} and runtime's ${runtimeVersion} differ in the "v" prefix`,
        );
      default:
        return exclusion(
          code,
          `${name} ${modelVersion} needs ${versionRequirement(runtimeVersion, operator)}`,
        );
    }
  },
  size: (size: string, range: string) =>
    exclusion('size', `size ${size} outside ${range}`),
  sizeRangeInvalid: (range: string) =>
    exclusion(
      'size-range-invalid',
      `runtime's size range ${range} lacks a bound (OME's controller cannot evaluate it)`,
    ),
  notAutoSelect: () =>
    exclusion(
      'not-auto-select',
      'can serve the model but is never picked automatically (no format with autoSelect: true); name it in the service to use it',
    ),
  score: (score: number) =>
    exclusion('score', `scores ${score}: OME skips runtimes that score 0 or less (check priority and weights)`),
  outranked: (detail: string) => exclusion('outranked', detail),
};

/**
 * What the model's version must be for the runtime's requirement. OME's operators compare the
 * runtime's version to the model's (matcher.go), so "GreaterThan 2.0" means "below 2.0".
 */
export function versionRequirement(runtimeVersion: string, operator: string | undefined): string {
  switch (operator) {
    case 'GreaterThan':
      return `below ${runtimeVersion}`;
    case 'GreaterThanOrEqual':
      return `${runtimeVersion} or lower`;
    default:
      return runtimeVersion;
  }
}

function quoteEmpty(name: string): string {
  return name === '' ? '""' : name;
}
