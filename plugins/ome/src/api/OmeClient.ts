import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  BaseModelResource,
  KubernetesObject,
  OmeCloneRequest,
  OmeClustersResponse,
  OmeImportRequest,
  OmeImportResponse,
  OmeKind,
  omeKindInfo,
  OmeListItem,
  OmeListQuery,
  OmeListResponse,
  OmeNamespacesResponse,
  OmeWriteResult,
} from '@ome-console/plugin-ome-common';
import {
  JSONSchema,
  OmeApi,
  OmeCreateDecision,
  OmeCreateTarget,
  OmeRequestOptions,
  OmeResourceTarget,
  OmeWriteOptions,
} from './OmeApi';
import { OmeApiError } from './OmeApiError';

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const e = encodeURIComponent;

function queryString(params: Array<[string, string | number | undefined]>) {
  const parts = params
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${e(k)}=${e(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function normalizeList<T extends KubernetesObject>(
  body: any,
): OmeListResponse<T> {
  const items = arr<OmeListItem<T>>(body?.items);
  const stats = body?.stats && typeof body.stats === 'object' ? body.stats : {};
  return {
    items,
    totalCount:
      typeof body?.totalCount === 'number' ? body.totalCount : items.length,
    offset: typeof body?.offset === 'number' ? body.offset : 0,
    ...(typeof body?.limit === 'number' && { limit: body.limit }),
    stats: {
      total: typeof stats.total === 'number' ? stats.total : items.length,
      byCluster:
        stats.byCluster && typeof stats.byCluster === 'object'
          ? stats.byCluster
          : {},
      byState:
        stats.byState && typeof stats.byState === 'object'
          ? stats.byState
          : {},
    },
    errors: arr(body?.errors),
    notInstalled: arr<string>(body?.notInstalled).filter(
      c => typeof c === 'string',
    ),
  };
}

/**
 * Default {@link OmeApi} implementation: calls the OME backend through Backstage's
 * discovery and fetch APIs (the fetch API adds the user's Backstage token).
 * @public
 */
export class OmeClient implements OmeApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getClusters(
    options?: OmeRequestOptions,
  ): Promise<OmeClustersResponse> {
    const body = await this.request<OmeClustersResponse>(
      'GET',
      '/clusters',
      options,
    );
    return { items: arr(body?.items) };
  }

  async listNamespaces(
    options?: { cluster?: string[] } & OmeRequestOptions,
  ): Promise<OmeNamespacesResponse> {
    const qs = queryString(
      (options?.cluster ?? []).map(c => ['cluster', c] as [string, string]),
    );
    const body = await this.request<OmeNamespacesResponse>(
      'GET',
      `/namespaces${qs}`,
      options,
    );
    return { items: arr(body?.items), errors: arr(body?.errors) };
  }

  async listResources(
    kind: OmeKind,
    query: OmeListQuery = {},
    options?: OmeRequestOptions,
  ): Promise<OmeListResponse> {
    const qs = queryString([
      ...(query.cluster ?? []).map(c => ['cluster', c] as [string, string]),
      ...(query.namespace ?? []).map(
        n => ['namespace', n] as [string, string],
      ),
      ['labelSelector', query.labelSelector],
      ['search', query.search],
      ['sort', query.sort],
      ['order', query.order],
      ['offset', query.offset],
      ['limit', query.limit],
    ]);
    const body = await this.request(
      'GET',
      `/${omeKindInfo(kind).plural}${qs}`,
      options,
    );
    return normalizeList(body);
  }

  async getResource(
    kind: OmeKind,
    target: OmeResourceTarget,
    options?: OmeRequestOptions,
  ): Promise<OmeListItem> {
    return this.request<OmeListItem>(
      'GET',
      this.objectPath(kind, target),
      options,
    );
  }

  async createResource(
    kind: OmeKind,
    target: OmeCreateTarget,
    object: KubernetesObject,
    options?: OmeWriteOptions,
  ): Promise<OmeWriteResult> {
    const path = `${this.collectionPath(kind, target)}${dry(options)}`;
    return this.request<OmeWriteResult>('POST', path, options, object);
  }

  async updateResource(
    kind: OmeKind,
    target: OmeResourceTarget,
    object: KubernetesObject,
    options?: OmeWriteOptions,
  ): Promise<OmeWriteResult> {
    const path = `${this.objectPath(kind, target)}${dry(options)}`;
    return this.request<OmeWriteResult>('PUT', path, options, object);
  }

  async deleteResource(
    kind: OmeKind,
    target: OmeResourceTarget,
    options?: { resourceVersion?: string } & OmeWriteOptions,
  ): Promise<OmeWriteResult> {
    const qs = queryString([
      ['resourceVersion', options?.resourceVersion],
      ['dryRun', options?.dryRun ? 'true' : undefined],
    ]);
    return this.request<OmeWriteResult>(
      'DELETE',
      `${this.objectPath(kind, target)}${qs}`,
      options,
    );
  }

  async cloneResource(
    kind: OmeKind,
    target: OmeResourceTarget,
    request: OmeCloneRequest,
    options?: OmeRequestOptions,
  ): Promise<OmeWriteResult> {
    const path = `${this.objectPath(kind, target)}/clone${dry({
      dryRun: request.dryRun,
    })}`;
    return this.request<OmeWriteResult>('POST', path, options, request);
  }

  async mayCreate(
    kind: OmeKind,
    target: OmeCreateTarget,
    options?: OmeRequestOptions,
  ): Promise<OmeCreateDecision> {
    const qs = queryString([
      ['kind', kind],
      ['cluster', target.cluster],
      [
        'namespace',
        omeKindInfo(kind).namespaced ? target.namespace : undefined,
      ],
    ]);
    const body = await this.request<Partial<OmeCreateDecision>>(
      'GET',
      `/permissions/create${qs}`,
      options,
    );
    return {
      allowed: body?.allowed === true,
      conditional: body?.conditional === true,
      ...(typeof body?.reason === 'string' && { reason: body.reason }),
    };
  }

  async importYaml(
    request: OmeImportRequest,
    options?: OmeRequestOptions,
  ): Promise<OmeImportResponse> {
    const body = await this.request<OmeImportResponse>(
      'POST',
      `/import${dry({ dryRun: request.dryRun })}`,
      options,
      request,
    );
    return { ...body, results: arr(body?.results) };
  }

  async listClusterBaseModels(options?: {
    cluster?: string;
    signal?: AbortSignal;
  }): Promise<OmeListResponse<BaseModelResource>> {
    const list = await this.listResources(
      'ClusterBaseModel',
      options?.cluster ? { cluster: [options.cluster] } : {},
      options,
    );
    return list as OmeListResponse<BaseModelResource>;
  }

  async getKindSchema(
    kind: OmeKind,
    cluster: string,
    options?: OmeRequestOptions,
  ): Promise<JSONSchema> {
    return this.request<JSONSchema>(
      'GET',
      `/clusters/${e(cluster)}/schemas/${omeKindInfo(kind).plural}`,
      options,
    );
  }

  private collectionPath(kind: OmeKind, target: OmeCreateTarget): string {
    const info = omeKindInfo(kind);
    const ns =
      info.namespaced && target.namespace
        ? `/namespaces/${e(target.namespace)}`
        : '';
    return `/clusters/${e(target.cluster)}${ns}/${info.plural}`;
  }

  private objectPath(kind: OmeKind, target: OmeResourceTarget): string {
    return `${this.collectionPath(kind, target)}/${e(target.name)}`;
  }

  private async request<T>(
    method: string,
    path: string,
    options?: OmeRequestOptions,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ome');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: options?.signal,
    });
    if (!response.ok) {
      throw await OmeApiError.fromResponse(response);
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  }
}

function dry(options?: { dryRun?: boolean }): string {
  return options?.dryRun ? '?dryRun=true' : '';
}
