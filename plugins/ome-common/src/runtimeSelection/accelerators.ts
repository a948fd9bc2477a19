import type { SelectionService, ServingRuntimeSelectionSpec } from './types';

/** OME's annotation that asks for an accelerator class on an InferenceService. @public */
export const OME_ACCELERATOR_CLASS_ANNOTATION = 'ome.io/accelerator-class';

/**
 * The accelerator classes an InferenceService asks for: the annotation, the accelerator
 * selector and the engine's and decoder's overrides (compareAcceleratorClass in
 * pkg/runtimeselector/matcher.go), plus any given directly. Quirk kept: the annotation counts
 * whenever it is present, so an empty value asks for a class named "" that no runtime lists;
 * the spec fields count only when set to a non-null value (Go pointers), so "" counts there too.
 * @public
 */
export function requiredAcceleratorClasses(
  service: SelectionService | undefined,
  extra: string[] = [],
): string[] {
  const required = new Set<string>();
  const annotations = service?.metadata?.annotations;
  if (
    annotations &&
    Object.prototype.hasOwnProperty.call(
      annotations,
      OME_ACCELERATOR_CLASS_ANNOTATION,
    )
  ) {
    required.add(annotations[OME_ACCELERATOR_CLASS_ANNOTATION]);
  }
  const spec = service?.spec;
  for (const value of [
    spec?.acceleratorSelector?.acceleratorClass,
    spec?.engine?.acceleratorOverride?.acceleratorClass,
    spec?.decoder?.acceleratorOverride?.acceleratorClass,
    ...extra,
  ]) {
    if (typeof value === 'string') required.add(value);
  }
  return [...required];
}

/**
 * The required classes the runtime does not list. All of them must be among the runtime's
 * `acceleratorRequirements.acceleratorClasses`; a service that asks for none is fine with any
 * runtime, and a runtime that lists none refuses every class.
 * @public
 */
export function missingAcceleratorClasses(
  spec: ServingRuntimeSelectionSpec,
  required: string[],
): string[] {
  const supported = spec.acceleratorRequirements?.acceleratorClasses ?? [];
  return required.filter(c => !supported.includes(c));
}
