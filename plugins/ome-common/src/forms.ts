import { OME_API_GROUP, OME_API_VERSION, OmeKind, omeKindInfo } from './kinds';
import { deepEqual, getAtPath, setAtPath } from './patch';
import { KubernetesObject } from './types';

/** @public */
export type OmeFormFieldType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'select'
  | 'stringList'
  | 'keyValue';

/** One field of the create/edit form of a kind; `id` is its dotted `path`. @public */
export interface OmeFormField {
  id: string;
  path: readonly string[];
  label: string;
  type: OmeFormFieldType;
  options?: readonly string[];
  required?: boolean;
  help?: string;
  /** Shown on create only (name, namespace cannot change). */
  createOnly?: boolean;
}

/** Form values keyed by field id. @public */
export type OmeFormValues = Record<string, unknown>;

type FieldSpec = Omit<OmeFormField, 'id' | 'path'> & { path: string };

function fields(specs: FieldSpec[]): readonly OmeFormField[] {
  return specs.map(s => ({ ...s, id: s.path, path: s.path.split('.') }));
}

const name: FieldSpec = {
  path: 'metadata.name',
  label: 'Name',
  type: 'string',
  required: true,
  createOnly: true,
};
const namespace: FieldSpec = {
  path: 'metadata.namespace',
  label: 'Namespace',
  type: 'string',
  required: true,
  createOnly: true,
};
const labels: FieldSpec = {
  path: 'metadata.labels',
  label: 'Labels',
  type: 'keyValue',
};

function meta(kind: OmeKind): FieldSpec[] {
  return omeKindInfo(kind).namespaced
    ? [name, namespace, labels]
    : [name, labels];
}

const modelFields: FieldSpec[] = [
  { path: 'spec.displayName', label: 'Display name', type: 'string' },
  { path: 'spec.vendor', label: 'Vendor', type: 'string' },
  { path: 'spec.version', label: 'Version', type: 'string' },
  {
    path: 'spec.storage.storageUri',
    label: 'Storage URI',
    type: 'string',
    required: true,
    help: 'e.g. hf://meta-llama/Llama-3.1-8B-Instruct or oci://n/<namespace>/b/<bucket>/o/<prefix>',
  },
  { path: 'spec.storage.path', label: 'Path on the nodes', type: 'string' },
  {
    path: 'spec.storage.key',
    label: 'Secret with the storage credentials',
    type: 'string',
    help: "For Hugging Face, a Secret with the token in key 'token'",
  },
  {
    path: 'spec.modelFormat.name',
    label: 'Format',
    type: 'string',
    help: 'Filled in by the model-agent when empty (e.g. safetensors)',
  },
  { path: 'spec.modelFormat.version', label: 'Format version', type: 'string' },
  {
    path: 'spec.modelFramework.name',
    label: 'Framework',
    type: 'string',
    help: 'Filled in by the model-agent when empty (e.g. transformers)',
  },
  {
    path: 'spec.modelFramework.version',
    label: 'Framework version',
    type: 'string',
  },
  { path: 'spec.modelArchitecture', label: 'Architecture', type: 'string' },
  {
    path: 'spec.modelParameterSize',
    label: 'Parameter size',
    type: 'string',
    help: 'e.g. 8B',
  },
  { path: 'spec.modelType', label: 'Model type', type: 'string' },
  { path: 'spec.quantization', label: 'Quantization', type: 'string' },
  { path: 'spec.maxTokens', label: 'Max tokens', type: 'number' },
  {
    path: 'spec.modelCapabilities',
    label: 'Capabilities',
    type: 'stringList',
    help: 'e.g. TEXT_GENERATION, CHAT, EMBEDDING',
  },
  { path: 'spec.disabled', label: 'Disabled', type: 'boolean' },
];

const runtimeFields: FieldSpec[] = [
  { path: 'spec.disabled', label: 'Disabled', type: 'boolean' },
  {
    path: 'spec.modelSizeRange.min',
    label: 'Smallest model size',
    type: 'string',
    help: 'e.g. 1B',
  },
  {
    path: 'spec.modelSizeRange.max',
    label: 'Largest model size',
    type: 'string',
    help: 'e.g. 70B',
  },
  {
    path: 'spec.protocolVersions',
    label: 'Protocol versions',
    type: 'stringList',
    help: 'e.g. openAI',
  },
  {
    path: 'spec.acceleratorRequirements.acceleratorClasses',
    label: 'Accelerator classes',
    type: 'stringList',
  },
  {
    path: 'spec.engineConfig.runner.name',
    label: 'Engine container name',
    type: 'string',
    help: 'Required by the CRD once the engine runner is set',
  },
  {
    path: 'spec.engineConfig.runner.image',
    label: 'Engine image',
    type: 'string',
  },
  {
    path: 'spec.decoderConfig.runner.name',
    label: 'Decoder container name',
    type: 'string',
    help: 'Required by the CRD once the decoder runner is set',
  },
  {
    path: 'spec.decoderConfig.runner.image',
    label: 'Decoder image',
    type: 'string',
  },
  {
    path: 'spec.routerConfig.runner.name',
    label: 'Router container name',
    type: 'string',
    help: 'Required by the CRD once the router runner is set',
  },
  {
    path: 'spec.routerConfig.runner.image',
    label: 'Router image',
    type: 'string',
  },
];

function replicas(component: string, label: string): FieldSpec[] {
  return [
    {
      path: `spec.${component}.minReplicas`,
      label: `${label} min replicas`,
      type: 'number',
    },
    {
      path: `spec.${component}.maxReplicas`,
      label: `${label} max replicas`,
      type: 'number',
    },
  ];
}

const isvcFields: FieldSpec[] = [
  { path: 'spec.model.name', label: 'Model', type: 'string', required: true },
  {
    path: 'spec.model.kind',
    label: 'Model kind',
    type: 'select',
    options: ['ClusterBaseModel', 'BaseModel'],
    help: 'ClusterBaseModel when empty',
  },
  {
    path: 'spec.runtime.name',
    label: 'Runtime',
    type: 'string',
    help: 'OME selects a matching runtime when empty',
  },
  {
    path: 'spec.runtime.kind',
    label: 'Runtime kind',
    type: 'select',
    options: ['ClusterServingRuntime', 'ServingRuntime'],
    help: 'ClusterServingRuntime when empty',
  },
  ...replicas('engine', 'Engine'),
  ...replicas('decoder', 'Decoder'),
  ...replicas('router', 'Router'),
];

const acceleratorFields: FieldSpec[] = [
  { path: 'spec.vendor', label: 'Vendor', type: 'string' },
  { path: 'spec.family', label: 'Family', type: 'string' },
  { path: 'spec.model', label: 'Model', type: 'string' },
  {
    path: 'spec.capabilities.memoryGB',
    label: 'Memory (GB)',
    type: 'string',
    help: 'A quantity, e.g. 80',
  },
  {
    path: 'spec.capabilities.computeCapability',
    label: 'Compute capability',
    type: 'string',
  },
  { path: 'spec.capabilities.features', label: 'Features', type: 'stringList' },
  {
    path: 'spec.discovery.nodeSelector',
    label: 'Node selector',
    type: 'keyValue',
  },
  {
    path: 'spec.discovery.pciVendorID',
    label: 'PCI vendor ID',
    type: 'string',
  },
  { path: 'spec.cost.tier', label: 'Cost tier', type: 'string' },
];

const benchmarkFields: FieldSpec[] = [
  {
    path: 'spec.endpoint.inferenceService.name',
    label: 'InferenceService',
    type: 'string',
  },
  {
    path: 'spec.endpoint.inferenceService.namespace',
    label: 'InferenceService namespace',
    type: 'string',
  },
  {
    path: 'spec.task',
    label: 'Task',
    type: 'select',
    required: true,
    options: [
      'text-to-text',
      'image-to-text',
      'text-to-embeddings',
      'image-to-embeddings',
    ],
  },
  {
    path: 'spec.maxRequestsPerIteration',
    label: 'Max requests per iteration',
    type: 'number',
    required: true,
  },
  {
    path: 'spec.maxTimePerIteration',
    label: 'Max time per iteration (minutes)',
    type: 'number',
    required: true,
  },
  {
    path: 'spec.trafficScenarios',
    label: 'Traffic scenarios',
    type: 'stringList',
    help: 'e.g. D(100,1000), N(480,240)/(300,150)',
  },
  {
    path: 'spec.outputLocation.storageUri',
    label: 'Output location',
    type: 'string',
    required: true,
  },
  { path: 'spec.dataset.storageUri', label: 'Dataset', type: 'string' },
];

const ftwFields: FieldSpec[] = [
  {
    path: 'spec.baseModelRef.name',
    label: 'Base model',
    type: 'string',
    required: true,
  },
  {
    path: 'spec.baseModelRef.namespace',
    label: 'Base model namespace',
    type: 'string',
    help: 'Set for a namespaced BaseModel',
  },
  {
    path: 'spec.modelType',
    label: 'Model type',
    type: 'string',
    required: true,
    help: 'e.g. LoRA',
  },
  {
    path: 'spec.storage.storageUri',
    label: 'Storage URI',
    type: 'string',
    required: true,
  },
  { path: 'spec.storage.path', label: 'Path on the nodes', type: 'string' },
  { path: 'spec.displayName', label: 'Display name', type: 'string' },
  { path: 'spec.vendor', label: 'Vendor', type: 'string' },
  { path: 'spec.version', label: 'Version', type: 'string' },
  { path: 'spec.disabled', label: 'Disabled', type: 'boolean' },
];

const KIND_FIELDS: Record<OmeKind, FieldSpec[]> = {
  ClusterBaseModel: modelFields,
  BaseModel: modelFields,
  ClusterServingRuntime: runtimeFields,
  ServingRuntime: runtimeFields,
  InferenceService: isvcFields,
  AcceleratorClass: acceleratorFields,
  BenchmarkJob: benchmarkFields,
  FineTunedWeight: ftwFields,
};

const FIELDS = new Map<OmeKind, readonly OmeFormField[]>();

/**
 * The fields of the create/edit form of a kind. Lists of objects (supported model formats,
 * containers, ...) are not flattened into fields: they are edited as YAML.
 * @public
 */
export function omeFormFields(kind: OmeKind): readonly OmeFormField[] {
  let f = FIELDS.get(kind);
  if (!f) {
    f = fields([...meta(kind), ...KIND_FIELDS[kind]]);
    FIELDS.set(kind, f);
  }
  return f;
}

function isStringMap(v: unknown): v is Record<string, string> {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.values(v).every(x => typeof x === 'string')
  );
}

function fits(field: OmeFormField, v: unknown): boolean {
  switch (field.type) {
    case 'string':
      return typeof v === 'string' || typeof v === 'number';
    case 'select':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'stringList':
      return Array.isArray(v) && v.every(x => typeof x === 'string');
    default:
      return isStringMap(v);
  }
}

/** Why the form cannot show a field's current value, or undefined when it can. */
function unsupported(field: OmeFormField, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const ok = fits(field, v);
  if (!ok) {
    return `${field.id} is ${JSON.stringify(v)}, which the ${
      field.type
    } field "${field.label}" cannot show`;
  }
  if (
    field.type === 'select' &&
    field.options &&
    !field.options.includes(v as string)
  ) {
    return `${field.id} is ${JSON.stringify(
      v,
    )}, not one of ${field.options.join(', ')}`;
  }
  return undefined;
}

function read(field: OmeFormField, object: unknown): unknown {
  const v = getAtPath(object, field.path);
  // a number in a text field (an int-or-string quantity such as memoryGB) is shown as text
  if (field.type === 'string' && typeof v === 'number') return String(v);
  return v === null ? undefined : v;
}

/**
 * The current form values of an object (missing fields are undefined). A value of a type the
 * field cannot show is returned as it is (see `formSupport`); it is written back only if changed.
 * @public
 */
export function readFormValues(
  kind: OmeKind,
  object: KubernetesObject,
): OmeFormValues {
  const values: OmeFormValues = {};
  for (const field of omeFormFields(kind))
    values[field.id] = read(field, object);
  return values;
}

function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.keys(v as object).length === 0)
  );
}

function removeAt(object: unknown, path: readonly string[]): unknown {
  let result = setAtPath(object, path, undefined);
  // A spec sub-object left empty by the removal (e.g. `runtime: {}` after clearing its name)
  // would fail the CRD's required fields; drop it too (it held nothing else).
  for (let depth = path.length - 1; depth > 1 && path[0] === 'spec'; depth--) {
    const parentPath = path.slice(0, depth);
    const parent = getAtPath(result, parentPath);
    if (!isEmpty(parent)) break;
    result = setAtPath(result, parentPath, undefined);
  }
  return result;
}

/**
 * Writes changed form values into a copy of `object`. Only fields whose value differs from
 * `readFormValues(kind, object)` are touched; everything else (unknown fields, key order)
 * stays as it is. An empty value (`''`, `undefined`, `[]`, `{}`) removes the field. Ids missing from
 * `values` count as unchanged.
 * @public
 */
export function applyFormValues(
  kind: OmeKind,
  object: KubernetesObject,
  values: OmeFormValues,
): KubernetesObject {
  const current = readFormValues(kind, object);
  let result: unknown = object;
  for (const field of omeFormFields(kind)) {
    if (!Object.prototype.hasOwnProperty.call(values, field.id)) continue;
    const next = values[field.id];
    if (deepEqual(next, current[field.id])) continue;
    if (isEmpty(next) && isEmpty(current[field.id])) continue;
    result = isEmpty(next)
      ? removeAt(result, field.path)
      : setAtPath(result, field.path, next);
  }
  return result as KubernetesObject;
}

/**
 * Whether the form can show an object: false when a field's current value has a type the
 * form cannot show (e.g. `spec.engine.minReplicas: "2"`); the reasons say which. The UI then
 * offers YAML editing only.
 * @public
 */
export function formSupport(
  kind: OmeKind,
  object: KubernetesObject,
): { ok: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    return { ok: false, reasons: ['the object is not a YAML mapping'] };
  }
  for (const field of omeFormFields(kind)) {
    // a parent that is not an object (e.g. `spec: []`) hides the field's value
    for (let i = 1; i < field.path.length; i++) {
      const parent = getAtPath(object, field.path.slice(0, i));
      if (
        parent !== undefined &&
        parent !== null &&
        (typeof parent !== 'object' || Array.isArray(parent))
      ) {
        reasons.push(
          `${field.path.slice(0, i).join('.')} is not an object, so "${
            field.label
          }" cannot be shown`,
        );
        break;
      }
    }
    const reason = unsupported(field, getAtPath(object, field.path));
    if (reason) reasons.push(reason);
  }
  const unique = [...new Set(reasons)];
  return { ok: unique.length === 0, reasons: unique };
}

const TEMPLATE_SPECS: Record<
  OmeKind,
  (ns?: string) => Record<string, unknown>
> = {
  ClusterBaseModel: () => ({ storage: { storageUri: '' } }),
  BaseModel: () => ({ storage: { storageUri: '' } }),
  ClusterServingRuntime: () => ({ supportedModelFormats: [] }),
  ServingRuntime: () => ({ supportedModelFormats: [] }),
  InferenceService: () => ({
    model: { name: '' },
    engine: { minReplicas: 1, maxReplicas: 1 },
  }),
  AcceleratorClass: () => ({
    capabilities: {},
    discovery: { nodeSelector: {} },
  }),
  BenchmarkJob: ns => ({
    endpoint: { inferenceService: { name: '', namespace: ns ?? '' } },
    task: 'text-to-text',
    maxRequestsPerIteration: 100,
    maxTimePerIteration: 15,
    outputLocation: { storageUri: '' },
  }),
  FineTunedWeight: () => ({
    baseModelRef: { name: '' },
    modelType: 'LoRA',
    hyperParameters: {},
    storage: { storageUri: '' },
  }),
};

/**
 * A minimal new object of a kind for the create page: it passes `validateOmeObject` once the
 * name (and namespace) are valid; its empty strings are the fields the user must fill in.
 * @public
 */
export function newOmeObject(
  kind: OmeKind,
  options: { name: string; namespace?: string },
): KubernetesObject {
  const namespaced = omeKindInfo(kind).namespaced;
  return {
    apiVersion: `${OME_API_GROUP}/${OME_API_VERSION}`,
    kind,
    metadata: namespaced
      ? { name: options.name, namespace: options.namespace ?? '' }
      : { name: options.name },
    spec: TEMPLATE_SPECS[kind](options.namespace),
  };
}
