// The model fields OME's model-agent writes after it downloads a model (from its config.json),
// taken instead from the catalog runtime OME made for that model (`srt-<model>`): with no hub
// reachable locally, that runtime is the best record of what the model's config.json says.
// Shared by the catalog golden tests and the demo status writer (controlplane/demo-status.mjs).
// No imports: controlplane/ (plain Node, type stripping) imports this file directly.

/** The part of a serving runtime the fields are read from (structural, so no imports). */
interface RuntimeShape {
  spec?: {
    supportedModelFormats?: Array<{
      modelFormat?: { name?: string; version?: string };
      modelFramework?: { name?: string; version?: string };
      modelArchitecture?: string;
      quantization?: string;
    }>;
    modelSizeRange?: { min?: string; max?: string };
  };
}

/** The spec fields the model-agent fills in: format, framework, architecture, quantization, size. */
export interface AgentModelFields {
  modelFormat?: { name: string; version?: string };
  modelFramework?: { name: string; version?: string };
  modelArchitecture?: string;
  quantization?: string;
  modelParameterSize?: string;
}

/** The name of the catalog runtime OME made for a model: `srt-<model>`. */
export function ownRuntimeName(modelName: string): string {
  return `srt-${modelName}`;
}

/**
 * The model fields as the model-agent would report them, read from the runtime made for the
 * model: its first supported format, and the lower end of its size range as the parameter
 * size (OME's catalog sizes each runtime's range around its own model). Fields the runtime
 * does not state are absent.
 */
export function modelFieldsFromRuntime(
  runtime: RuntimeShape,
): AgentModelFields {
  const f = runtime.spec?.supportedModelFormats?.[0] ?? {};
  const fields: AgentModelFields = {};
  if (f.modelFormat?.name)
    fields.modelFormat = {
      name: f.modelFormat.name,
      version: f.modelFormat.version,
    };
  if (f.modelFramework?.name)
    fields.modelFramework = {
      name: f.modelFramework.name,
      version: f.modelFramework.version,
    };
  if (f.modelArchitecture) fields.modelArchitecture = f.modelArchitecture;
  if (f.quantization) fields.quantization = f.quantization;
  const min = runtime.spec?.modelSizeRange?.min;
  if (min) fields.modelParameterSize = min;
  return fields;
}
