import { OmeClusterError, OmeListItem } from './api';
import { OmeKind, OmeObjectRef } from './kinds';
import { modelState } from './models';
import { summarizeInferenceService } from './services';
import { BaseModelResource, KubernetesObject } from './types';

/**
 * Why an object is on the dashboard's "needs attention" list.
 * @public
 */
export type OmeAttentionReason =
  | 'model-failed'
  | 'service-not-ready'
  | 'runtime-disabled-in-use'
  | 'accelerator-without-capacity';

/**
 * One entry of the "needs attention" list (`GET /attention`).
 * @public
 */
export interface OmeAttentionItem {
  reason: OmeAttentionReason;
  /** `error`: broken (failed, not ready); `warning`: degraded or still settling. */
  severity: 'error' | 'warning';
  /** The object that needs attention. */
  ref: OmeObjectRef;
  /** What is wrong, in plain words. */
  summary: string;
  /** OME's own reason and message, when it gives one. */
  detail?: string;
  /** Objects it affects: the services using a disabled runtime or an accelerator without capacity. */
  related: OmeObjectRef[];
  /** When the state was last reported to change, when known. */
  since?: string;
}

/** Answer of `GET /attention`. @public */
export interface OmeAttentionResponse {
  items: OmeAttentionItem[];
  /** Clusters (per kind) that could not be read: their problems are missing from `items`. */
  errors: OmeClusterError[];
}

/** The objects the rules look at, per kind (each already filtered by the reader's permission). @public */
export type OmeAttentionInput = Partial<Record<OmeKind, OmeListItem[]>>;

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

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function refOf(kind: OmeKind, item: OmeListItem): OmeObjectRef {
  const namespace = text(item.object?.metadata?.namespace);
  return {
    cluster: item.cluster,
    kind,
    ...(namespace && { namespace }),
    name: text(item.object?.metadata?.name) ?? '',
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function failedModels(kind: OmeKind, items: OmeListItem[]): OmeAttentionItem[] {
  return items
    .filter(i => modelState(i.object as BaseModelResource) === 'Failed')
    .map(i => {
      const failedOn = list(i.object.status?.nodesFailed).filter(
        (n): n is string => typeof n === 'string',
      );
      return {
        reason: 'model-failed',
        severity: 'error',
        ref: refOf(kind, i),
        summary: failedOn.length
          ? `Model failed on ${plural(failedOn.length, 'node')}`
          : 'Model failed',
        ...(failedOn.length && { detail: `Failed on ${failedOn.join(', ')}` }),
        related: [],
      } satisfies OmeAttentionItem;
    });
}

function servicesNotReady(items: OmeListItem[]): OmeAttentionItem[] {
  const out: OmeAttentionItem[] = [];
  for (const item of items) {
    const s = summarizeInferenceService(item.object);
    if (s.state === 'Ready') continue;
    const transition = text(
      rec(rec(item.object.status).modelStatus).transitionStatus,
    );
    const detail = [
      s.reason && s.message
        ? `${s.reason}: ${s.message}`
        : s.reason ?? s.message,
      transition && `model transition ${transition}`,
    ].filter(Boolean);
    out.push({
      reason: 'service-not-ready',
      severity: s.state === 'NotReady' ? 'error' : 'warning',
      ref: refOf('InferenceService', item),
      summary: s.stateText,
      ...(detail.length && { detail: detail.join('; ') }),
      related: [],
      ...(s.since && { since: s.since }),
    });
  }
  return out;
}

/**
 * The runtime an InferenceService names, resolved as OME does: a ServingRuntime of that name
 * in the service's namespace first, else the ClusterServingRuntime.
 */
function runtimeKey(
  service: OmeListItem,
  namespaced: Set<string>,
): string | undefined {
  const name = text(rec(rec(service.object.spec).runtime).name);
  if (!name) return undefined;
  const ns = text(service.object.metadata?.namespace);
  const local = `${service.cluster}/ServingRuntime/${ns ?? ''}/${name}`;
  return namespaced.has(local)
    ? local
    : `${service.cluster}/ClusterServingRuntime//${name}`;
}

function keyOf(kind: OmeKind, item: OmeListItem): string {
  const ns = kind === 'ServingRuntime' ? item.object.metadata?.namespace : '';
  return `${item.cluster}/${kind}/${ns ?? ''}/${item.object.metadata?.name}`;
}

function disabledRuntimesInUse(input: OmeAttentionInput): OmeAttentionItem[] {
  const runtimes = (
    ['ServingRuntime', 'ClusterServingRuntime'] as const
  ).flatMap(kind => (input[kind] ?? []).map(item => ({ kind, item })));
  const namespaced = new Set(
    runtimes
      .filter(r => r.kind === 'ServingRuntime')
      .map(r => keyOf(r.kind, r.item)),
  );
  const users = new Map<string, OmeObjectRef[]>();
  for (const service of input.InferenceService ?? []) {
    const key = runtimeKey(service, namespaced);
    if (!key) continue;
    users.set(key, [
      ...(users.get(key) ?? []),
      refOf('InferenceService', service),
    ]);
  }
  return runtimes
    .filter(r => rec(r.item.object.spec).disabled === true)
    .flatMap(({ kind, item }) => {
      const related = users.get(keyOf(kind, item)) ?? [];
      if (related.length === 0) return [];
      return [
        {
          reason: 'runtime-disabled-in-use',
          severity: 'warning',
          ref: refOf(kind, item),
          summary: `Disabled, but ${plural(
            related.length,
            'service uses',
            'services use',
          )} it`,
          related,
        } satisfies OmeAttentionItem,
      ];
    });
}

/** What an AcceleratorClass's status says about its capacity; undefined when it has some. */
function missingCapacity(object: KubernetesObject): string | undefined {
  const status = rec(object.status);
  const nodes = num(status.availableNodes) ?? list(status.nodes).length;
  if (nodes === 0) {
    return object.status === undefined
      ? 'No capacity reported (no nodes discovered)'
      : 'No nodes with this accelerator';
  }
  const total = num(status.totalAccelerators);
  if (num(status.availableAccelerators) === 0) {
    return total
      ? `All ${plural(total, 'accelerator')} in use`
      : 'No accelerators available';
  }
  return undefined;
}

function acceleratorsWithoutCapacity(
  input: OmeAttentionInput,
): OmeAttentionItem[] {
  return (input.AcceleratorClass ?? []).flatMap(item => {
    const summary = missingCapacity(item.object);
    if (!summary) return [];
    const name = item.object.metadata?.name;
    const related = (input.InferenceService ?? [])
      .filter(
        s =>
          s.cluster === item.cluster &&
          text(rec(rec(s.object.spec).acceleratorSelector).acceleratorClass) ===
            name,
      )
      .map(s => refOf('InferenceService', s));
    return [
      {
        reason: 'accelerator-without-capacity',
        severity: related.length ? 'error' : 'warning',
        ref: refOf('AcceleratorClass', item),
        summary,
        related,
      } satisfies OmeAttentionItem,
    ];
  });
}

const REASON_ORDER: OmeAttentionReason[] = [
  'model-failed',
  'service-not-ready',
  'runtime-disabled-in-use',
  'accelerator-without-capacity',
];

/**
 * The dashboard's "needs attention" list: failed models (ClusterBaseModel, BaseModel,
 * FineTunedWeight), InferenceServices not ready (with OME's reason), disabled serving
 * runtimes that a service still names, and AcceleratorClasses without capacity. Pure: give it
 * only what the reader may read, so that no entry and no related object tells them about
 * anything else. Sorted: errors first, then by reason, cluster, namespace and name.
 * @public
 */
export function omeAttentionItems(
  input: OmeAttentionInput,
): OmeAttentionItem[] {
  const items = [
    ...failedModels('ClusterBaseModel', input.ClusterBaseModel ?? []),
    ...failedModels('BaseModel', input.BaseModel ?? []),
    ...failedModels('FineTunedWeight', input.FineTunedWeight ?? []),
    ...servicesNotReady(input.InferenceService ?? []),
    ...disabledRuntimesInUse(input),
    ...acceleratorsWithoutCapacity(input),
  ];
  const severity = (i: OmeAttentionItem) => (i.severity === 'error' ? 0 : 1);
  return items.sort(
    (a, b) =>
      severity(a) - severity(b) ||
      REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason) ||
      a.ref.cluster.localeCompare(b.ref.cluster) ||
      (a.ref.namespace ?? '').localeCompare(b.ref.namespace ?? '') ||
      a.ref.name.localeCompare(b.ref.name),
  );
}

/** The kinds `omeAttentionItems` reads. @public */
export const OME_ATTENTION_KINDS: readonly OmeKind[] = [
  'ClusterBaseModel',
  'BaseModel',
  'FineTunedWeight',
  'InferenceService',
  'ClusterServingRuntime',
  'ServingRuntime',
  'AcceleratorClass',
];
