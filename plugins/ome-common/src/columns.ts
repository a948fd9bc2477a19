import { OmeKind, omeKindInfo } from './kinds';
import { modelState } from './models';
import { BaseModelResource, KubernetesObject } from './types';

/** A table column of an OME kind. `value` never throws and returns undefined when absent. @public */
export interface OmeColumn {
  id: string;
  title: string;
  value(object: KubernetesObject): string | number | boolean | undefined;
}

type Value = string | number | boolean | undefined;

function rec(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}

function at(object: unknown, ...path: string[]): unknown {
  let cur: unknown = object;
  for (const k of path) cur = rec(cur)[k];
  return cur;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function joined(values: unknown[]): string | undefined {
  const parts = [...new Set(values.map(text).filter((s): s is string => !!s))];
  return parts.length ? parts.join(', ') : undefined;
}

function col(
  id: string,
  title: string,
  value: (o: KubernetesObject) => Value,
): OmeColumn {
  return {
    id,
    title,
    value: o => {
      try {
        return value(o);
      } catch {
        return undefined;
      }
    },
  };
}

const spec = (o: KubernetesObject, ...path: string[]) => at(o, 'spec', ...path);
const status = (o: KubernetesObject, ...path: string[]) =>
  at(o, 'status', ...path);

function condition(o: KubernetesObject, type: string): string | undefined {
  const c = list(status(o, 'conditions')).find(x => rec(x).type === type);
  return text(rec(c).status);
}

const CONDITION_STATES: Record<string, string> = {
  True: 'Ready',
  False: 'NotReady',
};

/**
 * The state shown for an object, by kind:
 * - models: OME's `status.state` (see `modelState`), `Unknown` otherwise;
 * - InferenceService: condition `Ready` True → `Ready`, False → `NotReady`, else `Unknown`;
 * - serving runtimes (no status): `Disabled` when `spec.disabled` is true, else `Enabled`;
 * - AcceleratorClass: `Available` when the status reports nodes or accelerators, else `Unknown`;
 * - BenchmarkJob: `status.state`; else `Running` when started, `Pending` when not;
 *   `Unknown` without a status;
 * - FineTunedWeight: `status.state` or `Unknown`.
 * @public
 */
export function omeObjectState(
  kind: OmeKind,
  object: KubernetesObject,
): string {
  try {
    switch (kind) {
      case 'ClusterBaseModel':
      case 'BaseModel':
        return modelState({
          ...object,
          status: rec(object?.status),
        } as BaseModelResource);
      case 'InferenceService':
        return CONDITION_STATES[condition(object, 'Ready') ?? ''] ?? 'Unknown';
      case 'ClusterServingRuntime':
      case 'ServingRuntime':
        return spec(object, 'disabled') === true ? 'Disabled' : 'Enabled';
      case 'AcceleratorClass': {
        const s = rec(object?.status);
        return list(s.nodes).length > 0 ||
          (num(s.availableNodes) ?? 0) > 0 ||
          (num(s.totalAccelerators) ?? 0) > 0
          ? 'Available'
          : 'Unknown';
      }
      case 'BenchmarkJob': {
        const state = text(status(object, 'state'));
        if (state) return state;
        if (object?.status === undefined) return 'Unknown';
        if (text(status(object, 'completionTime'))) return 'Completed';
        return text(status(object, 'startTime')) ? 'Running' : 'Pending';
      }
      case 'FineTunedWeight':
        return text(status(object, 'state')) ?? 'Unknown';
      default:
        return 'Unknown';
    }
  } catch {
    return 'Unknown';
  }
}

function nameVersion(v: unknown): string | undefined {
  const name = text(rec(v).name);
  if (!name) return undefined;
  const version = text(rec(v).version);
  return version ? `${name} ${version}` : name;
}

function modelColumns(): OmeColumn[] {
  return [
    col('displayName', 'Display name', o => text(spec(o, 'displayName'))),
    col('vendor', 'Vendor', o => text(spec(o, 'vendor'))),
    col('format', 'Format', o => nameVersion(spec(o, 'modelFormat'))),
    col('framework', 'Framework', o => nameVersion(spec(o, 'modelFramework'))),
    col('architecture', 'Architecture', o =>
      text(spec(o, 'modelArchitecture')),
    ),
    col('size', 'Size', o => text(spec(o, 'modelParameterSize'))),
    col('capabilities', 'Capabilities', o =>
      joined(list(spec(o, 'modelCapabilities'))),
    ),
    col('disabled', 'Disabled', o => spec(o, 'disabled') === true),
    col('nodesReady', 'Ready nodes', o => list(status(o, 'nodesReady')).length),
    col(
      'nodesFailed',
      'Failed nodes',
      o => list(status(o, 'nodesFailed')).length,
    ),
  ];
}

function runtimeColumns(): OmeColumn[] {
  const formats = (o: KubernetesObject) =>
    list(spec(o, 'supportedModelFormats'));
  const range = (o: KubernetesObject) => {
    const min = text(spec(o, 'modelSizeRange', 'min'));
    const max = text(spec(o, 'modelSizeRange', 'max'));
    if (!min && !max) return undefined;
    return `${min ?? ''}–${max ?? ''}`;
  };
  const has = (key: string) => (o: KubernetesObject) =>
    Object.keys(rec(spec(o, key))).length > 0;
  return [
    col('formats', 'Formats', o =>
      joined(formats(o).map(f => at(f, 'modelFormat', 'name'))),
    ),
    col('frameworks', 'Frameworks', o =>
      joined(formats(o).map(f => nameVersion(at(f, 'modelFramework')))),
    ),
    col('architectures', 'Architectures', o =>
      joined(formats(o).map(f => at(f, 'modelArchitecture'))),
    ),
    col('sizeRange', 'Size range', range),
    col('engine', 'Engine', has('engineConfig')),
    col('decoder', 'Decoder', has('decoderConfig')),
    col('router', 'Router', has('routerConfig')),
    col('images', 'Images', o =>
      joined([
        ...list(spec(o, 'containers')).map(c => at(c, 'image')),
        at(o, 'spec', 'engineConfig', 'runner', 'image'),
      ]),
    ),
    col('disabled', 'Disabled', o => spec(o, 'disabled') === true),
  ];
}

function isvcColumns(): OmeColumn[] {
  return [
    col('model', 'Model', o => text(spec(o, 'model', 'name'))),
    col('runtime', 'Runtime', o => text(spec(o, 'runtime', 'name'))),
    col(
      'url',
      'URL',
      o => text(status(o, 'url')) ?? text(status(o, 'address', 'url')),
    ),
    col('ready', 'Ready', o => condition(o, 'Ready')),
    col('components', 'Components', o =>
      joined(
        ['engine', 'decoder', 'router'].filter(
          c => rec(o?.spec)[c] !== undefined && rec(o?.spec)[c] !== null,
        ),
      ),
    ),
    col('minReplicas', 'Min replicas', o =>
      num(spec(o, 'engine', 'minReplicas')),
    ),
    col('maxReplicas', 'Max replicas', o =>
      num(spec(o, 'engine', 'maxReplicas')),
    ),
  ];
}

function acceleratorColumns(): OmeColumn[] {
  return [
    col('vendor', 'Vendor', o => text(spec(o, 'vendor'))),
    col('family', 'Family', o => text(spec(o, 'family'))),
    col('model', 'Model', o => text(spec(o, 'model'))),
    col('memory', 'Memory', o => text(spec(o, 'capabilities', 'memoryGB'))),
    col('nodes', 'Nodes', o => num(status(o, 'availableNodes'))),
    col('accelerators', 'Accelerators', o =>
      num(status(o, 'totalAccelerators')),
    ),
  ];
}

function benchmarkColumns(): OmeColumn[] {
  return [
    col('endpoint', 'Endpoint', o => {
      const isvc = rec(spec(o, 'endpoint', 'inferenceService'));
      const name = text(isvc.name);
      if (name)
        return text(isvc.namespace) ? `${isvc.namespace}/${name}` : name;
      return text(spec(o, 'endpoint', 'endpoint', 'url'));
    }),
    col('task', 'Task', o => text(spec(o, 'task'))),
    col('startTime', 'Started', o => text(status(o, 'startTime'))),
    col('completionTime', 'Completed', o => text(status(o, 'completionTime'))),
  ];
}

function ftwColumns(): OmeColumn[] {
  return [
    col('baseModel', 'Base model', o => text(spec(o, 'baseModelRef', 'name'))),
    col('modelType', 'Type', o => text(spec(o, 'modelType'))),
    col('vendor', 'Vendor', o => text(spec(o, 'vendor'))),
    col('version', 'Version', o => text(spec(o, 'version'))),
    col('disabled', 'Disabled', o => spec(o, 'disabled') === true),
  ];
}

const KIND_COLUMNS: Record<OmeKind, () => OmeColumn[]> = {
  ClusterBaseModel: modelColumns,
  BaseModel: modelColumns,
  ClusterServingRuntime: runtimeColumns,
  ServingRuntime: runtimeColumns,
  InferenceService: isvcColumns,
  AcceleratorClass: acceleratorColumns,
  BenchmarkJob: benchmarkColumns,
  FineTunedWeight: ftwColumns,
};

/**
 * Table columns of a kind, after OME's printer columns: `name`, `namespace` (namespaced
 * kinds), the kind's own columns, `state` (see `omeObjectState`) and `age` (the
 * creationTimestamp).
 * @public
 */
export function omeColumns(kind: OmeKind): OmeColumn[] {
  const columns = [col('name', 'Name', o => text(o?.metadata?.name))];
  if (omeKindInfo(kind).namespaced) {
    columns.push(
      col('namespace', 'Namespace', o => text(o?.metadata?.namespace)),
    );
  }
  columns.push(...KIND_COLUMNS[kind]());
  columns.push(col('state', 'State', o => omeObjectState(kind, o)));
  columns.push(col('age', 'Age', o => text(o?.metadata?.creationTimestamp)));
  return columns;
}

/** Lower-case text of an object's name, namespace and string columns, for free-text search. @public */
export function omeSearchText(kind: OmeKind, object: KubernetesObject): string {
  const parts = omeColumns(kind)
    .filter(c => c.id !== 'age')
    .map(c => c.value(object))
    .filter((v): v is string => typeof v === 'string' && v !== '');
  return parts.join(' ').toLowerCase();
}

const SIZE_SUFFIX: Record<string, number> = {
  K: 1e3,
  M: 1e6,
  B: 1e9,
  G: 1e9,
  T: 1e12,
};

/** Parses parameter sizes like `7B`, `1.5B`, `500M`, `8x7B`; undefined for anything else. @public */
export function parseParameterSize(s: string): number | undefined {
  const m = /^\s*(?:(\d+)\s*x\s*)?(\d+(?:\.\d+)?)\s*([KMBGT])\s*$/i.exec(s);
  if (!m) return undefined;
  const factor = m[1] ? Number(m[1]) : 1;
  return factor * Number(m[2]) * SIZE_SUFFIX[m[3].toUpperCase()];
}

function rank(v: unknown): number {
  if (v === undefined || v === null || v === '') return 3;
  return typeof v === 'number' || typeof v === 'boolean' ? 0 : 1;
}

/**
 * "model-2" before "model-10", case-insensitive. One collator for every comparison: passing
 * these options to `localeCompare` builds a new collator per call, which made sorting 20,000
 * rows take a second (`npm run bench` found it); this takes 40 ms.
 */
const NATURAL_ORDER = new Intl.Collator(undefined, {
  numeric: true,
  sensitivity: 'base',
});

/**
 * Compares column values for sorting: numbers and booleans numerically, parameter sizes
 * (`7B < 70B < 1.5T`) by size, other strings in natural order, and
 * empty values last.
 * @public
 */
export function compareColumnValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 3) return 0;
  if (ra === 0) return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  const na = parseParameterSize(sa);
  const nb = parseParameterSize(sb);
  if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
  return NATURAL_ORDER.compare(sa, sb);
}

/** A reference from one OME object to another. @public */
export interface OmeRelatedRef {
  kind: OmeKind;
  name: string;
  namespace?: string;
  /** How they relate, e.g. `model`, `runtime`, `accelerator`, `base model`, `endpoint`. */
  relation: string;
}

/**
 * The OME objects an object refers to: an InferenceService's model (`spec.model.kind`,
 * ClusterBaseModel by default as in the CRD) and runtime (`spec.runtime.kind`,
 * ClusterServingRuntime by default), a runtime's accelerator classes, a FineTunedWeight's
 * base model (a BaseModel when `baseModelRef.namespace` is set), a BenchmarkJob's
 * InferenceService. Refs of an unknown kind or without a name are left out.
 * @public
 */
export function omeRelatedRefs(
  kind: OmeKind,
  object: KubernetesObject,
): OmeRelatedRef[] {
  const refs: OmeRelatedRef[] = [];
  const ns = text(object?.metadata?.namespace);
  const add = (
    k: OmeKind,
    name: unknown,
    relation: string,
    namespace?: string,
  ) => {
    if (typeof name !== 'string' || !name) return;
    const n = name;
    const namespaced = omeKindInfo(k).namespaced;
    if (namespaced && !namespace) return;
    refs.push({
      kind: k,
      name: n,
      ...(namespaced ? { namespace } : {}),
      relation,
    });
  };
  try {
    switch (kind) {
      case 'InferenceService': {
        const modelKind =
          text(spec(object, 'model', 'kind')) ?? 'ClusterBaseModel';
        if (modelKind === 'ClusterBaseModel' || modelKind === 'BaseModel') {
          add(modelKind, spec(object, 'model', 'name'), 'model', ns);
        }
        for (const ftw of list(spec(object, 'model', 'fineTunedWeights'))) {
          add('FineTunedWeight', ftw, 'fine-tuned weight');
        }
        const runtimeKind =
          text(spec(object, 'runtime', 'kind')) ?? 'ClusterServingRuntime';
        if (
          runtimeKind === 'ClusterServingRuntime' ||
          runtimeKind === 'ServingRuntime'
        ) {
          add(runtimeKind, spec(object, 'runtime', 'name'), 'runtime', ns);
        }
        add(
          'AcceleratorClass',
          spec(object, 'acceleratorSelector', 'acceleratorClass'),
          'accelerator',
        );
        break;
      }
      case 'ClusterServingRuntime':
      case 'ServingRuntime':
        for (const a of list(
          spec(object, 'acceleratorRequirements', 'acceleratorClasses'),
        )) {
          add('AcceleratorClass', a, 'accelerator');
        }
        break;
      case 'FineTunedWeight': {
        const refNs = text(spec(object, 'baseModelRef', 'namespace'));
        add(
          refNs ? 'BaseModel' : 'ClusterBaseModel',
          spec(object, 'baseModelRef', 'name'),
          'base model',
          refNs,
        );
        break;
      }
      case 'BenchmarkJob': {
        const isvc = spec(object, 'endpoint', 'inferenceService');
        add(
          'InferenceService',
          at(isvc, 'name'),
          'endpoint',
          text(at(isvc, 'namespace')) ?? ns,
        );
        break;
      }
      default:
        break;
    }
  } catch {
    // tolerate any shape
  }
  return refs;
}
