// The deploy wizard's draft of an InferenceService, built in steps: pure, so the wizard
// (plugins/ome) and the backend's dry-run test over OME's catalog build the very same object.
import { OME_API_GROUP, OME_API_VERSION } from './kinds';
import type { KubernetesObject } from './types';

/** The components an InferenceService can override. @public */
export type ServiceComponent = 'engine' | 'decoder' | 'router';

/**
 * A new InferenceService for the deploy wizard: the model (if chosen) and one engine replica,
 * built like every other deployment (see {@link inferenceServiceObject}).
 * @public
 */
export function newService(
  namespace: string,
  modelName = '',
): KubernetesObject {
  return inferenceServiceObject({
    name: '',
    namespace,
    model: modelName,
    minReplicas: 1,
    maxReplicas: 1,
  });
}

/**
 * The draft with `spec.<path>` set (undefined removes it, and parents left empty go too),
 * without touching anything else of the draft (a YAML edit keeps its other fields).
 * @public
 */
export function withSpec(
  draft: KubernetesObject,
  path: string[],
  value: unknown,
): KubernetesObject {
  const set = (
    obj: Record<string, any> | undefined,
    i: number,
  ): Record<string, any> | undefined => {
    const copy: Record<string, any> = { ...(obj ?? {}) };
    const key = path[i];
    if (i === path.length - 1) {
      if (value === undefined) delete copy[key];
      else copy[key] = value;
    } else {
      const child = set(copy[key], i + 1);
      if (child && Object.keys(child).length) copy[key] = child;
      else delete copy[key];
    }
    return copy;
  };
  return { ...draft, spec: set(draft.spec, 0) ?? {} };
}

/** `spec.<path>` of the draft. @public */
export function specValue(draft: KubernetesObject, path: string[]): unknown {
  let v: unknown = draft.spec;
  for (const key of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * What it takes to deploy a model as an InferenceService: the fields a template step or an
 * assistant gives. Everything else is OME's defaulting.
 * @public
 */
export interface InferenceServiceDeployment {
  name: string;
  namespace: string;
  /** A BaseModel in the namespace, else a ClusterBaseModel (OME looks in that order). */
  model: string;
  modelKind?: 'ClusterBaseModel' | 'BaseModel';
  /** Serving runtime; OME selects one when absent. */
  runtime?: string;
  minReplicas?: number;
  maxReplicas?: number;
  labels?: Record<string, string>;
}

/**
 * The InferenceService object of a deployment (validated on create like any other object):
 * what the wizard starts from, and what the scaffolder and registry actions create.
 * @public
 */
export function inferenceServiceObject(
  input: InferenceServiceDeployment,
): KubernetesObject {
  const engine = {
    ...(input.minReplicas !== undefined && { minReplicas: input.minReplicas }),
    ...(input.maxReplicas !== undefined && { maxReplicas: input.maxReplicas }),
  };
  return {
    apiVersion: `${OME_API_GROUP}/${OME_API_VERSION}`,
    kind: 'InferenceService',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      ...(input.labels && { labels: input.labels }),
    },
    spec: {
      // no model yet: the wizard's first step chooses it
      ...(input.model && {
        model: {
          name: input.model,
          ...(input.modelKind && { kind: input.modelKind }),
        },
      }),
      ...(input.runtime && { runtime: { name: input.runtime } }),
      ...(Object.keys(engine).length && { engine }),
    },
  };
}
