import { createApiRef } from '@backstage/core-plugin-api';
import { OmeChangeEvent, OmeKind } from '@ome-console/plugin-ome-common';

/**
 * What a subscriber of the change stream wants to hear about. Kinds decide what the tab's
 * one stream carries; clusters, namespaces and a name narrow what this subscriber is told.
 * @public
 */
export interface OmeChangeFilter {
  kinds: OmeKind[];
  clusters?: string[];
  namespaces?: string[];
  name?: string;
}

/**
 * What a subscriber is told: one object changed, or `reset` (the stream cannot say what
 * was missed: refetch what is shown).
 * @public
 */
export type OmeChangeNotice =
  | { type: 'change'; change: OmeChangeEvent }
  | { type: 'reset' };

/**
 * The browser tab's one change stream (`GET /api/ome/events`), shared by every hook of the
 * tab: the union of what the subscribers follow travels over one connection.
 * @public
 */
export interface OmeChangeStreamApi {
  /** Calls `listener` for every change matching `filter`, and on `reset`; returns the unsubscribe. */
  subscribe(
    filter: OmeChangeFilter,
    listener: (notice: OmeChangeNotice) => void,
  ): () => void;
}

/** @public */
export const omeChangeStreamApiRef = createApiRef<OmeChangeStreamApi>({
  id: 'plugin.ome.change-stream',
});

/** Whether a change is one a filter asks about. @public */
export function omeChangeMatches(
  filter: OmeChangeFilter,
  change: OmeChangeEvent,
): boolean {
  if (!filter.kinds.includes(change.kind)) return false;
  if (filter.clusters?.length && !filter.clusters.includes(change.cluster)) {
    return false;
  }
  const { namespace, name } = change.object.metadata ?? {};
  if (
    filter.namespaces?.length &&
    namespace !== undefined &&
    !filter.namespaces.includes(String(namespace))
  ) {
    return false;
  }
  return filter.name === undefined || filter.name === name;
}
