/** @public */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * Any Kubernetes object. Fields the console does not know are kept as they are:
 * an object read from a cluster is never narrowed to a schema before it is written back.
 * @public
 */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: Record<string, any>;
  status?: Record<string, any>;
  [key: string]: unknown;
}

/**
 * OME's model states (`status.state` of BaseModel and ClusterBaseModel), the one list the
 * model state types derive from.
 * @public
 */
export const OME_MODEL_STATES = [
  'Creating',
  'Importing',
  'In_Transit',
  'In_Training',
  'Ready',
  'Failed',
] as const;

/** @public */
export type ModelState = (typeof OME_MODEL_STATES)[number];

/** The fields of BaseModel and ClusterBaseModel specs the console reads; others pass through. @public */
export interface BaseModelSpec {
  vendor?: string;
  displayName?: string;
  version?: string;
  disabled?: boolean;
  modelType?: string;
  modelArchitecture?: string;
  modelParameterSize?: string;
  modelCapabilities?: string[];
  modelFormat?: { name?: string; version?: string };
  modelFramework?: { name?: string; version?: string };
  quantization?: string;
  maxTokens?: number;
  storage?: {
    storageUri?: string;
    path?: string;
    key?: string;
    parameters?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** @public */
export interface ModelStatus {
  state?: ModelState | string;
  nodesReady?: string[];
  nodesFailed?: string[];
  lifecycle?: string;
  [key: string]: unknown;
}

/** @public */
export interface BaseModelResource extends KubernetesObject {
  spec?: BaseModelSpec;
  status?: ModelStatus;
}
