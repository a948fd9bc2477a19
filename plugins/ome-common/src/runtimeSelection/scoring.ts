/**
 * OME's score of a runtime for a model (CalculateScore and CalculateFormatScore in
 * pkg/runtimeselector/scorer.go; defaults from NewConfig in pkg/runtimeselector/types.go).
 */
import type { SelectionModelSpec } from './matching';
import type { ServingRuntimeSelectionSpec, SupportedModelFormat } from './types';
import { versionMismatch } from './versions';

/** Defaults of OME's selector config (types.go NewConfig). @public */
export const RUNTIME_SCORE_DEFAULTS = {
  priority: 1,
  modelFormatWeight: 10,
  modelFrameworkWeight: 5,
} as const;

function isSet<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

/**
 * The score of one supported format: (format weight + framework weight) x priority, or 0.
 * Quirks of scorer.go kept:
 * - only format and framework count: architecture, quantization and diffusion pipeline are not
 *   looked at here (the matcher checks them);
 * - a version on one side only counts as a match (the matcher refuses it);
 * - a weight of 0 (unset) takes the default (10 for the format, 5 for the framework);
 * - a framework on the runtime's side only, or the model's side only, scores 0.
 * @public
 */
export function formatScore(
  model: SelectionModelSpec,
  format: SupportedModelFormat,
  priority: number,
): number {
  let formatMatches = false;
  const rf = isSet(format.modelFormat) ? format.modelFormat : undefined;
  if (rf) {
    if (rf.name !== (model.modelFormat?.name ?? '')) return 0;
    const mv = model.modelFormat?.version;
    if (isSet(rf.version) && isSet(mv)) {
      formatMatches = versionMismatch(rf.version, mv, rf.operator) === undefined;
      if (!formatMatches) return 0;
    } else {
      formatMatches = true;
    }
  }
  let frameworkMatches = false;
  const rfw = isSet(format.modelFramework) ? format.modelFramework : undefined;
  const mfw = isSet(model.modelFramework) ? model.modelFramework : undefined;
  if (rfw && mfw) {
    if (rfw.name !== (mfw.name ?? '')) return 0;
    if (isSet(rfw.version) && isSet(mfw.version)) {
      frameworkMatches = versionMismatch(rfw.version, mfw.version, rfw.operator) === undefined;
      if (!frameworkMatches) return 0;
    } else {
      frameworkMatches = true;
    }
  }
  if (
    (formatMatches || !rf) &&
    (frameworkMatches || (!rfw && !mfw))
  ) {
    let score = 0;
    if (formatMatches && rf) {
      score += (rf.weight || RUNTIME_SCORE_DEFAULTS.modelFormatWeight) * priority;
    }
    if (frameworkMatches && rfw) {
      score += (rfw.weight || RUNTIME_SCORE_DEFAULTS.modelFrameworkWeight) * priority;
    }
    return score;
  }
  return 0;
}

/**
 * The runtime's score: the best format score. Quirk of scorer.go (CalculateScore): every format
 * counts unless its autoSelect is explicitly false, so a format with autoSelect unset adds to the
 * score although only a format with autoSelect: true makes the runtime selectable at all
 * (selector.go evaluateRuntime), and the best-scoring format need not be the one that matched.
 * @public
 */
export function runtimeScore(
  spec: ServingRuntimeSelectionSpec,
  model: SelectionModelSpec,
): number {
  let max = 0;
  for (const format of spec.supportedModelFormats ?? []) {
    if (format.autoSelect === false) continue;
    const priority = isSet(format.priority) ? format.priority : RUNTIME_SCORE_DEFAULTS.priority;
    const score = formatScore(model, format, priority);
    if (score > max) max = score;
  }
  return max;
}

/** Whether some format has autoSelect: true (selector.go evaluateRuntime). @public */
export function hasAutoSelect(spec: ServingRuntimeSelectionSpec): boolean {
  return (spec.supportedModelFormats ?? []).some(f => f.autoSelect === true);
}
