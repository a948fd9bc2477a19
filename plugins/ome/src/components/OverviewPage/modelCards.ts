import { OmeKindCounts } from '../../api';

/** The four model figures of one cluster on the dashboard. */
export interface ModelCardFigures {
  cluster: string;
  total: number;
  ready: number;
  inTransit: number;
  failed: number;
}

const MODEL_KINDS = new Set(['ClusterBaseModel', 'BaseModel']);

/**
 * Per cluster, the models (ClusterBaseModels and BaseModels together) in total, Ready,
 * In_Transit and Failed, from `/counts`. Every cluster `/counts` names for any kind gets its
 * figures, zeros included, sorted by name.
 */
export function modelCardFigures(
  counts: readonly OmeKindCounts[],
): ModelCardFigures[] {
  const figures = new Map<string, ModelCardFigures>();
  const of = (cluster: string) => {
    let f = figures.get(cluster);
    if (!f) {
      f = { cluster, total: 0, ready: 0, inTransit: 0, failed: 0 };
      figures.set(cluster, f);
    }
    return f;
  };
  for (const kind of counts) {
    for (const [cluster, c] of Object.entries(kind?.byCluster ?? {})) {
      const f = of(cluster);
      if (!MODEL_KINDS.has(kind.kind)) continue;
      const n = (state: string) => c?.byState?.[state] ?? 0;
      f.total += c?.total ?? 0;
      f.ready += n('Ready');
      f.inTransit += n('In_Transit');
      f.failed += n('Failed');
    }
  }
  return [...figures.values()].sort((a, b) =>
    a.cluster.localeCompare(b.cluster),
  );
}
