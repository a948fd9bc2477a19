/**
 * Which runtime OME picks for a model, and why each other runtime is not picked
 * (SelectRuntime, GetCompatibleRuntimes, evaluateRuntime and ValidateRuntime in
 * pkg/runtimeselector/selector.go). Pure: the caller passes the runtimes it could read.
 */
import type { BaseModelResource } from '../types';
import { requiredAcceleratorClasses } from './accelerators';
import { runtimeIncompatibility, type SelectionModelSpec } from './matching';
import { outrankedBy, rankCandidates } from './ranking';
import { reasons } from './reasons';
import { hasAutoSelect, runtimeScore } from './scoring';
import type {
  RuntimeCandidate,
  RuntimeSelectionResult,
  RuntimeValidationResult,
  SelectRuntimeOptions,
  ServingRuntimeResource,
  UnknownModelField,
  ValidateRuntimeOptions,
} from './types';

function modelSpec(model: BaseModelResource): SelectionModelSpec {
  return (model.spec ?? {}) as SelectionModelSpec;
}

/** Whether the runtime is a ClusterServingRuntime. @public */
export function isClusterRuntime(runtime: ServingRuntimeResource): boolean {
  return runtime.kind === 'ClusterServingRuntime';
}

/**
 * The model fields selection depends on that are not set yet. Most catalog models ship without
 * them and OME's model-agent fills them in from the model's files after download.
 * @public
 */
export function unknownModelFields(model: BaseModelResource): UnknownModelField[] {
  const spec = modelSpec(model);
  const out: UnknownModelField[] = [];
  if (!spec.modelFormat?.name) out.push('modelFormat');
  if (!spec.modelArchitecture) out.push('modelArchitecture');
  if (!spec.modelFramework) out.push('modelFramework');
  if (!spec.modelParameterSize) out.push('modelParameterSize');
  return out;
}

/**
 * The model an InferenceService's `spec.model.name` refers to: a BaseModel of the service's
 * namespace before a ClusterBaseModel of that name (GetBaseModel in
 * pkg/controller/v1beta1/inferenceservice/utils/reconciliation.go).
 * @public
 */
export function resolveModel(
  name: string,
  namespace: string | undefined,
  models: BaseModelResource[],
): BaseModelResource | undefined {
  return (
    models.find(
      m =>
        m.kind === 'BaseModel' &&
        m.metadata.name === name &&
        namespace !== undefined &&
        m.metadata.namespace === namespace,
    ) ??
    models.find(m => m.kind === 'ClusterBaseModel' && m.metadata.name === name)
  );
}

function targetNamespace(options: SelectRuntimeOptions): string | undefined {
  return (
    options.namespace ??
    options.service?.metadata?.namespace ??
    options.model.metadata.namespace
  );
}

function candidateFor(runtime: ServingRuntimeResource): RuntimeCandidate {
  const isCluster = isClusterRuntime(runtime);
  return {
    runtime,
    name: runtime.metadata.name,
    ...(isCluster ? {} : { namespace: runtime.metadata.namespace }),
    isCluster,
    score: 0,
    compatible: false,
    selectable: false,
  };
}

function byScopeAndName(a: RuntimeCandidate, b: RuntimeCandidate): number {
  if (a.isCluster !== b.isCluster) return a.isCluster ? 1 : -1;
  return (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name);
}

/**
 * Evaluates every runtime for the model as OME would for an InferenceService without
 * `spec.runtime`: returns the winner (if any) and, for every runtime, whether it is compatible,
 * its score, its rank and the first reason it is not the winner.
 * @public
 */
export function selectRuntime(options: SelectRuntimeOptions): RuntimeSelectionResult {
  const spec = modelSpec(options.model);
  const namespace = targetNamespace(options);
  const required = requiredAcceleratorClasses(options.service, options.acceleratorClasses);
  // validateModel in selector.go: without a format name OME refuses to select at all.
  const modelProblem = spec.modelFormat?.name ? undefined : reasons.modelFormatUnknown();
  const selectable: RuntimeCandidate[] = [];
  const others: RuntimeCandidate[] = [];
  for (const runtime of options.runtimes) {
    const c = candidateFor(runtime);
    const rspec = runtime.spec ?? {};
    if (!c.isCluster && c.namespace !== namespace) {
      // The fetcher (fetcher.go) lists ServingRuntimes of the service's namespace only.
      c.reason = reasons.otherNamespace(c.namespace ?? '', namespace);
    } else if (modelProblem) {
      c.reason = modelProblem;
    } else {
      const incompatible = runtimeIncompatibility(rspec, spec, required);
      if (incompatible) {
        c.reason = incompatible;
      } else {
        c.compatible = true;
        c.score = runtimeScore(rspec, spec);
        if (!hasAutoSelect(rspec)) c.reason = reasons.notAutoSelect();
        else if (c.score <= 0) c.reason = reasons.score(c.score);
        else c.selectable = true;
      }
    }
    (c.selectable ? selectable : others).push(c);
  }
  const ranked = rankCandidates(selectable, spec);
  const winner = ranked[0];
  ranked.forEach((c, i) => {
    c.rank = i + 1;
    if (i > 0) c.reason = reasons.outranked(outrankedBy(c, winner, spec));
  });
  others.sort(
    (a, b) => Number(b.compatible) - Number(a.compatible) || byScopeAndName(a, b),
  );
  return {
    ...(winner ? { winner } : {}),
    candidates: [...ranked, ...others],
    unknownModelFields: unknownModelFields(options.model),
    ...(modelProblem ? { modelProblem } : {}),
  };
}

/**
 * Checks a runtime named in an InferenceService's `spec.runtime.name` as OME does
 * (ValidateRuntime in selector.go): a ServingRuntime of the service's namespace before a
 * ClusterServingRuntime of that name; it must be enabled and compatible. autoSelect and the
 * score do not matter for a named runtime.
 * @public
 */
export function validateRuntime(options: ValidateRuntimeOptions): RuntimeValidationResult {
  const spec = modelSpec(options.model);
  if (!spec.modelFormat?.name) {
    return { valid: false, reason: reasons.modelFormatUnknown() };
  }
  const namespace = targetNamespace(options);
  const runtime =
    options.runtimes.find(
      r =>
        !isClusterRuntime(r) &&
        r.metadata.name === options.runtimeName &&
        r.metadata.namespace === namespace,
    ) ??
    options.runtimes.find(
      r => isClusterRuntime(r) && r.metadata.name === options.runtimeName,
    );
  if (!runtime) {
    return {
      valid: false,
      reason: {
        code: 'runtime-not-found',
        message: `runtime ${options.runtimeName} not found in namespace ${namespace ?? '(none)'} or at cluster scope`,
      },
    };
  }
  const candidate = candidateFor(runtime);
  const rspec = runtime.spec ?? {};
  const required = requiredAcceleratorClasses(options.service, options.acceleratorClasses);
  const incompatible = runtimeIncompatibility(rspec, spec, required);
  if (incompatible) {
    candidate.reason = incompatible;
    return { valid: false, candidate, reason: incompatible };
  }
  candidate.compatible = true;
  candidate.score = runtimeScore(rspec, spec);
  candidate.selectable = hasAutoSelect(rspec) && candidate.score > 0;
  return { valid: true, candidate };
}
