import { OmeKind } from './kinds';
import { KubernetesObject } from './types';
import type { components } from './schema/openapi.types.generated';

/**
 * The value that replaces a secret (a model's plaintext `spec.storage.parameters.token`,
 * Secret data) in everything the OME backend hands out. Sending it back in an update keeps
 * the stored secret as it is.
 * @public
 */
export const OME_REDACTED_VALUE = '<redacted>';

/** Query of a cross-cluster list (`GET /<plural>`). @public */
export interface OmeListQuery {
  /** Only these clusters (all by default). */
  cluster?: string[];
  /** Only these namespaces (namespaced kinds). */
  namespace?: string[];
  /** A Kubernetes label selector, e.g. `team=a,tier!=gpu`. */
  labelSelector?: string;
  /** Case-insensitive substring of name, namespace or the kind's summary columns. */
  search?: string;
  /** A column id of the kind (see `omeColumns`); `name` by default. */
  sort?: string;
  order?: 'asc' | 'desc';
  /** Index of the first item of the page (0 by default). */
  offset?: number;
  /** Page size (all items when absent; at most 1000). */
  limit?: number;
}

/** What the caller may do with one object (computed by the backend's permission checks). @public */
export interface OmeItemActions {
  update: boolean;
  delete: boolean;
}

/** Figures over the whole filtered list (before paging). @public */
export interface OmeListStats {
  total: number;
  byCluster: Record<string, number>;
  /** Count per state as `omeObjectState` derives it (e.g. Ready, Failed, Unknown). */
  byState: Record<string, number>;
}

/** A field-level validation problem. `path` is dotted, e.g. `spec.engine.minReplicas`, `metadata.name`. @public */
export interface OmeFieldError {
  path: string;
  message: string;
}

/** One JSON patch (RFC 6902) operation, with the value it replaces for display. @public */
export interface OmePatchOperation {
  op: 'add' | 'remove' | 'replace';
  /** JSON pointer, e.g. `/spec/engine/minReplicas`. */
  path: string;
  value?: unknown;
  /** The value before the change (for `remove` and `replace`). */
  oldValue?: unknown;
}

/**
 * Answer of a create, update, clone or delete (also with `dryRun`): the object as the cluster
 * answered (redacted), what changed against the live object, and admission warnings.
 * @public
 */
export interface OmeWriteResult<T extends KubernetesObject = KubernetesObject> {
  cluster: string;
  /** The object after the write, or what it would be after a dry run. */
  object: T;
  /** Whether anything was (or, in a dry run, would be) written. */
  changed: boolean;
  dryRun: boolean;
  /** Changes against the live object (an empty list for an unchanged save; the whole object as `add /` for a create). */
  patch: OmePatchOperation[];
  /** Warnings of the apiserver and admission (e.g. a ValidatingAdmissionPolicy in Warn mode). */
  warnings: string[];
}

/** Body of `POST .../<name>/clone`. @public */
export interface OmeCloneRequest {
  /** Name of the copy. */
  name: string;
  /** Target cluster (the source's by default). */
  cluster?: string;
  /** Target namespace of a namespaced kind (the source's by default). */
  namespace?: string;
}

/** Body of `POST /import`: the documents themselves (`yaml`) or where to read them (`url`). @public */
export interface OmeImportRequest {
  cluster: string;
  /** Namespace for namespaced documents that name none. */
  namespace?: string;
  /** One or more YAML (or JSON) documents separated by `---`. */
  yaml?: string;
  /**
   * A URL the backend reads the documents from, through Backstage's `UrlReaderService`
   * (the portal's integrations and `backend.reading.allow`).
   */
  url?: string;
}

/** @public */
export type OmeImportOutcome =
  | 'created'
  | 'updated'
  | 'unchanged'
  /** Would be created/updated (dry run, or not applied because another document failed). */
  | 'valid'
  | 'refused'
  | 'failed'
  /** Created, then deleted again because a later document failed. */
  | 'rolled-back';

/** @public */
export interface OmeImportDocumentResult {
  /** 0-based index of the document in the YAML. */
  index: number;
  kind?: string;
  name?: string;
  namespace?: string;
  outcome: OmeImportOutcome;
  message?: string;
  fieldErrors?: OmeFieldError[];
  warnings?: string[];
}

/** Answer of `POST /import`: all documents are applied, or none. @public */
export interface OmeImportResponse {
  cluster: string;
  dryRun: boolean;
  /** Whether every document was applied (or, in a dry run, would be). */
  applied: boolean;
  results: OmeImportDocumentResult[];
}

/** Whether and in which versions a kind's CRD is served by a cluster. @public */
export interface OmeKindAvailability {
  kind: OmeKind;
  installed: boolean;
  /** Served versions of the `ome.io` group that include the kind, e.g. `['v1beta1']`. */
  versions: string[];
}

/** @public */
export interface OmeNamespace {
  cluster: string;
  name: string;
  labels?: Record<string, string>;
}

/** Answer of `GET /namespaces`. @public */
export interface OmeNamespacesResponse {
  items: OmeNamespace[];
  errors: OmeClusterError[];
}

/**
 * Extra fields of the OME backend's error bodies, beside Backstage's
 * `{ error: { name, message }, request, response: { statusCode } }`.
 * @public
 */
export interface OmeErrorDetails {
  /** 422: field-level problems (from the schemas in this package or the cluster's answer). */
  fieldErrors?: OmeFieldError[];
  /** 422: `schema` (rejected by the CRD's OpenAPI schema or this package's), `admission` (by an admission policy or webhook). */
  rejectedBy?: 'schema' | 'admission';
  /** 409: the object as it is now in the cluster (redacted). */
  live?: KubernetesObject;
  warnings?: string[];
  /** 503 and cluster errors: the cluster concerned. */
  cluster?: string;
}

/** One object in a cross-cluster list, tagged with the cluster it came from. @public */
export interface OmeListItem<T extends KubernetesObject = KubernetesObject> {
  cluster: string;
  object: T;
  /** The caller's allowed actions on this object, when the backend computed them. */
  actions?: OmeItemActions;
}

/** Why a cluster contributed nothing (or not everything) to a response. @public */
export interface OmeClusterError {
  cluster: string;
  /** `unreachable`: no answer; `forbidden`: the cluster refused; `not-installed`: the kind's CRD is absent. */
  reason: 'unreachable' | 'forbidden' | 'not-installed' | 'error';
  message: string;
  statusCode?: number;
  /** The cluster is down and the answer holds its cached objects as of this time (ISO 8601). */
  staleSince?: string;
  /** With `staleSince`: how old the cached data served is, in seconds. */
  dataAgeSeconds?: number;
}

/** @public */
export interface OmeListResponse<
  T extends KubernetesObject = KubernetesObject,
> {
  /** The requested page of the filtered, sorted list. */
  items: OmeListItem<T>[];
  /** Items matching the filters in all asked clusters, before paging. */
  totalCount: number;
  offset: number;
  limit?: number;
  stats: OmeListStats;
  /** Clusters that could not be read (unreachable, forbidden, ...). */
  errors: OmeClusterError[];
  /** Clusters where the kind's CRD is not installed: not an error, the kind is simply absent there. */
  notInstalled: string[];
}

/** @public */
export interface OmeClusterInfo {
  name: string;
  /** The cluster's title in the kubernetes backend's config, if any. */
  title?: string;
  reachable: boolean;
  /** The apiserver's gitVersion when reachable. */
  version?: string;
  error?: string;
  /** Which OME kinds the cluster serves (when reachable). */
  kinds?: OmeKindAvailability[];
  /** How the OME backend caches the cluster (down: reads serve data as of `staleSince`). */
  cache?: OmeClusterCacheStatus;
}

/** The OME backend's watch-backed cache of one cluster (`ClusterInfo.cache`). @public */
export type OmeClusterCacheStatus = components['schemas']['ClusterCacheStatus'];

/** @public */
export interface OmeClustersResponse {
  items: OmeClusterInfo[];
}

/** Per kind, how many objects the caller may read, per cluster and state (`GET /counts`). @public */
export type OmeKindCounts = components['schemas']['KindCounts'];

/** Answer of `GET /counts`. @public */
export type OmeCountsResponse = components['schemas']['CountsResponse'];

/** Answer of `GET /clusters/{cluster}/schemas/{plural}`: the kind's schema as the cluster serves it. @public */
export type OmeKindSchema = components['schemas']['KindSchema'];

/** Answer of `GET /permissions/create`. @public */
export type OmeCreateDecision = components['schemas']['CreateDecision'];
