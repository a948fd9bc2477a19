import {
  BaseModelResource,
  ModelDisplayState,
  OmeListItem,
  summarizeModel,
} from '@ome-console/plugin-ome-common';

/** One row of the models table: a ClusterBaseModel in one cluster. */
export interface ModelRow {
  id: string;
  cluster: string;
  name: string;
  displayName?: string;
  vendor?: string;
  format?: string;
  architecture?: string;
  size?: string;
  state: ModelDisplayState;
  nodesReady: number;
  nodesFailed: number;
  disabled: boolean;
  /** Set when the object could not be read as a model (shown, never fatal). */
  problem?: string;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/**
 * Turns list items into table rows. Whatever a cluster returns (missing metadata,
 * specs of the wrong type, non-string fields), every item yields a row of strings.
 */
export function toModelRows(items: unknown): ModelRow[] {
  if (!Array.isArray(items)) return [];
  return items.map((raw, index) => {
    const item = (raw ?? {}) as Partial<OmeListItem<BaseModelResource>>;
    const cluster = text(item.cluster) ?? 'unknown';
    const object = item.object;
    const fallbackName =
      object && typeof object === 'object'
        ? text((object as any).metadata?.name)
        : undefined;
    const base = {
      id: `${cluster}/${fallbackName ?? ''}/${index}`,
      cluster,
    };
    if (!object || typeof object !== 'object') {
      return {
        ...base,
        name: '(invalid object)',
        state: 'Unknown',
        nodesReady: 0,
        nodesFailed: 0,
        disabled: false,
        problem: 'The cluster returned something that is not an object',
      };
    }
    try {
      const s = summarizeModel(object);
      return {
        ...base,
        name: text(s.name) ?? '(unnamed)',
        displayName: text(s.displayName),
        vendor: text(s.vendor),
        format: text(s.format),
        architecture: text(s.architecture),
        size: text(s.size),
        state: s.state,
        nodesReady: Number.isFinite(s.nodesReady) ? s.nodesReady : 0,
        nodesFailed: Number.isFinite(s.nodesFailed) ? s.nodesFailed : 0,
        disabled: s.disabled === true,
        problem: text(s.name) ? undefined : 'The object has no metadata.name',
      };
    } catch (e) {
      return {
        ...base,
        name: fallbackName ?? '(unreadable object)',
        state: 'Unknown',
        nodesReady: 0,
        nodesFailed: 0,
        disabled: false,
        problem: `Could not read this model: ${(e as Error)?.message ?? e}`,
      };
    }
  });
}
