// Pods and events behind an InferenceService, summarised for the operate view. OME labels
// every component pod with `ome.io/inferenceservice=<service>` and `component=<engine|decoder|
// router>` (pkg/constants InferenceServicePodLabelKey and OMEComponentLabel, OME 17b77eda).

/** The label OME puts on every pod of an InferenceService (value: the service's name). @public */
export const OME_ISVC_POD_LABEL = 'ome.io/inferenceservice';
/** The label naming the component (engine, decoder, router) of a pod. @public */
export const OME_COMPONENT_LABEL = 'component';
/** The serving container OME names in its pods. @public */
export const OME_MAIN_CONTAINER = 'ome-container';

/** The label selector of an InferenceService's pods. @public */
export function isvcPodSelector(isvcName: string): string {
  return `${OME_ISVC_POD_LABEL}=${isvcName}`;
}

/** One pod as the operate view shows it. @public */
export interface PodSummary {
  name: string;
  namespace: string;
  component?: string;
  /** Pending, Running, Succeeded, Failed, Unknown, or a waiting reason such as CrashLoopBackOff. */
  phase: string;
  /** "ready containers/containers". */
  ready: string;
  restarts: number;
  node?: string;
  containers: string[];
  initContainers: string[];
  /** Why it is not running: the scheduler's message for a pending pod, a waiting/terminated reason. */
  reason?: string;
  startTime?: string;
}

/** A container's status, as far as {@link podSummary} reads it. @public */
export interface ContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string; message?: string };
    terminated?: { reason?: string; exitCode?: number };
  };
  lastState?: { terminated?: { reason?: string; exitCode?: number } };
}

/** A pod, as far as {@link podSummary} reads it. @public */
export interface PodLike {
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: {
    nodeName?: string;
    containers?: Array<{ name: string }>;
    initContainers?: Array<{ name: string }>;
  };
  status?: {
    phase?: string;
    startTime?: string;
    conditions?: Array<{ type?: string; status?: string; reason?: string; message?: string }>;
    containerStatuses?: ContainerStatus[];
  };
}

/** A pod, summarised: phase (with CrashLoopBackOff and the like), restarts, and why it waits. @public */
export function podSummary(pod: PodLike): PodSummary {
  const statuses = pod.status?.containerStatuses ?? [];
  const containers = (pod.spec?.containers ?? []).map(c => c.name);
  const waiting = statuses.find(s => s.state?.waiting?.reason)?.state?.waiting;
  const terminated = statuses.find(s => s.state?.terminated?.reason)?.state
    ?.terminated;
  const scheduled = pod.status?.conditions?.find(c => c.type === 'PodScheduled');
  let phase = pod.status?.phase ?? 'Unknown';
  let reason: string | undefined;
  if (phase === 'Pending' && scheduled?.status === 'False') {
    reason = [scheduled.reason, scheduled.message].filter(Boolean).join(': ');
  } else if (waiting?.reason) {
    phase = waiting.reason;
    const last = statuses.find(s => s.lastState?.terminated)?.lastState
      ?.terminated;
    reason = [
      waiting.message,
      last && `last exit: ${last.reason ?? 'terminated'} (code ${last.exitCode ?? '?'})`,
    ]
      .filter(Boolean)
      .join('; ');
  } else if (terminated?.reason && phase !== 'Succeeded') {
    reason = `${terminated.reason} (code ${terminated.exitCode ?? '?'})`;
  }
  return {
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? '',
    ...(pod.metadata.labels?.[OME_COMPONENT_LABEL] && {
      component: pod.metadata.labels[OME_COMPONENT_LABEL],
    }),
    phase,
    ready: `${statuses.filter(s => s.ready).length}/${containers.length}`,
    restarts: statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0),
    ...(pod.spec?.nodeName && { node: pod.spec.nodeName }),
    containers,
    initContainers: (pod.spec?.initContainers ?? []).map(c => c.name),
    ...(reason && { reason }),
    ...(pod.status?.startTime && { startTime: pod.status.startTime }),
  };
}

/** One Kubernetes event as the operate view shows it. @public */
export interface EventSummary {
  /** Normal or Warning. */
  type: string;
  reason: string;
  message: string;
  /** `Kind/name` of the object the event is about. */
  object: string;
  count: number;
  /** When it last happened (lastTimestamp, eventTime or the creation time). */
  last?: string;
  source?: string;
}

/** A core/v1 or events.k8s.io Event, as far as {@link eventSummary} reads it. @public */
export interface EventLike {
  metadata?: { creationTimestamp?: string };
  type?: string;
  reason?: string;
  message?: string;
  note?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  involvedObject?: { kind?: string; name?: string };
  source?: { component?: string };
  reportingComponent?: string;
  series?: { count?: number; lastObservedTime?: string };
}

/** A core/v1 Event, summarised. @public */
export function eventSummary(e: EventLike): EventSummary {
  const source = e.source?.component || e.reportingComponent;
  const last =
    e.series?.lastObservedTime ||
    e.lastTimestamp ||
    e.eventTime ||
    e.metadata?.creationTimestamp;
  return {
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    message: e.message ?? e.note ?? '',
    object: `${e.involvedObject?.kind ?? '?'}/${e.involvedObject?.name ?? '?'}`,
    count: e.series?.count ?? e.count ?? 1,
    ...(last && { last }),
    ...(source && { source }),
  };
}

/** Events newest first (undated ones last). @public */
export function sortEvents(events: EventSummary[]): EventSummary[] {
  return [...events].sort((a, b) => (b.last ?? '').localeCompare(a.last ?? ''));
}

/** Bounds of the log tail a caller may ask for. @public */
export const LOG_TAIL_LINES = { default: 200, max: 5000 } as const;
