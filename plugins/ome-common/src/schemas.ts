import { z } from 'zod';
import type { OmeFieldError } from './api';
import { OME_API_GROUP, OME_API_VERSION, OmeKind, omeKindInfo } from './kinds';
import { validateNamespaceName, validateOmeName } from './names';

// Loose schemas for validation only: every object keeps unknown keys (`z.looseObject`), and
// parsed output is never what gets written to a cluster. Types, enums, minimums and required
// fields follow OME's CRDs (ome.io/v1beta1 openAPIV3Schema).

const str = z.string();
const int = z.number().int();
const bool = z.boolean();
const strList = z.array(z.string());
const strMap = z.record(z.string(), z.string());
const obj = z.record(z.string(), z.unknown());
const intOrString = z.union([int, z.string()]);
// resource.Quantity, an int-or-string with Kubernetes' quantity pattern (e.g. 80, "80Gi")
const quantity = z.union([
  z.number(),
  z
    .string()
    .regex(
      /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/,
      'must be a quantity such as 80, 80Gi or 1.5',
    ),
]);

const metadata = z.looseObject({
  name: str.optional(),
  namespace: str.optional(),
  labels: strMap.optional(),
  annotations: strMap.optional(),
});

const storage = z.looseObject({
  storageUri: str,
  path: str.optional(),
  schemaPath: str.optional(),
  key: str.optional(),
  parameters: strMap.optional(),
  nodeSelector: strMap.optional(),
  nodeAffinity: obj.optional(),
  downloadPolicy: z.enum(['AlwaysDownload', 'ReuseIfExists']).optional(),
});

const formatRef = z.looseObject({
  name: str,
  version: str.optional(),
  operator: str.optional(),
  weight: int.optional(),
});

const modelSpec = z.looseObject({
  storage,
  vendor: str.optional(),
  displayName: str.optional(),
  version: str.optional(),
  disabled: bool.optional(),
  compartmentID: str.optional(),
  modelType: str.optional(),
  modelArchitecture: str.optional(),
  modelParameterSize: str.optional(),
  quantization: str.optional(),
  maxTokens: int.optional(),
  modelFormat: formatRef.optional(),
  modelFramework: formatRef.optional(),
  modelCapabilities: strList.optional(),
  apiCapabilities: strList.optional(),
  servingMode: strList.optional(),
  additionalMetadata: strMap.optional(),
  modelConfiguration: obj.optional(),
  diffusionPipeline: obj.optional(),
});

const container = z.looseObject({ name: str, image: str.optional() });

const acceleratorPolicy = z.enum([
  'BestFit',
  'Cheapest',
  'MostCapable',
  'FirstAvailable',
]);

const acceleratorOverride = z.looseObject({
  acceleratorClass: str.optional(),
  policy: acceleratorPolicy.optional(),
  constraints: obj.optional(),
});

function componentSpec(runnerNameRequired: boolean) {
  const runner = z.looseObject({
    name: runnerNameRequired ? str : str.optional(),
    image: str.optional(),
  });
  const pod = z.looseObject({
    containers: z.array(container).optional(),
    initContainers: z.array(container).optional(),
    runner: runner.optional(),
    nodeSelector: strMap.optional(),
  });
  return z.looseObject({
    minReplicas: int.optional(),
    maxReplicas: int.optional(),
    scaleTarget: int.optional(),
    scaleMetric: z.enum(['cpu', 'memory', 'concurrency', 'rps']).optional(),
    minAvailable: intOrString.optional(),
    maxUnavailable: intOrString.optional(),
    canaryTrafficPercent: int.optional(),
    containerConcurrency: int.optional(),
    timeoutSeconds: int.optional(),
    labels: strMap.optional(),
    annotations: strMap.optional(),
    nodeSelector: strMap.optional(),
    containers: z.array(container).optional(),
    initContainers: z.array(container).optional(),
    runner: runner.optional(),
    config: strMap.optional(),
    acceleratorOverride: acceleratorOverride.optional(),
    leader: pod.optional(),
    worker: pod.extend({ size: int.optional() }).optional(),
  });
}

const runtimeSpec = z.looseObject({
  disabled: bool.optional(),
  supportedModelFormats: z
    .array(
      z.looseObject({
        name: str.optional(),
        version: str.optional(),
        modelFormat: formatRef,
        modelFramework: formatRef,
        modelArchitecture: str.optional(),
        modelType: str.optional(),
        quantization: str.optional(),
        autoSelect: bool.optional(),
        priority: int.min(1).optional(),
        acceleratorConfig: z.record(z.string(), obj).optional(),
      }),
    )
    .optional(),
  modelSizeRange: z
    .looseObject({ min: str.optional(), max: str.optional() })
    .optional(),
  protocolVersions: strList.optional(),
  acceleratorRequirements: z
    .looseObject({
      acceleratorClasses: strList.optional(),
      minMemory: int.min(0).optional(),
      minComputePerformanceTFLOPS: int.min(0).optional(),
      minArchitectureVersion: str.optional(),
      preferredPrecisions: strList.optional(),
      requiredFeatures: strList.optional(),
    })
    .optional(),
  engineConfig: componentSpec(true).optional(),
  decoderConfig: componentSpec(true).optional(),
  routerConfig: componentSpec(true).optional(),
  containers: z.array(container).optional(),
  labels: strMap.optional(),
  annotations: strMap.optional(),
  nodeSelector: strMap.optional(),
  workers: z.looseObject({ size: int.optional() }).optional(),
});

const nameRef = z.looseObject({
  name: str,
  kind: str.optional(),
  apiGroup: str.optional(),
});

const isvcSpec = z.looseObject({
  model: nameRef.extend({ fineTunedWeights: strList.optional() }).optional(),
  runtime: nameRef.optional(),
  engine: componentSpec(false).optional(),
  decoder: componentSpec(false).optional(),
  router: componentSpec(false).optional(),
  predictor: obj.optional(),
  kedaConfig: obj.optional(),
  acceleratorSelector: z
    .looseObject({
      acceleratorClass: str.optional(),
      policy: acceleratorPolicy.optional(),
      constraints: obj.optional(),
    })
    .optional(),
});

const acceleratorSpec = z.looseObject({
  vendor: str.optional(),
  family: str.optional(),
  model: str.optional(),
  capabilities: z.looseObject({
    memoryGB: quantity.optional(),
    memoryBandwidthGBps: quantity.optional(),
    computeCapability: str.optional(),
    clockSpeedMHz: int.optional(),
    features: strList.optional(),
    levelZeroVersion: str.optional(),
    performance: z.record(z.string(), z.unknown()).optional(),
  }),
  discovery: z.looseObject({
    nodeSelector: strMap.optional(),
    pciVendorID: str.optional(),
    deviceIDs: strList.optional(),
    affinity: obj.optional(),
  }),
  cost: z
    .looseObject({
      perHour: quantity.optional(),
      spotPerHour: quantity.optional(),
      perMillionTokens: quantity.optional(),
      tier: str.optional(),
    })
    .optional(),
  integration: z
    .looseObject({
      kueueResourceFlavor: str.optional(),
      volcanoGPUType: str.optional(),
    })
    .optional(),
  resources: z.array(obj).optional(),
});

const benchmarkSpec = z.looseObject({
  endpoint: z.looseObject({
    inferenceService: z.looseObject({ name: str, namespace: str }).optional(),
    endpoint: z
      .looseObject({
        url: z
          .string()
          .regex(/^(http|https):\/\//, 'must start with http:// or https://'),
        apiFormat: z.enum(['openai', 'oci-cohere', 'cohere']),
        modelName: str.optional(),
      })
      .optional(),
  }),
  task: z.enum([
    'text-to-text',
    'image-to-text',
    'text-to-embeddings',
    'image-to-embeddings',
  ]),
  maxRequestsPerIteration: int,
  maxTimePerIteration: int,
  outputLocation: storage,
  dataset: storage.optional(),
  numConcurrency: z.array(int).optional(),
  trafficScenarios: strList.optional(),
  additionalRequestParams: strMap.optional(),
  huggingFaceSecretReference: z.looseObject({ name: str }).optional(),
  serviceMetadata: z
    .looseObject({
      engine: z.enum(['vLLM', 'SGLang', 'TGI']),
      version: str,
      gpuType: z.enum(['H100', 'A100', 'MI300', 'A10']),
      gpuCount: int,
    })
    .optional(),
  podOverride: obj.optional(),
  resultFolderName: str.optional(),
});

const ftwSpec = z.looseObject({
  baseModelRef: z.looseObject({ name: str, namespace: str.optional() }),
  modelType: str,
  hyperParameters: obj,
  storage,
  trainingJobRef: z
    .looseObject({ name: str, namespace: str.optional() })
    .optional(),
  configuration: obj.optional(),
  disabled: bool.optional(),
  displayName: str.optional(),
  vendor: str.optional(),
  version: str.optional(),
  compartmentID: str.optional(),
});

function objectSchema(kind: OmeKind, spec: z.ZodType, specRequired: boolean) {
  return z.looseObject({
    apiVersion: z.literal(`${OME_API_GROUP}/${OME_API_VERSION}`, {
      error: `must be ${OME_API_GROUP}/${OME_API_VERSION}`,
    }),
    kind: z.literal(kind, { error: `must be ${kind}` }),
    metadata,
    spec: specRequired ? spec : spec.optional(),
  });
}

/**
 * Validation schemas of the OME kinds. Loose: unknown keys pass, and the parsed output must
 * never be sent to a cluster (send the original object). `spec` is required where the CRD's
 * spec has required fields (models, AcceleratorClass, BenchmarkJob, FineTunedWeight), which
 * is stricter than the CRDs (they leave `spec` itself optional).
 * @public
 */
export const omeObjectSchemas: Record<OmeKind, z.ZodType> = {
  ClusterBaseModel: objectSchema('ClusterBaseModel', modelSpec, true),
  BaseModel: objectSchema('BaseModel', modelSpec, true),
  ClusterServingRuntime: objectSchema(
    'ClusterServingRuntime',
    runtimeSpec,
    false,
  ),
  ServingRuntime: objectSchema('ServingRuntime', runtimeSpec, false),
  InferenceService: objectSchema('InferenceService', isvcSpec, false),
  AcceleratorClass: objectSchema('AcceleratorClass', acceleratorSpec, true),
  BenchmarkJob: objectSchema('BenchmarkJob', benchmarkSpec, true),
  FineTunedWeight: objectSchema('FineTunedWeight', ftwSpec, true),
};

const typeNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
};

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object'
    ? 'an object'
    : `${typeof value} ${JSON.stringify(value)}`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const expected = typeNames[issue.expected] ?? issue.expected;
      return `must be ${expected} (it is ${describeType(issue.input)})`;
    }
    case 'invalid_value':
      if (issue.input === undefined) return 'is required';
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_union':
      return issue.input === undefined
        ? 'is required'
        : 'has an unexpected type';
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid')
        ? issue.message
        : `must match the format ${issue.format}`;
    default:
      return issue.message;
  }
}

/**
 * Validates an object of an OME kind before it is written: apiVersion and kind, the name
 * (see `validateOmeName`), the namespace (required for namespaced kinds, absent for
 * cluster-scoped ones), and the schema of `omeObjectSchemas`. An empty list means valid.
 * `expectName`/`expectNamespace` check that an edit did not rename or move the object.
 * @public
 */
export function validateOmeObject(
  kind: OmeKind,
  object: unknown,
  options?: { expectName?: string; expectNamespace?: string },
): OmeFieldError[] {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    return [
      {
        path: '',
        message: `must be an object (it is ${describeType(object)})`,
      },
    ];
  }
  const errors: OmeFieldError[] = [];
  const result = omeObjectSchemas[kind].safeParse(object, {
    reportInput: true,
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      errors.push({
        path: issue.path.map(String).join('.'),
        message: issueMessage(issue),
      });
    }
  }
  const meta = (object as { metadata?: unknown }).metadata;
  if (meta !== null && typeof meta === 'object' && !Array.isArray(meta)) {
    const { name, namespace } = meta as { name?: unknown; namespace?: unknown };
    const nameError = validateOmeName(kind, name);
    if (nameError) errors.push({ path: 'metadata.name', message: nameError });
    else if (options?.expectName !== undefined && name !== options.expectName) {
      errors.push({
        path: 'metadata.name',
        message: `must stay ${options.expectName} (renaming is not possible)`,
      });
    }
    if (omeKindInfo(kind).namespaced) {
      const nsError = validateNamespaceName(namespace);
      if (nsError)
        errors.push({ path: 'metadata.namespace', message: nsError });
      else if (
        options?.expectNamespace !== undefined &&
        namespace !== options.expectNamespace
      ) {
        errors.push({
          path: 'metadata.namespace',
          message: `must stay ${options.expectNamespace} (moving to another namespace is not possible)`,
        });
      }
    } else if (namespace !== undefined && namespace !== '') {
      errors.push({
        path: 'metadata.namespace',
        message: `must be absent: ${kind} is cluster-scoped`,
      });
    }
  } else if (meta === undefined) {
    errors.push({ path: 'metadata.name', message: 'is required' });
  }
  return dedupe(errors);
}

function dedupe(errors: OmeFieldError[]): OmeFieldError[] {
  const seen = new Set<string>();
  return errors.filter(e => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
