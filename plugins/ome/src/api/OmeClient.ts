// openapi-fetch names its methods after the HTTP verbs (client.GET, client.POST, ...)
/* eslint-disable new-cap */
import createClient, { Middleware } from 'openapi-fetch';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
  omeKindInfo,
  OmeListItem,
  OmeListQuery,
  OmeListResponse,
  OmeAttentionResponse,
  OmeNamespacesResponse,
  OmeObjectRef,
  OmeWriteResult,
} from '@ome-console/plugin-ome-common';
import type {
  OmeCountsResponse,
  OmeModelRuntimesResponse,
  OmePaths,
  OmeRuntimeModelsResponse,
  OmeEventsResponse,
  OmeModelProgressResponse,
  OmePodsResponse,
} from './contract';
import {
  OmeApi,
  OmeCreateDecision,
  OmeCreateTarget,
  OmeJsonSchema,
  OmeLogQuery,
  OmeRequestOptions,
  OmeServiceRef,
  OmeWriteOptions,
} from './OmeApi';

// The document's plural enums, as the path parameters of the generated operations take them.
type Plural = OmePaths['/{plural}']['get']['parameters']['path']['plural'];
type ClusterPlural =
  OmePaths['/clusters/{cluster}/{clusterPlural}']['post']['parameters']['path']['clusterPlural'];
type NamespacedPlural =
  OmePaths['/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}']['post']['parameters']['path']['namespacedPlural'];

const plural = (kind: OmeKind) => omeKindInfo(kind).plural as Plural;

/** Every answer that is not a success becomes Backstage's ResponseError (body kept, `details` too). */
const rejectFailures: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return undefined;
  },
};

/** The data of a successful answer (failures were thrown by `rejectFailures`). */
function data<T>(answer: { data?: T }): T {
  return answer.data as T;
}

/**
 * Default {@link OmeApi} implementation, derived from the OME backend's OpenAPI document
 * (`openapi-fetch` over its generated `paths`): the typed operations build every URL and
 * query; calls go through Backstage's fetch API (which adds the user's token).
 * @public
 */
export class OmeClient implements OmeApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getClusters(options?: OmeRequestOptions): Promise<OmeClustersResponse> {
    const client = await this.client();
    return data(await client.GET('/clusters', { signal: options?.signal }));
  }

  async listNamespaces(
    options?: { cluster?: string[] } & OmeRequestOptions,
  ): Promise<OmeNamespacesResponse> {
    const client = await this.client();
    return data(
      await client.GET('/namespaces', {
        params: { query: { cluster: options?.cluster } },
        signal: options?.signal,
      }),
    ) as OmeNamespacesResponse;
  }

  async listResources(
    kind: OmeKind,
    query: OmeListQuery = {},
    options?: OmeRequestOptions,
  ): Promise<OmeListResponse> {
    const client = await this.client();
    return data(
      await client.GET('/{plural}', {
        params: { path: { plural: plural(kind) }, query },
        signal: options?.signal,
      }),
    ) as OmeListResponse;
  }

  async getCounts(
    options?: { cluster?: string[] } & OmeRequestOptions,
  ): Promise<OmeCountsResponse> {
    const client = await this.client();
    return data(
      await client.GET('/counts', {
        params: { query: { cluster: options?.cluster } },
        signal: options?.signal,
      }),
    ) as OmeCountsResponse;
  }

  async getAttention(
    options?: { cluster?: string[] } & OmeRequestOptions,
  ): Promise<OmeAttentionResponse> {
    const client = await this.client();
    return data(
      await client.GET('/attention', {
        params: { query: { cluster: options?.cluster } },
        signal: options?.signal,
      }),
    ) as OmeAttentionResponse;
  }

  async getResource(
    ref: OmeObjectRef,
    options?: OmeRequestOptions,
  ): Promise<OmeListItem> {
    const client = await this.client();
    const { cluster, namespace, name } = ref;
    const answer = omeKindInfo(ref.kind).namespaced
      ? await client.GET(
          '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}/{name}',
          {
            params: {
              path: { cluster, namespace: namespace!, name, namespacedPlural: plural(ref.kind) as NamespacedPlural },
            },
            signal: options?.signal,
          },
        )
      : await client.GET('/clusters/{cluster}/{clusterPlural}/{name}', {
          params: {
            path: { cluster, name, clusterPlural: plural(ref.kind) as ClusterPlural },
          },
          signal: options?.signal,
        });
    return data(answer) as OmeListItem;
  }

  async createResource(
    kind: OmeKind,
    target: OmeCreateTarget,
    object: KubernetesObject,
    options?: OmeWriteOptions,
  ): Promise<OmeWriteResult> {
    const client = await this.client();
    const { cluster } = target;
    const query = dryRunQuery(options);
    const body = object as any;
    const answer = omeKindInfo(kind).namespaced
      ? await client.POST(
          '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}',
          {
            params: {
              path: {
                cluster,
                namespace: target.namespace ?? object.metadata?.namespace ?? '',
                namespacedPlural: plural(kind) as NamespacedPlural,
              },
              query,
            },
            body,
            signal: options?.signal,
          },
        )
      : await client.POST('/clusters/{cluster}/{clusterPlural}', {
          params: {
            path: { cluster, clusterPlural: plural(kind) as ClusterPlural },
            query,
          },
          body,
          signal: options?.signal,
        });
    return data(answer) as OmeWriteResult;
  }

  async updateResource(
    ref: OmeObjectRef,
    object: KubernetesObject,
    options?: OmeWriteOptions,
  ): Promise<OmeWriteResult> {
    const client = await this.client();
    const { cluster, namespace, name } = ref;
    const query = dryRunQuery(options);
    const body = object as any;
    const answer = omeKindInfo(ref.kind).namespaced
      ? await client.PUT(
          '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}/{name}',
          {
            params: {
              path: { cluster, namespace: namespace!, name, namespacedPlural: plural(ref.kind) as NamespacedPlural },
              query,
            },
            body,
            signal: options?.signal,
          },
        )
      : await client.PUT('/clusters/{cluster}/{clusterPlural}/{name}', {
          params: {
            path: { cluster, name, clusterPlural: plural(ref.kind) as ClusterPlural },
            query,
          },
          body,
          signal: options?.signal,
        });
    return data(answer) as OmeWriteResult;
  }

  async deleteResource(
    ref: OmeObjectRef,
    options?: { resourceVersion?: string } & OmeWriteOptions,
  ): Promise<OmeWriteResult> {
    const client = await this.client();
    const { cluster, namespace, name } = ref;
    const query = {
      ...dryRunQuery(options),
      ...(options?.resourceVersion && { resourceVersion: options.resourceVersion }),
    };
    const answer = omeKindInfo(ref.kind).namespaced
      ? await client.DELETE(
          '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}/{name}',
          {
            params: {
              path: { cluster, namespace: namespace!, name, namespacedPlural: plural(ref.kind) as NamespacedPlural },
              query,
            },
            signal: options?.signal,
          },
        )
      : await client.DELETE('/clusters/{cluster}/{clusterPlural}/{name}', {
          params: {
            path: { cluster, name, clusterPlural: plural(ref.kind) as ClusterPlural },
            query,
          },
          signal: options?.signal,
        });
    return data(answer) as OmeWriteResult;
  }

  async cloneResource(
    ref: OmeObjectRef,
    request: OmeCloneRequest,
    options?: OmeWriteOptions,
  ): Promise<OmeWriteResult> {
    const client = await this.client();
    const { cluster, namespace, name } = ref;
    const query = dryRunQuery(options);
    const answer = omeKindInfo(ref.kind).namespaced
      ? await client.POST(
          '/clusters/{cluster}/namespaces/{namespace}/{namespacedPlural}/{name}/clone',
          {
            params: {
              path: { cluster, namespace: namespace!, name, namespacedPlural: plural(ref.kind) as NamespacedPlural },
              query,
            },
            body: request,
            signal: options?.signal,
          },
        )
      : await client.POST('/clusters/{cluster}/{clusterPlural}/{name}/clone', {
          params: {
            path: { cluster, name, clusterPlural: plural(ref.kind) as ClusterPlural },
            query,
          },
          body: request,
          signal: options?.signal,
        });
    return data(answer) as OmeWriteResult;
  }

  async mayCreate(
    kind: OmeKind,
    target: OmeCreateTarget,
    options?: OmeRequestOptions,
  ): Promise<OmeCreateDecision> {
    const client = await this.client();
    const namespace = omeKindInfo(kind).namespaced ? target.namespace : undefined;
    return data(
      await client.GET('/permissions/create', {
        params: {
          query: { kind, cluster: target.cluster, ...(namespace && { namespace }) },
        },
        signal: options?.signal,
      }),
    ) as OmeCreateDecision;
  }

  async importYaml(
    request: OmeImportRequest,
    options?: OmeWriteOptions,
  ): Promise<OmeImportResponse> {
    const client = await this.client();
    return data(
      await client.POST('/import', {
        params: { query: dryRunQuery(options) },
        body: request,
        signal: options?.signal,
      }),
    ) as OmeImportResponse;
  }

  async getKindSchema(
    kind: OmeKind,
    cluster: string,
    options?: OmeRequestOptions,
  ): Promise<OmeJsonSchema> {
    const client = await this.client();
    const answer = data(
      await client.GET('/clusters/{cluster}/schemas/{plural}', {
        params: { path: { cluster, plural: plural(kind) } },
        signal: options?.signal,
      }),
    );
    return answer.schema as OmeJsonSchema;
  }

  async getModelRuntimes(
    ref: OmeObjectRef,
    options?: { namespace?: string } & OmeRequestOptions,
  ): Promise<OmeModelRuntimesResponse> {
    const client = await this.client();
    const { cluster, namespace, name } = ref;
    if (ref.kind === 'BaseModel') {
      return data(
        await client.GET(
          '/clusters/{cluster}/namespaces/{namespace}/basemodels/{name}/runtimes',
          {
            params: { path: { cluster, namespace: namespace ?? '', name } },
            signal: options?.signal,
          },
        ),
      );
    }
    return data(
      await client.GET('/clusters/{cluster}/clusterbasemodels/{name}/runtimes', {
        params: {
          path: { cluster, name },
          query: options?.namespace ? { namespace: options.namespace } : {},
        },
        signal: options?.signal,
      }),
    );
  }

  async getRuntimeModels(
    ref: OmeObjectRef,
    options?: OmeRequestOptions,
  ): Promise<OmeRuntimeModelsResponse> {
    const client = await this.client();
    const { cluster, namespace, name } = ref;
    if (ref.kind === 'ServingRuntime') {
      return data(
        await client.GET(
          '/clusters/{cluster}/namespaces/{namespace}/servingruntimes/{name}/models',
          {
            params: { path: { cluster, namespace: namespace ?? '', name } },
            signal: options?.signal,
          },
        ),
      );
    }
    return data(
      await client.GET('/clusters/{cluster}/clusterservingruntimes/{name}/models', {
        params: { path: { cluster, name } },
        signal: options?.signal,
      }),
    );
  }

  async searchHuggingFace(
    search: string,
    options?: { limit?: number } & OmeRequestOptions,
  ): Promise<HfModelInfo[]> {
    const client = await this.client();
    const answer = data(
      await client.GET('/huggingface/models', {
        params: {
          query: {
            search,
            ...(options?.limit !== undefined && { limit: options.limit }),
          },
        },
        signal: options?.signal,
      }),
    );
    return answer.items as HfModelInfo[];
  }

  async inspectHuggingFace(
    request: HfInspectRequest,
    options?: OmeRequestOptions,
  ): Promise<HfInspection> {
    const client = await this.client();
    return data(
      await client.POST('/huggingface/inspect', {
        body: request,
        signal: options?.signal,
      }),
    ) as HfInspection;
  }

  async importHuggingFace(
    request: HfImportRequest,
    options?: OmeWriteOptions,
  ): Promise<HfImportResult> {
    const client = await this.client();
    return data(
      await client.POST('/huggingface/import', {
        params: { query: dryRunQuery(options) },
        body: request,
        signal: options?.signal,
      }),
    ) as HfImportResult;
  }

  async listServicePods(
    service: OmeServiceRef,
    options?: OmeRequestOptions,
  ): Promise<OmePodsResponse> {
    const client = await this.client();
    return data(
      await client.GET(
        '/clusters/{cluster}/namespaces/{namespace}/inferenceservices/{name}/pods',
        { params: { path: service }, signal: options?.signal },
      ),
    );
  }

  async listServiceEvents(
    service: OmeServiceRef,
    options?: OmeRequestOptions,
  ): Promise<OmeEventsResponse> {
    const client = await this.client();
    return data(
      await client.GET(
        '/clusters/{cluster}/namespaces/{namespace}/inferenceservices/{name}/events',
        { params: { path: service }, signal: options?.signal },
      ),
    );
  }

  async openPodLog(
    service: OmeServiceRef,
    pod: string,
    query: OmeLogQuery,
    options?: OmeRequestOptions,
  ): Promise<ReadableStream<Uint8Array>> {
    const client = await this.client();
    const answer = await client.GET(
      '/clusters/{cluster}/namespaces/{namespace}/inferenceservices/{name}/pods/{pod}/log',
      {
        params: { path: { ...service, pod }, query },
        parseAs: 'stream',
        signal: options?.signal,
      },
    );
    return answer.data as unknown as ReadableStream<Uint8Array>;
  }

  async getModelProgress(
    ref: OmeObjectRef,
    options?: OmeRequestOptions,
  ): Promise<OmeModelProgressResponse> {
    const client = await this.client();
    const { cluster, namespace, name } = ref;
    const answer =
      ref.kind === 'BaseModel'
        ? await client.GET(
            '/clusters/{cluster}/namespaces/{namespace}/basemodels/{name}/progress',
            {
              params: { path: { cluster, namespace: namespace!, name } },
              signal: options?.signal,
            },
          )
        : await client.GET('/clusters/{cluster}/clusterbasemodels/{name}/progress', {
            params: { path: { cluster, name } },
            signal: options?.signal,
          });
    return data(answer);
  }

  private send(request: Request): Promise<Response> {
    return sendThrough(this.fetchApi, request);
  }

  /** A client for the backend's current base URL (discovery may move it). */
  private async client() {
    const baseUrl = await this.discoveryApi.getBaseUrl('ome');
    const client = createClient<OmePaths>({
      baseUrl,
      fetch: request => this.send(request),
    });
    client.use(rejectFailures);
    return client;
  }
}

/**
 * Sends openapi-fetch's request through Backstage's fetch API (which adds the user's
 * token) as URL and init: its middlewares rebuild the request, and a Request whose body
 * was already read cannot be rebuilt.
 */
async function sendThrough(fetchApi: FetchApi, request: Request): Promise<Response> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? await request.text() : '';
  return fetchApi.fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(body && { body }),
    signal: request.signal,
  });
}

/** The `dryRun` query parameter, only when asked for (the same on every write). */
function dryRunQuery(options?: OmeWriteOptions): { dryRun?: boolean } {
  return options?.dryRun ? { dryRun: true } : {};
}
