import { omeObjectState } from './columns';
import { KubernetesObject } from './types';

/**
 * An InferenceService as the dashboard, its "needs attention" list and the catalog entity tab
 * show it: what it serves, where, and its state in plain words.
 * @public
 */
export interface InferenceServiceSummary {
  name: string;
  namespace?: string;
  /** `spec.model.name`. */
  model?: string;
  /** `spec.runtime.name`; undefined when OME selects the runtime. */
  runtime?: string;
  /** `status.url`, else `status.address.url` (set once the service is ready). */
  url?: string;
  /** The engine's `minReplicas` and `maxReplicas`, and the loaded model copies OME reports. */
  replicas: { min?: number; max?: number; ready?: number };
  /** `Ready`, `NotReady` or `Unknown` (condition `Ready`, as `omeObjectState`). */
  state: string;
  /** The state in plain words, with the reason when not ready. */
  stateText: string;
  /** The reason OME gives for not being ready (`lastFailureInfo.reason` or a condition's). */
  reason?: string;
  /** OME's message for that reason. */
  message?: string;
  /** When the `Ready` condition last changed. */
  since?: string;
}

function rec(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * OME's reasons (`modelStatus.lastFailureInfo.reason` and condition reasons) in plain words;
 * unknown reasons are split at their capitals ("SomeNewReason" → "some new reason").
 */
const REASON_WORDS: Record<string, string> = {
  BaseModelNotFound: 'the model does not exist',
  BaseModelNotReady: 'the model is not ready',
  BaseModelDisabled: 'the model is disabled',
  NoSupportingRuntime: 'no serving runtime supports the model',
  RuntimeNotFound: 'the serving runtime does not exist',
  RuntimeDisabled: 'the serving runtime is disabled',
  ModelLoadFailed: 'the model failed to load',
  InvalidPredictorSpec: 'the spec is invalid',
  InvalidGPUAllocation: 'the GPU allocation is invalid',
  ComponentNotReady: 'a component is not ready',
  InsufficientResources: 'not enough resources to schedule it',
};

/** A reason code of OME in plain words. @public */
export function reasonInWords(reason: string): string {
  return (
    REASON_WORDS[reason] ??
    reason
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[_-]+/g, ' ')
      .toLowerCase()
  );
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

function conditionsOf(object: KubernetesObject): Condition[] {
  const list = rec(object?.status).conditions;
  return Array.isArray(list) ? list.map(c => rec(c) as Condition) : [];
}

/**
 * Why a service is not ready: OME's `modelStatus.lastFailureInfo`, else the `Ready`
 * condition's reason, else the first other condition that is not True.
 */
function notReadyCause(
  object: KubernetesObject,
  conditions: Condition[],
): { reason?: string; message?: string } {
  const failure = rec(rec(rec(object?.status).modelStatus).lastFailureInfo);
  if (text(failure.reason) || text(failure.message)) {
    return { reason: text(failure.reason), message: text(failure.message) };
  }
  const ready = conditions.find(c => c.type === 'Ready');
  if (text(ready?.reason) || text(ready?.message)) {
    return { reason: text(ready?.reason), message: text(ready?.message) };
  }
  const other = conditions.find(
    c => c.type !== 'Ready' && c.status !== 'True' && text(c.reason),
  );
  return other
    ? { reason: text(other.reason), message: text(other.message) }
    : {};
}

/**
 * Summarises an InferenceService. Tolerates any shape and never throws.
 * @public
 */
export function summarizeInferenceService(
  object: KubernetesObject,
): InferenceServiceSummary {
  const spec = rec(object?.spec);
  const status = rec(object?.status);
  const conditions = conditionsOf(object);
  const state = omeObjectState('InferenceService', object);
  const ready = conditions.find(c => c.type === 'Ready');
  const summary: InferenceServiceSummary = {
    name: text(object?.metadata?.name) ?? '',
    namespace: text(object?.metadata?.namespace),
    model: text(rec(spec.model).name),
    runtime: text(rec(spec.runtime).name),
    url: text(status.url) ?? text(rec(status.address).url),
    replicas: {
      min: num(rec(spec.engine).minReplicas),
      max: num(rec(spec.engine).maxReplicas),
      ready: num(rec(rec(status.modelStatus).modelCopies).totalCopies),
    },
    state,
    stateText: 'Ready',
    since: text(ready?.lastTransitionTime),
  };
  if (state === 'Ready') return summary;
  const { reason, message } = notReadyCause(object, conditions);
  let lead = 'Not ready yet';
  if (state === 'NotReady') lead = 'Not ready';
  else if (conditions.length === 0) lead = 'No status reported yet';
  return {
    ...summary,
    reason,
    message,
    stateText: reason ? `${lead}: ${reasonInWords(reason)}` : lead,
  };
}
