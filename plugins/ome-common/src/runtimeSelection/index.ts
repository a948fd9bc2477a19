/**
 * Runtime selection exactly as OME's controller decides it (pkg/runtimeselector and
 * pkg/modelver), for the model and runtime pages and the deploy wizard.
 */
export * from './types';
export type { SelectionModelSpec } from './matching';
export {
  selectRuntime,
  validateRuntime,
  resolveModel,
  unknownModelFields,
  isClusterRuntime,
} from './select';
export {
  parseModelVersion,
  compareModelVersions,
  isUnofficialVersion,
  versionMismatch,
  type ModelVersion,
  type VersionMismatch,
} from './versions';
export { parseModelSize } from './sizes';
export {
  requiredAcceleratorClasses,
  missingAcceleratorClasses,
  OME_ACCELERATOR_CLASS_ANNOTATION,
} from './accelerators';
export {
  formatScore,
  runtimeScore,
  hasAutoSelect,
  RUNTIME_SCORE_DEFAULTS,
} from './scoring';
export { sizeDistance } from './ranking';
