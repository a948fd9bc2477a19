import { createApiRef } from '@backstage/core-plugin-api';
import {
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
import { OmeCountsResponse } from './contract';

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
}

/** @public */
export const omeApiRef = createApiRef<OmeApi>({ id: 'plugin.ome.api' });
