import { BaseModelResource, ModelState, OME_MODEL_STATES } from './types';

/** What a models table shows for one BaseModel or ClusterBaseModel. @public */
export interface ModelSummary {
  name: string;
  displayName?: string;
  vendor?: string;
  /** `safetensors 1.0.0`, or undefined until the model-agent fills it in. */
  format?: string;
  framework?: string;
  architecture?: string;
  size?: string;
  capabilities: string[];
  state: ModelDisplayState;
  nodesReady: number;
  nodesFailed: number;
  disabled: boolean;
}

/**
 * A model's state as shown: OME's `status.state`, or `Unknown` when nothing (or nothing
 * known) was reported yet.
 * @public
 */
export type ModelDisplayState = ModelState | 'Unknown';

const knownStates: ReadonlySet<string> = new Set(OME_MODEL_STATES);

/** @public */
export function modelState(model: BaseModelResource): ModelDisplayState {
  const state = model.status?.state;
  return typeof state === 'string' && knownStates.has(state)
    ? (state as ModelDisplayState)
    : 'Unknown';
}

function nameAndVersion(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const { name, version } = v as { name?: unknown; version?: unknown };
  if (typeof name !== 'string' || !name) return undefined;
  return typeof version === 'string' && version ? `${name} ${version}` : name;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

function arrayLength(v: unknown): number {
  return Array.isArray(v) ? v.length : 0;
}

/**
 * Summarises a model for tables. Tolerates any shape (most catalog models set only storage,
 * capabilities and vendor until OME's model-agent fills in the rest) and never throws for an
 * object: whatever a cluster returned, every field has its declared type, `name` is `''`
 * when `metadata.name` is not a non-empty string, and text fields are non-empty or undefined.
 * @public
 */
export function summarizeModel(model: BaseModelResource): ModelSummary {
  const spec: Record<string, unknown> =
    model.spec && typeof model.spec === 'object' ? model.spec : {};
  const capabilities = Array.isArray(spec.modelCapabilities)
    ? spec.modelCapabilities.filter((c): c is string => typeof c === 'string')
    : [];
  return {
    name: str(model.metadata?.name) ?? '',
    displayName: str(spec.displayName),
    vendor: str(spec.vendor),
    format: nameAndVersion(spec.modelFormat),
    framework: nameAndVersion(spec.modelFramework),
    architecture: str(spec.modelArchitecture),
    size: str(spec.modelParameterSize),
    capabilities,
    state: modelState(model),
    nodesReady: arrayLength(model.status?.nodesReady),
    nodesFailed: arrayLength(model.status?.nodesFailed),
    disabled: spec.disabled === true,
  };
}
