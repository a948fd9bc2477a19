import { OME_API_GROUP, OME_API_VERSION } from './kinds';
import { KubernetesObject } from './types';

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
 * The InferenceService object of a deployment (validated on create like any other object).
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
      model: {
        name: input.model,
        ...(input.modelKind && { kind: input.modelKind }),
      },
      ...(input.runtime && { runtime: { name: input.runtime } }),
      ...(Object.keys(engine).length && { engine }),
    },
  };
}
