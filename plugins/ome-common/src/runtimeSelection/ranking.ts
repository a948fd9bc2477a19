/**
 * OME's order among the runtimes it may pick (GetCompatibleRuntimes in
 * pkg/runtimeselector/selector.go and CompareRuntimes in pkg/runtimeselector/scorer.go):
 * namespaced runtimes before cluster runtimes, then the higher score, then the size range
 * closer to the model's size, then the name.
 */
import type { SelectionModelSpec } from './matching';
import { parseModelSize } from './sizes';
import type { RuntimeCandidate } from './types';

/**
 * Distance of the model's size to the runtime's range: |min - size| + |max - size|, lower is
 * better (calculateSizeScore in scorer.go). Quirk kept: a runtime without a range scores 0, so
 * at equal score it ranks before every runtime that has one.
 * @public
 */
export function sizeDistance(candidate: RuntimeCandidate, model: SelectionModelSpec): number {
  const range = candidate.runtime.spec?.modelSizeRange;
  const size = model.modelParameterSize;
  if (!range || size === undefined || size === null) return 0;
  const n = parseModelSize(size);
  return (
    Math.abs(parseModelSize(range.min ?? '') - n) +
    Math.abs(parseModelSize(range.max ?? '') - n)
  );
}

/**
 * Positive when `a` ranks before `b`. Quirk of scorer.go (CompareRuntimes): the size distances
 * are compared as int(b - a), Go's conversion truncating toward zero, so distances less than one
 * parameter apart count as equal. OME then stops comparing (the sort keeps whatever order
 * sort.Slice leaves); here the name decides, so the answer is deterministic.
 */
export function compareCandidates(
  a: RuntimeCandidate,
  b: RuntimeCandidate,
  model: SelectionModelSpec,
): number {
  if (a.score !== b.score) return a.score - b.score;
  if (model.modelParameterSize !== undefined && model.modelParameterSize !== null) {
    const diff = Math.trunc(sizeDistance(b, model) - sizeDistance(a, model));
    if (diff !== 0) return diff;
  }
  if (a.isCluster !== b.isCluster) return a.isCluster ? -1 : 1;
  if (a.name < b.name) return 1;
  if (a.name > b.name) return -1;
  return 0;
}

/** Namespaced runtimes first, each group in OME's order. */
export function rankCandidates(
  selectable: RuntimeCandidate[],
  model: SelectionModelSpec,
): RuntimeCandidate[] {
  const byRank = (x: RuntimeCandidate, y: RuntimeCandidate) => compareCandidates(y, x, model);
  return [
    ...selectable.filter(c => !c.isCluster).sort(byRank),
    ...selectable.filter(c => c.isCluster).sort(byRank),
  ];
}

/** Why a selectable runtime ranks after the winner, in plain words. */
export function outrankedBy(
  candidate: RuntimeCandidate,
  winner: RuntimeCandidate,
  model: SelectionModelSpec,
): string {
  if (candidate.isCluster && !winner.isCluster) {
    return `namespaced runtime ${winner.name} comes first (namespaced runtimes rank before cluster runtimes)`;
  }
  if (candidate.score !== winner.score) {
    return `score ${candidate.score} below ${winner.name}'s ${winner.score}`;
  }
  const size = model.modelParameterSize;
  if (size !== undefined && size !== null) {
    const diff = Math.trunc(sizeDistance(candidate, model) - sizeDistance(winner, model));
    if (diff !== 0) {
      return `same score as ${winner.name}, whose size range fits ${size} more closely`;
    }
  }
  return `same score as ${winner.name}, which comes first by name`;
}
