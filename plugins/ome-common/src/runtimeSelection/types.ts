import type { BaseModelResource, KubernetesObject } from '../types';

/**
 * Version comparison operators of OME's selector (`RuntimeSelectorOperator` in
 * pkg/apis/ome/v1beta1/model.go). Anything else behaves as "Equal" after the precision check.
 * @public
 */
export type RuntimeSelectorOperator =
  | 'Equal'
  | 'GreaterThan'
  | 'GreaterThanOrEqual';

/** A model format or framework requirement of a runtime. @public */
export interface RuntimeFormatRequirement {
  name: string;
  version?: string;
  operator?: RuntimeSelectorOperator | string;
  weight?: number;
}

/** One part of a diffusion pipeline (scheduler, vae, ...). @public */
export interface DiffusionComponent {
  library?: string;
  type?: string;
}

/** A diffusion pipeline as models describe it and runtimes require it. @public */
export interface DiffusionPipeline {
  className?: string;
  scheduler?: DiffusionComponent;
  textEncoder?: DiffusionComponent;
  tokenizer?: DiffusionComponent;
  transformer?: DiffusionComponent;
  vae?: DiffusionComponent;
  additionalComponents?: Record<string, DiffusionComponent>;
}

/** One entry of a runtime's `spec.supportedModelFormats`. @public */
export interface SupportedModelFormat {
  name?: string;
  modelFormat?: RuntimeFormatRequirement;
  modelFramework?: RuntimeFormatRequirement;
  modelArchitecture?: string;
  quantization?: string;
  diffusionPipeline?: DiffusionPipeline;
  autoSelect?: boolean;
  priority?: number;
}

/** The fields of a (Cluster)ServingRuntime spec that runtime selection reads. @public */
export interface ServingRuntimeSelectionSpec {
  disabled?: boolean;
  supportedModelFormats?: SupportedModelFormat[];
  modelSizeRange?: { min?: string; max?: string };
  acceleratorRequirements?: { acceleratorClasses?: string[] };
  [key: string]: unknown;
}

/** A ServingRuntime or ClusterServingRuntime as read from a cluster. @public */
export interface ServingRuntimeResource extends KubernetesObject {
  spec?: ServingRuntimeSelectionSpec & Record<string, any>;
}

/**
 * The parts of an InferenceService that affect selection: its namespace (only runtimes of that
 * namespace are seen) and the accelerator classes it asks for.
 * @public
 */
export interface SelectionService {
  metadata?: { namespace?: string; annotations?: Record<string, string> };
  spec?: {
    acceleratorSelector?: { acceleratorClass?: string };
    engine?: { acceleratorOverride?: { acceleratorClass?: string } } | null;
    decoder?: { acceleratorOverride?: { acceleratorClass?: string } } | null;
    [key: string]: unknown;
  };
}

/**
 * Why a runtime is not the one OME picks, as a code (for tests and icons) and a sentence a user
 * understands. The codes are listed in the order OME checks them.
 * @public
 */
export type RuntimeExclusionCode =
  | 'model-format-unknown'
  | 'other-namespace'
  | 'runtime-disabled'
  | 'accelerator-class'
  | 'no-supported-formats'
  | 'diffusion-pipeline'
  | 'architecture'
  | 'quantization'
  | 'format'
  | 'format-version'
  | 'framework'
  | 'framework-version'
  | 'size'
  | 'size-range-invalid'
  | 'not-auto-select'
  | 'score'
  | 'outranked';

/** @public */
export interface RuntimeExclusion {
  code: RuntimeExclusionCode;
  message: string;
}

/** One runtime as selection saw it. @public */
export interface RuntimeCandidate {
  runtime: ServingRuntimeResource;
  name: string;
  /** Set for a namespaced ServingRuntime. */
  namespace?: string;
  isCluster: boolean;
  /** OME's score (weights times priority); 0 where the runtime is not compatible. */
  score: number;
  /** The runtime can serve the model (it may still not be picked automatically). */
  compatible: boolean;
  /** OME would consider it for automatic selection (compatible, autoSelect, score above 0). */
  selectable: boolean;
  /** 1-based place among the selectable runtimes, in OME's order; the winner is 1. */
  rank?: number;
  /** The first reason the runtime is not the winner; absent for the winner. */
  reason?: RuntimeExclusion;
}

/** What the model lacks for selection (OME's model-agent fills it in after download). @public */
export type UnknownModelField =
  | 'modelFormat'
  | 'modelArchitecture'
  | 'modelFramework'
  | 'modelParameterSize';

/** @public */
export interface RuntimeSelectionResult {
  /** The runtime OME would pick; absent when none qualifies. */
  winner?: RuntimeCandidate;
  /** Every runtime given: the selectable ones first in OME's order, then the others by scope and name. */
  candidates: RuntimeCandidate[];
  /** Model fields not known yet, which decide selection once the model-agent fills them in. */
  unknownModelFields: UnknownModelField[];
  /** Set when OME refuses to select for this model at all (no model format). */
  modelProblem?: RuntimeExclusion;
}

/** @public */
export interface SelectRuntimeOptions {
  model: BaseModelResource;
  runtimes: ServingRuntimeResource[];
  /** The InferenceService to be served (namespace, accelerator classes). */
  service?: SelectionService;
  /** Further accelerator classes asked for (e.g. chosen in a wizard before the service exists). */
  acceleratorClasses?: string[];
  /**
   * The namespace the service lives in; defaults to the service's, then the model's namespace.
   * Namespaced runtimes elsewhere are not seen by OME.
   */
  namespace?: string;
}

/** @public */
export interface ValidateRuntimeOptions extends SelectRuntimeOptions {
  /** The runtime named in `spec.runtime.name`. */
  runtimeName: string;
}

/** @public */
export interface RuntimeValidationResult {
  valid: boolean;
  /** The runtime found (a ServingRuntime of the namespace before a ClusterServingRuntime). */
  candidate?: RuntimeCandidate;
  reason?: RuntimeExclusion | { code: 'runtime-not-found'; message: string };
}
