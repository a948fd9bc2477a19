/**
 * The API group of every OME custom resource.
 * @public
 */
export const OME_API_GROUP = 'ome.io';
/** @public */
export const OME_API_VERSION = 'v1beta1';

/** @public */
export type OmeKind =
  | 'ClusterBaseModel'
  | 'BaseModel'
  | 'ClusterServingRuntime'
  | 'ServingRuntime'
  | 'InferenceService'
  | 'AcceleratorClass'
  | 'BenchmarkJob'
  | 'FineTunedWeight';

/** @public */
export interface OmeKindInfo {
  kind: OmeKind;
  /** Kubernetes' plural resource name; also the path segment of the OME backend routes. */
  plural: string;
  namespaced: boolean;
  /** Whether the CRD has a status subresource (serving runtimes have none). */
  hasStatus: boolean;
  shortNames: string[];
}

/**
 * Where one OME object lives: the one name for `{cluster, kind, namespace?, name}` in the
 * OME plugins (routes, permission refs, the client, screens).
 * @public
 */
export interface OmeObjectRef {
  /** The cluster's name, as the kubernetes backend names it. */
  cluster: string;
  /** The object's OME kind. */
  kind: OmeKind;
  /** Undefined for cluster-scoped kinds. */
  namespace?: string;
  /** The object's `metadata.name`. */
  name: string;
}

/**
 * The eight OME kinds, as OME's CRDs declare them (scope, plural, status subresource).
 * @public
 */
export const OME_KINDS: readonly OmeKindInfo[] = [
  { kind: 'ClusterBaseModel', plural: 'clusterbasemodels', namespaced: false, hasStatus: true, shortNames: [] },
  { kind: 'BaseModel', plural: 'basemodels', namespaced: true, hasStatus: true, shortNames: [] },
  { kind: 'ClusterServingRuntime', plural: 'clusterservingruntimes', namespaced: false, hasStatus: false, shortNames: [] },
  { kind: 'ServingRuntime', plural: 'servingruntimes', namespaced: true, hasStatus: false, shortNames: [] },
  { kind: 'InferenceService', plural: 'inferenceservices', namespaced: true, hasStatus: true, shortNames: ['isvc'] },
  { kind: 'AcceleratorClass', plural: 'acceleratorclasses', namespaced: false, hasStatus: true, shortNames: [] },
  { kind: 'BenchmarkJob', plural: 'benchmarkjobs', namespaced: true, hasStatus: true, shortNames: [] },
  { kind: 'FineTunedWeight', plural: 'finetunedweights', namespaced: false, hasStatus: true, shortNames: [] },
];

/** @public */
export function omeKindByPlural(plural: string): OmeKindInfo | undefined {
  return OME_KINDS.find(k => k.plural === plural);
}

/** @public */
export function omeKindInfo(kind: OmeKind): OmeKindInfo {
  const info = OME_KINDS.find(k => k.kind === kind);
  if (!info) throw new Error(`Unknown OME kind ${kind}`);
  return info;
}

/**
 * The Kubernetes API path of a kind's collection, or of one object when `name` is given.
 * @public
 */
export function omeResourcePath(
  kind: OmeKind,
  opts: { namespace?: string; name?: string } = {},
): string {
  const info = omeKindInfo(kind);
  const base = `/apis/${OME_API_GROUP}/${OME_API_VERSION}`;
  const ns =
    info.namespaced && opts.namespace
      ? `/namespaces/${encodeURIComponent(opts.namespace)}`
      : '';
  const name = opts.name ? `/${encodeURIComponent(opts.name)}` : '';
  return `${base}${ns}/${info.plural}${name}`;
}

/**
 * Where an object's page is, relative to where the OME pages are mounted (`/ome` in the
 * example app): `/<plural>/<cluster>[/<namespace>]/<name>`, each part URI-encoded. The
 * frontend's links and the backend modules' entity links and template outputs share it.
 * @public
 */
export function omeObjectPagePath(ref: OmeObjectRef): string {
  const info = omeKindInfo(ref.kind);
  const e = encodeURIComponent;
  const ns = info.namespaced ? `/${e(ref.namespace ?? '')}` : '';
  return `/${info.plural}/${e(ref.cluster)}${ns}/${e(ref.name)}`;
}
