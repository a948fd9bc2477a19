import { InputError, NotFoundError } from '@backstage/errors';
import {
  EventSummary,
  LOG_TAIL_LINES,
  MODEL_AGENT_CONFIGMAP_LABEL,
  ModelAgentConfigMap,
  ModelNodeReport,
  OME_ISVC_POD_LABEL,
  OME_SYSTEM_NAMESPACE,
  OmeListItem,
  PodSummary,
  eventSummary,
  isvcPodSelector,
  modelNodeReports,
  podSummary,
  sortEvents,
} from '@ome-console/plugin-ome-common';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { OmeResourceService } from './OmeResourceService';

/** A pod as the apiserver answers it, as far as the operate view reads it. */
interface Pod {
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  spec?: {
    nodeName?: string;
    containers?: Array<{ name: string }>;
    initContainers?: Array<{ name: string }>;
  };
  status?: Record<string, unknown>;
}

/** The object of an InferenceService the operate view is about. */
export interface ServiceRef {
  cluster: string;
  namespace: string;
  name: string;
}

/** What a caller asks of a container log. */
export interface LogQuery {
  container?: string;
  tailLines?: number;
  follow?: boolean;
  timestamps?: boolean;
  previous?: boolean;
}

/** What the model operate view shows. */
export interface ModelProgress {
  nodes: ModelNodeReport[];
  nodesReady: string[];
  nodesFailed: string[];
  services: Array<{ namespace: string; name: string; ready?: string }>;
  agentError?: string;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * The operational data behind OME objects, read through the kubernetes proxy: the pods OME
 * runs for an InferenceService (found by its labels), their events, container logs
 * (streamed), and the model-agent's per-node reports of a model. Callers decide
 * `ome.resource.operational.read` on the service or model first.
 */
export class OperateService {
  readonly #client: KubernetesProxyClient;
  readonly #resources: OmeResourceService;

  constructor(options: {
    client: KubernetesProxyClient;
    resources: OmeResourceService;
  }) {
    this.#client = options.client;
    this.#resources = options.resources;
  }

  async #rawPods(ref: ServiceRef): Promise<Pod[]> {
    const list = await this.#client.request<{ items?: Pod[] }>(
      ref.cluster,
      `/api/v1/namespaces/${encodeURIComponent(
        ref.namespace,
      )}/pods?labelSelector=${encodeURIComponent(isvcPodSelector(ref.name))}`,
    );
    return list?.items ?? [];
  }

  /** The service's pods, by component then name. */
  async pods(ref: ServiceRef): Promise<PodSummary[]> {
    return (await this.#rawPods(ref))
      .map(p => podSummary(p as Parameters<typeof podSummary>[0]))
      .sort(
        (a, b) =>
          (a.component ?? '').localeCompare(b.component ?? '') ||
          a.name.localeCompare(b.name),
      );
  }

  /** Events of the service and of each of its pods, newest first. */
  async events(ref: ServiceRef): Promise<EventSummary[]> {
    const pods = await this.#rawPods(ref);
    const objects = [
      { kind: 'InferenceService', name: ref.name },
      ...pods.map(p => ({ kind: 'Pod', name: p.metadata.name })),
    ];
    const lists = await Promise.all(
      objects.map(o =>
        this.#client.request<{ items?: unknown[] }>(
          ref.cluster,
          `/api/v1/namespaces/${encodeURIComponent(
            ref.namespace,
          )}/events?fieldSelector=${encodeURIComponent(
            `involvedObject.kind=${o.kind},involvedObject.name=${o.name}`,
          )}`,
        ),
      ),
    );
    return sortEvents(
      lists.flatMap(l =>
        (l?.items ?? []).map(e =>
          eventSummary(e as Parameters<typeof eventSummary>[0]),
        ),
      ),
    );
  }

  /**
   * Opens a container log of one of the service's pods: 404 when the pod is not one of its
   * pods (OME's label), 400 when the container is not one of the pod's.
   */
  async openLog(
    ref: ServiceRef,
    podName: string,
    query: LogQuery,
    signal: AbortSignal,
  ): Promise<Response> {
    const podPath = `/api/v1/namespaces/${encodeURIComponent(
      ref.namespace,
    )}/pods/${encodeURIComponent(podName)}`;
    let pod: Pod;
    try {
      pod = await this.#client.request<Pod>(ref.cluster, podPath);
    } catch (error) {
      if (error instanceof NotFoundError) throw this.#notItsPod(ref, podName);
      throw error;
    }
    if (pod?.metadata?.labels?.[OME_ISVC_POD_LABEL] !== ref.name) {
      throw this.#notItsPod(ref, podName);
    }
    const containers = [
      ...(pod.spec?.containers ?? []),
      ...(pod.spec?.initContainers ?? []),
    ].map(c => c.name);
    const container = query.container ?? containers[0];
    if (!container || !containers.includes(container)) {
      throw new InputError(
        `container: '${query.container}' is not a container of pod ${podName} (${containers.join(
          ', ',
        )})`,
      );
    }
    const tailLines = Math.min(
      query.tailLines ?? LOG_TAIL_LINES.default,
      LOG_TAIL_LINES.max,
    );
    const params = new URLSearchParams({
      container,
      tailLines: String(tailLines),
      ...(query.follow && { follow: 'true' }),
      ...(query.timestamps && { timestamps: 'true' }),
      ...(query.previous && { previous: 'true' }),
    });
    // pods/log answers text/plain but refuses an Accept of only text/plain (406)
    return this.#client.openStream(ref.cluster, `${podPath}/log?${params}`, {
      signal,
    });
  }

  #notItsPod(ref: ServiceRef, podName: string): NotFoundError {
    return new NotFoundError(
      `Pod '${podName}' is not a pod of InferenceService ${ref.namespace}/${ref.name} in cluster '${ref.cluster}'`,
    );
  }

  /**
   * A model's per-node reports from the model-agent's ConfigMaps, its Ready/Failed nodes, and
   * the services of its cluster that use it (`mayReadService` filters them). A cluster where
   * the ConfigMaps cannot be read still answers the rest, with `agentError`.
   */
  async modelProgress(
    model: OmeListItem,
    mayReadService: (item: OmeListItem) => boolean,
  ): Promise<ModelProgress> {
    const { cluster, object } = model;
    const name = object.metadata.name;
    const namespace = object.metadata.namespace;
    const status = (object.status ?? {}) as Record<string, unknown>;
    const [agent, services] = await Promise.all([
      this.#client
        .request<{ items?: ModelAgentConfigMap[] }>(
          cluster,
          `/api/v1/namespaces/${OME_SYSTEM_NAMESPACE}/configmaps?labelSelector=${encodeURIComponent(
            `${MODEL_AGENT_CONFIGMAP_LABEL}=true`,
          )}`,
        )
        .then(
          list => ({ nodes: modelNodeReports(list?.items ?? [], { name, namespace }) }),
          (error: Error) => ({ nodes: [], agentError: error.message }),
        ),
      this.#resources.list('InferenceService', {
        clusters: [cluster],
        ...(namespace && { namespaces: [namespace] }),
      }),
    ]);
    const uses = (item: OmeListItem) => {
      const spec = (item.object.spec ?? {}) as { model?: { name?: string } };
      if (spec.model?.name !== name) return false;
      // a namespaced BaseModel serves only its own namespace; a ClusterBaseModel every one
      return !namespace || item.object.metadata.namespace === namespace;
    };
    return {
      ...agent,
      nodesReady: strings(status.nodesReady),
      nodesFailed: strings(status.nodesFailed),
      services: services.items
        .filter(uses)
        .filter(mayReadService)
        .map(item => {
          const raw = (item.object.status as { conditions?: unknown })
            ?.conditions;
          const conditions = Array.isArray(raw)
            ? (raw as Array<{ type?: string; status?: string }>)
            : [];
          const ready = conditions.find(c => c.type === 'Ready')?.status;
          return {
            namespace: item.object.metadata.namespace ?? '',
            name: item.object.metadata.name,
            ...(ready && { ready }),
          };
        })
        .sort((a, b) =>
          `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
        ),
    };
  }
}
