import {
  BaseModelResource,
  ModelSummary,
  OmeListItem,
  summarizeModel,
} from '@ome-console/plugin-ome-common';

/** One row of the models table: a ClusterBaseModel in one cluster. */
export interface ModelRow extends ModelSummary {
  id: string;
  cluster: string;
  /** Set when the object could not be read as a model (shown, never fatal). */
  problem?: string;
}

/**
 * Turns list items into table rows. Whatever a cluster returns, every item yields a row:
 * `summarizeModel` reads any object, so only items without one are special.
 */
export function toModelRows(items: unknown): ModelRow[] {
  if (!Array.isArray(items)) return [];
  return items.map((raw, index) => {
    const item = (raw ?? {}) as Partial<OmeListItem<BaseModelResource>>;
    const cluster =
      typeof item.cluster === 'string' && item.cluster
        ? item.cluster
        : 'unknown';
    const object = item.object;
    if (!object || typeof object !== 'object') {
      return {
        id: `${cluster}//${index}`,
        cluster,
        name: '(invalid object)',
        capabilities: [],
        state: 'Unknown',
        nodesReady: 0,
        nodesFailed: 0,
        disabled: false,
        problem: 'The cluster returned something that is not an object',
      };
    }
    const summary = summarizeModel(object);
    return {
      ...summary,
      id: `${cluster}/${summary.name}/${index}`,
      cluster,
      name: summary.name || '(unnamed)',
      ...(!summary.name && { problem: 'The object has no metadata.name' }),
    };
  });
}
