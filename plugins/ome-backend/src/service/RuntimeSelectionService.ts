import {
  BaseModelResource,
  OmeClusterError,
  OmeKind,
  OmeListItem,
  RuntimeCandidate,
  RuntimeSelectionResult,
  ServingRuntimeResource,
  selectRuntime,
} from '@ome-console/plugin-ome-common';
import { OmeResourceService } from './OmeResourceService';

/** Which objects the caller may read. */
export type ReadFilter = (item: OmeListItem) => boolean;

/** `ModelRuntimesResponse` of the contract. */
export interface ModelRuntimes {
  cluster: string;
  namespace?: string;
  winner?: RuntimeCandidateView;
  winnerHidden: boolean;
  candidates: RuntimeCandidateView[];
  unknownModelFields: RuntimeSelectionResult['unknownModelFields'];
  modelProblem?: RuntimeSelectionResult['modelProblem'];
  hiddenRuntimes: number;
  errors: OmeClusterError[];
}

/** A candidate without its runtime object (the page links to it by name). */
export type RuntimeCandidateView = Omit<RuntimeCandidate, 'runtime'>;

/** `RuntimeModelsResponse` of the contract. */
export interface RuntimeModels {
  cluster: string;
  models: Array<{
    kind: 'ClusterBaseModel' | 'BaseModel';
    name: string;
    namespace?: string;
    compatible: boolean;
    selected: boolean;
    rank?: number;
    reason?: RuntimeCandidate['reason'];
    unknownModelFields: string[];
  }>;
  hiddenModels: number;
  errors: OmeClusterError[];
}

function view(c: RuntimeCandidate): RuntimeCandidateView {
  const { runtime: _runtime, ...rest } = c;
  return rest;
}

/**
 * Runtime selection on a cluster, as OME's controller would do it there: over EVERY runtime
 * of the cluster (a selection over only the runtimes the caller may read could name a winner
 * OME would not pick), then narrowed to what the caller may read, with the rest counted.
 */
export class RuntimeSelectionService {
  readonly #resources: OmeResourceService;

  constructor(options: { resources: OmeResourceService }) {
    this.#resources = options.resources;
  }

  async #listAll<T>(
    cluster: string,
    kind: OmeKind,
    namespace?: string,
  ): Promise<{
    items: Array<OmeListItem & { object: T }>;
    errors: OmeClusterError[];
  }> {
    const result = await this.#resources.list(kind, {
      clusters: [cluster],
      ...(namespace ? { namespaces: [namespace] } : {}),
    });
    const items = result.items.filter(
      i => !namespace || i.object.metadata.namespace === namespace,
    ) as Array<OmeListItem & { object: T }>;
    return { items, errors: result.errors };
  }

  async #runtimes(cluster: string) {
    const [namespaced, clusterScoped] = await Promise.all([
      this.#listAll<ServingRuntimeResource>(cluster, 'ServingRuntime'),
      this.#listAll<ServingRuntimeResource>(cluster, 'ClusterServingRuntime'),
    ]);
    return {
      items: [...namespaced.items, ...clusterScoped.items],
      errors: [...namespaced.errors, ...clusterScoped.errors],
    };
  }

  /** The ranked runtimes for one model (already read and allowed by the caller). */
  async forModel(
    model: OmeListItem,
    mayRead: ReadFilter,
    namespace?: string,
  ): Promise<ModelRuntimes> {
    const { items, errors } = await this.#runtimes(model.cluster);
    const result = selectRuntime({
      model: model.object as BaseModelResource,
      runtimes: items.map(i => i.object),
      ...(namespace ? { namespace } : {}),
    });
    const readable = new Set(
      items
        .filter(i => mayRead(i))
        .map(i => i.object as ServingRuntimeResource),
    );
    const visible = result.candidates.filter(c => readable.has(c.runtime));
    const winnerHidden =
      !!result.winner && !readable.has(result.winner.runtime);
    const candidates = visible.map(c => {
      const v = view(c);
      // Reasons of runtimes ranked below a hidden winner name it: say only that one exists.
      if (winnerHidden && c.reason?.code === 'outranked') {
        v.reason = {
          code: 'outranked',
          message: `ranks ${c.rank}: a runtime you may not read ranks first`,
        };
      }
      return v;
    });
    const effectiveNamespace =
      namespace ?? (model.object.metadata.namespace as string | undefined);
    return {
      cluster: model.cluster,
      ...(effectiveNamespace ? { namespace: effectiveNamespace } : {}),
      ...(result.winner && !winnerHidden
        ? { winner: view(result.winner) }
        : {}),
      winnerHidden,
      candidates,
      unknownModelFields: result.unknownModelFields,
      ...(result.modelProblem ? { modelProblem: result.modelProblem } : {}),
      hiddenRuntimes: items.length - readable.size,
      errors,
    };
  }

  /** For one runtime: every model of its cluster the caller may read, and how it fares. */
  async forRuntime(
    runtime: OmeListItem,
    mayRead: ReadFilter,
  ): Promise<RuntimeModels> {
    const cluster = runtime.cluster;
    const runtimeNamespace = runtime.object.metadata.namespace as
      | string
      | undefined;
    const [runtimes, clusterModels, baseModels] = await Promise.all([
      this.#runtimes(cluster),
      this.#listAll<BaseModelResource>(cluster, 'ClusterBaseModel'),
      // A namespaced runtime serves only services of its namespace: only its BaseModels
      // (and the cluster's models) can be deployed with it.
      this.#listAll<BaseModelResource>(cluster, 'BaseModel', runtimeNamespace),
    ]);
    const all = [...clusterModels.items, ...baseModels.items];
    const readable = all.filter(i => mayRead(i));
    const name = runtime.object.metadata.name;
    const isTarget = (c: RuntimeCandidate) =>
      c.name === name && (c.namespace ?? undefined) === runtimeNamespace;
    const allRuntimes = runtimes.items.map(i => i.object);
    const target = runtime.object as ServingRuntimeResource;
    // A namespaced runtime is judged for services in its namespace.
    const namespace = runtimeNamespace ? { namespace: runtimeNamespace } : {};
    const models = readable.map(item => {
      const model = item.object as BaseModelResource;
      // The runtime alone first: most models it cannot serve, and then the ranking among all
      // runtimes (hundreds per model) is not needed to say why.
      const alone = selectRuntime({ model, runtimes: [target], ...namespace });
      const result = alone.candidates[0]?.selectable
        ? selectRuntime({ model, runtimes: allRuntimes, ...namespace })
        : alone;
      const c = result.candidates.find(isTarget);
      return {
        kind: model.kind as 'ClusterBaseModel' | 'BaseModel',
        name: model.metadata.name,
        ...(model.metadata.namespace
          ? { namespace: model.metadata.namespace }
          : {}),
        compatible: !!c?.compatible,
        selected: !!c && result.winner === c,
        ...(c?.rank ? { rank: c.rank } : {}),
        ...(c?.reason
          ? {
              reason:
                c.reason.code === 'outranked'
                  ? {
                      code: 'outranked' as const,
                      message: `ranks ${c.rank} for this model`,
                    }
                  : c.reason,
            }
          : {}),
        unknownModelFields: result.unknownModelFields,
      };
    });
    models.sort(
      (a, b) =>
        Number(b.selected) - Number(a.selected) ||
        Number(b.compatible) - Number(a.compatible) ||
        a.name.localeCompare(b.name),
    );
    return {
      cluster,
      models,
      hiddenModels: all.length - readable.length,
      errors: [
        ...runtimes.errors,
        ...clusterModels.errors,
        ...baseModels.errors,
      ],
    };
  }
}
