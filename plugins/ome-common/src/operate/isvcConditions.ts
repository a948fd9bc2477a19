// An InferenceService's readiness in plain words: OME writes Kubernetes conditions
// (Ready, EngineReady, ...) and a modelStatus; people ask "is it serving, and if not, why".

/** A Kubernetes condition as OME writes it. @public */
export interface KubernetesCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** One condition explained. @public */
export interface ConditionInWords {
  type: string;
  /** ok: True; failed: False; pending: Unknown or anything else. */
  tone: 'ok' | 'failed' | 'pending';
  /** What the condition says, e.g. "The engine is ready" / "The engine is not ready". */
  sentence: string;
  reason?: string;
  message?: string;
  since?: string;
}

const SUBJECTS: Record<string, string> = {
  Ready: 'The service',
  IngressReady: 'The ingress (external route)',
  EngineReady: 'The engine',
  DecoderReady: 'The decoder',
  RouterReady: 'The router',
  PredictorReady: 'The predictor',
  RoutesReady: 'The routes',
  LatestDeploymentReady: 'The latest deployment',
};

/** "EngineRouteReady" → "The engine route"; unknown types read as their own words. */
function subjectOf(type: string): string {
  if (SUBJECTS[type]) return SUBJECTS[type];
  const words = type
    .replace(/Ready$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words ? `The ${words}` : type;
}

/** One condition in plain words. @public */
export function conditionInWords(c: KubernetesCondition): ConditionInWords {
  const subject = subjectOf(c.type);
  const readyType = /Ready$/.test(c.type);
  let tone: ConditionInWords['tone'];
  let sentence: string;
  if (c.status === 'True') {
    tone = 'ok';
    sentence = readyType ? `${subject} is ready` : `${c.type}: yes`;
  } else if (c.status === 'False') {
    tone = 'failed';
    sentence = readyType ? `${subject} is not ready` : `${c.type}: no`;
  } else {
    tone = 'pending';
    sentence = readyType
      ? `${subject} is not ready yet (status unknown)`
      : `${c.type}: unknown`;
  }
  return {
    type: c.type,
    tone,
    sentence,
    ...(c.reason && { reason: c.reason }),
    ...(c.message && { message: c.message }),
    ...(c.lastTransitionTime && { since: c.lastTransitionTime }),
  };
}

/**
 * All conditions in plain words: Ready first, then the ones not ok, then the rest by type.
 * @public
 */
export function conditionsInWords(conditions: unknown): ConditionInWords[] {
  if (!Array.isArray(conditions)) return [];
  const rank = (c: ConditionInWords) => {
    if (c.type === 'Ready') return 0;
    return c.tone === 'ok' ? 2 : 1;
  };
  return conditions
    .filter(
      (c): c is KubernetesCondition =>
        !!c && typeof c.type === 'string' && typeof c.status === 'string',
    )
    .map(conditionInWords)
    .sort((a, b) => rank(a) - rank(b) || a.type.localeCompare(b.type));
}

const FAILURE_WORDS: Record<string, string> = {
  BaseModelNotReady: 'The model is not ready (still downloading or failed)',
  BaseModelNotFound: 'The model does not exist',
  NoSupportingRuntime: 'No serving runtime supports this model',
  RuntimeNotRecognized: 'The named serving runtime does not exist',
  RuntimeDisabled: 'The serving runtime is disabled',
  ModelLoadFailed: 'The model failed to load',
  InvalidPredictorSpec: 'The service spec is invalid',
  FailedToLoadModel: 'The model failed to load',
  InsufficientResources: 'Not enough resources to run it',
};

const TRANSITION_WORDS: Record<string, string> = {
  UpToDate: 'Up to date',
  InProgress: 'Rolling out',
  BlockedByFailedLoad: 'Blocked: the model failed to load',
  InvalidSpec: 'Invalid spec',
};

/** `status.modelStatus` in plain words. @public */
export interface ModelStatusInWords {
  transition?: string;
  transitionStatus?: string;
  activeModelState?: string;
  targetModelState?: string;
  failure?: { reason?: string; words?: string; message?: string; time?: string; location?: string };
}

/** Reads `status.modelStatus` of an InferenceService. @public */
export function modelStatusInWords(modelStatus: unknown): ModelStatusInWords {
  if (!modelStatus || typeof modelStatus !== 'object') return {};
  const ms = modelStatus as {
    transitionStatus?: unknown;
    modelRevisionStates?: { activeModelState?: unknown; targetModelState?: unknown };
    lastFailureInfo?: Record<string, unknown>;
  };
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const transitionStatus = str(ms.transitionStatus);
  const f = ms.lastFailureInfo;
  const reason = str(f?.reason);
  return {
    ...(transitionStatus && {
      transitionStatus,
      transition: TRANSITION_WORDS[transitionStatus] ?? transitionStatus,
    }),
    ...(str(ms.modelRevisionStates?.activeModelState) && {
      activeModelState: str(ms.modelRevisionStates?.activeModelState),
    }),
    ...(str(ms.modelRevisionStates?.targetModelState) && {
      targetModelState: str(ms.modelRevisionStates?.targetModelState),
    }),
    ...(f && {
      failure: {
        ...(reason && { reason, words: FAILURE_WORDS[reason] ?? reason }),
        ...(str(f.message) && { message: str(f.message) }),
        ...(str(f.time) && { time: str(f.time) }),
        ...(str(f.location) && { location: str(f.location) }),
      },
    }),
  };
}

/** One component (engine, decoder, router) of a service. @public */
export interface ComponentSummary {
  component: string;
  url?: string;
  /** From spec: minReplicas..maxReplicas (either may be missing). */
  minReplicas?: number;
  maxReplicas?: number;
  accelerator?: string;
  ready?: ConditionInWords;
}

const COMPONENTS = ['engine', 'decoder', 'router'] as const;

/**
 * The components an InferenceService declares or reports, with URL, replicas and the
 * accelerator OME selected.
 * @public
 */
export function componentSummaries(isvc: {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}): ComponentSummary[] {
  const spec = isvc.spec ?? {};
  const statusComponents = (isvc.status?.components ?? {}) as Record<
    string,
    { url?: unknown; selectedAccelerator?: { acceleratorClass?: unknown } }
  >;
  const conditions = conditionsInWords(isvc.status?.conditions);
  return COMPONENTS.filter(c => spec[c] || statusComponents[c]).map(c => {
    const s = (spec[c] ?? {}) as { minReplicas?: unknown; maxReplicas?: unknown };
    const st = statusComponents[c] ?? {};
    const ready = conditions.find(
      x => x.type === `${c[0].toUpperCase()}${c.slice(1)}Ready`,
    );
    return {
      component: c,
      ...(typeof st.url === 'string' && { url: st.url }),
      ...(typeof s.minReplicas === 'number' && { minReplicas: s.minReplicas }),
      ...(typeof s.maxReplicas === 'number' && { maxReplicas: s.maxReplicas }),
      ...(typeof st.selectedAccelerator?.acceleratorClass === 'string' && {
        accelerator: st.selectedAccelerator.acceleratorClass,
      }),
      ...(ready && { ready }),
    };
  });
}
