import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  BaseModelResource,
  OmeClustersResponse,
  OmeListResponse,
} from '@ome-console/plugin-ome-common';
import { OmeApi } from './OmeApi';

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

  async getClusters(options?: {
    signal?: AbortSignal;
  }): Promise<OmeClustersResponse> {
    const body = await this.get<OmeClustersResponse>('/clusters', options);
    return { items: Array.isArray(body?.items) ? body.items : [] };
  }

  async listClusterBaseModels(options?: {
    cluster?: string;
    signal?: AbortSignal;
  }): Promise<OmeListResponse<BaseModelResource>> {
    const query = options?.cluster
      ? `?cluster=${encodeURIComponent(options.cluster)}`
      : '';
    const body = await this.get<OmeListResponse<BaseModelResource>>(
      `/clusterbasemodels${query}`,
      options,
    );
    return {
      items: Array.isArray(body?.items) ? body.items : [],
      errors: Array.isArray(body?.errors) ? body.errors : [],
    };
  }

  private async get<T>(
    path: string,
    options?: { signal?: AbortSignal },
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ome');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      headers: { Accept: 'application/json' },
      signal: options?.signal,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
