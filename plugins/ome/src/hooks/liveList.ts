import {
  OmeChangeEvent,
  OmeKind,
  OmeListResponse,
  omeChangeKey,
  omeObjectState,
} from '@ome-console/plugin-ome-common';

/** A list page as shown, with how many objects were added since it was fetched. */
export interface LiveListView {
  list: OmeListResponse;
  /** Objects added since the page was fetched and not shown (the "n new" hint). */
  added: number;
}

function bump(counts: Record<string, number>, key: string, by: number) {
  const next = { ...counts, [key]: (counts[key] ?? 0) + by };
  if (next[key] <= 0) delete next[key];
  return next;
}

/**
 * A list page after one change, in place: a shown row takes the new object (keeping its
 * position and the caller's actions, so rows never jump while read), a deleted row goes,
 * and the state counts follow; an added object is only counted for the "n new" hint (where
 * it belongs depends on the server's sort and search). A change to an object not on the
 * page leaves the page as it is.
 */
export function applyChangeToList(
  kind: OmeKind,
  view: LiveListView,
  change: OmeChangeEvent,
): LiveListView {
  const key = omeChangeKey(change);
  const index = view.list.items.findIndex(
    item =>
      omeChangeKey({ cluster: item.cluster, kind, object: item.object }) ===
      key,
  );
  if (index < 0) {
    return change.type === 'ADDED' ? { ...view, added: view.added + 1 } : view;
  }
  const old = view.list.items[index];
  const oldState = omeObjectState(kind, old.object);
  const stats = view.list.stats;
  if (change.type === 'DELETED') {
    return {
      ...view,
      list: {
        ...view.list,
        items: view.list.items.filter((_, i) => i !== index),
        totalCount: Math.max(0, view.list.totalCount - 1),
        stats: stats && {
          total: Math.max(0, stats.total - 1),
          byCluster: bump(stats.byCluster, old.cluster, -1),
          byState: bump(stats.byState, oldState, -1),
        },
      },
    };
  }
  const newState = omeObjectState(kind, change.object);
  const items = [...view.list.items];
  items[index] = { ...old, object: change.object };
  return {
    ...view,
    list: {
      ...view.list,
      items,
      stats:
        stats && oldState !== newState
          ? {
              ...stats,
              byState: bump(bump(stats.byState, oldState, -1), newState, 1),
            }
          : stats,
    },
  };
}
