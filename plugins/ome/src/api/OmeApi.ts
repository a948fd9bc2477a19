import { createApiRef } from '@backstage/core-plugin-api';
import {
  HfImportRequest,
  HfImportResult,
  HfInspectRequest,
  HfInspection,
  HfModelInfo,
  KubernetesObject,
  OmeCloneRequest,
  OmeClustersResponse,
  OmeImportRequest,
  OmeImportResponse,
  OmeKind,
  OmeListItem,
  OmeListQuery,
  OmeListResponse,
  OmeAttentionResponse,
  OmeNamespacesResponse,
  OmeObjectRef,
  OmeWriteResult,
} from '@ome-console/plugin-ome-common';
import {
  OmeCountsResponse,
  OmeModelRuntimesResponse,
  OmeRuntimeModelsResponse,
  OmeEventsResponse,
  OmeModelProgressResponse,
  OmePodsResponse,
} from './contract';

/**
 * Where a new object goes: a cluster, and a namespace for namespaced kinds (else the
 * object's `metadata.namespace`).
 * @public
 */
export interface OmeCreateTarget {
  cluster: string;
  namespace?: string;
}

/**
 * The caller's create decision for one kind at one place (`GET /permissions/create`).
 * @public
 */
export interface OmeCreateDecision {
  /** Whether the caller may create an object of the kind there. */
  allowed: boolean;
  /** The policy decided with conditions: the object's own labels may still decide on submit. */
  conditional: boolean;
  /** Why not, when not allowed. */
  reason?: string;
}

/** Options shared by the OME client's calls. @public */
export interface OmeRequestOptions {
  signal?: AbortSignal;
}

/**
 * Options of writes: `dryRun` asks the cluster for the outcome without writing (the
 * `?dryRun=true` query parameter, the same for every write).
 * @public
 */
export interface OmeWriteOptions extends OmeRequestOptions {
  dryRun?: boolean;
}

/** An InferenceService: what the operate routes are about. @public */
export interface OmeServiceRef {
  cluster: string;
  namespace: string;
  name: string;
}

/** What to read of a container log. @public */
export interface OmeLogQuery {
  container?: string;
  /** The last lines (200 by default, at most 5000). */
  tailLines?: number;
  /** Keep the answer open and stream new lines. */
  follow?: boolean;
  timestamps?: boolean;
  /** The previous (crashed) instance of the container. */
  previous?: boolean;
}

/** A JSON schema, as a cluster serves a kind's CRD schema. @public */
export type OmeJsonSchema = Record<string, unknown>;

/**
 * Client for the OME backend plugin (`/api/ome`). Failed calls reject with a
 * `ResponseError` of `@backstage/errors`; {@link omeErrorDetails} reads the OME details.
 * @public
 */
export interface OmeApi {
  /** The clusters the OME backend knows, with reachability and the OME kinds each serves. */
  getClusters(options?: OmeRequestOptions): Promise<OmeClustersResponse>;
  /** The namespaces of the given clusters (of all clusters by default). */
  listNamespaces(
    options?: { cluster?: string[] } & OmeRequestOptions,
  ): Promise<OmeNamespacesResponse>;
  /**
   * A page of one kind's objects across clusters; the backend filters, sorts and pages.
   * Clusters that could not be read are listed in `errors`, clusters without the kind in
   * `notInstalled`; the others' objects are still in `items`.
   */
  listResources(
    kind: OmeKind,
    query?: OmeListQuery,
    options?: OmeRequestOptions,
  ): Promise<OmeListResponse>;
  /** Per kind, per cluster and per state, how many objects the caller may read. */
  getCounts(
    options?: { cluster?: string[] } & OmeRequestOptions,
  ): Promise<OmeCountsResponse>;
  /**
   * The dashboard's "needs attention" list (failed models, services not ready, disabled
   * runtimes in use, accelerators without capacity) over what the caller may read.
   */
  getAttention(
    options?: { cluster?: string[] } & OmeRequestOptions,
  ): Promise<OmeAttentionResponse>;
  /** One object. */
  getResource(
    ref: OmeObjectRef,
    options?: OmeRequestOptions,
  ): Promise<OmeListItem>;
  /** Creates an object (status 201), or with `dryRun` tells what would be created. */
  createResource(
    kind: OmeKind,
    target: OmeCreateTarget,
    object: KubernetesObject,
    options?: OmeWriteOptions,
  ): Promise<OmeWriteResult>;
  /**
   * Replaces an object with the edited one. The object keeps `metadata.resourceVersion` as
   * fetched: a stale one rejects with a 409 whose details carry the live object.
   */
  updateResource(
    ref: OmeObjectRef,
    object: KubernetesObject,
    options?: OmeWriteOptions,
  ): Promise<OmeWriteResult>;
  /** Deletes an object (only if still at `resourceVersion`, when given). */
  deleteResource(
    ref: OmeObjectRef,
    options?: { resourceVersion?: string } & OmeWriteOptions,
  ): Promise<OmeWriteResult>;
  /** Copies an object under a new name, possibly to another cluster or namespace. */
  cloneResource(
    ref: OmeObjectRef,
    request: OmeCloneRequest,
    options?: OmeWriteOptions,
  ): Promise<OmeWriteResult>;
  /**
   * May the caller create an object of this kind in this cluster (and namespace, required
   * for namespaced kinds)? One call per place, never per row; a refusal answers
   * `allowed: false`, not a 403.
   */
  mayCreate(
    kind: OmeKind,
    target: OmeCreateTarget,
    options?: OmeRequestOptions,
  ): Promise<OmeCreateDecision>;
  /** Applies one or more YAML documents to one cluster: all of them or none. */
  importYaml(
    request: OmeImportRequest,
    options?: OmeWriteOptions,
  ): Promise<OmeImportResponse>;
  /**
   * The kind's schema as the cluster serves it: its CRD's OpenAPI v3 schema
   * (`GET /clusters/{cluster}/schemas/{plural}`), for the YAML editor's completion and checks.
   */
  getKindSchema(
    kind: OmeKind,
    cluster: string,
    options?: OmeRequestOptions,
  ): Promise<OmeJsonSchema>;
  /**
   * The runtimes OME would pick from for a model (ClusterBaseModel or BaseModel), ranked, with
   * the first reason each other one is excluded; `namespace` is where the service would live.
   */
  getModelRuntimes(
    ref: OmeObjectRef,
    options?: { namespace?: string } & OmeRequestOptions,
  ): Promise<OmeModelRuntimesResponse>;
  /** The models a runtime (ClusterServingRuntime or ServingRuntime) can serve. */
  getRuntimeModels(
    ref: OmeObjectRef,
    options?: OmeRequestOptions,
  ): Promise<OmeRuntimeModelsResponse>;

  /** Models of the configured model hub whose id contains `search`. */
  searchHuggingFace(
    search: string,
    options?: { limit?: number } & OmeRequestOptions,
  ): Promise<HfModelInfo[]>;
  /** One hub model's card details and what its config.json and files say in OME's terms. */
  inspectHuggingFace(
    request: HfInspectRequest,
    options?: OmeRequestOptions,
  ): Promise<HfInspection>;
  /** Creates a ClusterBaseModel or BaseModel for a hub model (with its token Secret). */
  importHuggingFace(
    request: HfImportRequest,
    options?: OmeWriteOptions,
  ): Promise<HfImportResult>;
  /** The pods behind an InferenceService's components (operational read). */
  listServicePods(
    service: OmeServiceRef,
    options?: OmeRequestOptions,
  ): Promise<OmePodsResponse>;
  /** The Kubernetes events of an InferenceService and its pods, newest first. */
  listServiceEvents(
    service: OmeServiceRef,
    options?: OmeRequestOptions,
  ): Promise<OmeEventsResponse>;
  /**
   * A container log of one of the service's pods, as a byte stream (with `follow`, open until
   * `signal` aborts or the cluster ends it).
   */
  openPodLog(
    service: OmeServiceRef,
    pod: string,
    query: OmeLogQuery,
    options?: OmeRequestOptions,
  ): Promise<ReadableStream<Uint8Array>>;
  /** A BaseModel's or ClusterBaseModel's per-node download progress and the services using it. */
  getModelProgress(
    ref: OmeObjectRef,
    options?: OmeRequestOptions,
  ): Promise<OmeModelProgressResponse>;
}

/** @public */
export const omeApiRef = createApiRef<OmeApi>({ id: 'plugin.ome.api' });
