import { KubernetesObject, OmeKind } from '@ome-console/plugin-ome-common';

/**
 * One real change of one OME object in one cluster, as the watch-backed cache saw it.
 * A relist (after 410 Gone or a reconnect) emits only the differences to what was cached,
 * never the whole list again, so a subscriber sees no resync floods.
 */
export interface OmeCacheChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  cluster: string;
  kind: OmeKind;
  /** Stored form: without `managedFields`, already redacted (sanitizeObject). */
  object: KubernetesObject;
  /**
   * The cluster's resourceVersion after this change (the object's own for ADDED and
   * MODIFIED, the watch event's for DELETED). Only ever compared for equality.
   */
  resourceVersion: string;
}

/** Changes of every cached cluster and kind, for the browser stream. */
export interface OmeChangeFeed {
  /** Calls `listener` for every real change from now on; returns the unsubscribe. */
  subscribe(listener: (change: OmeCacheChange) => void): () => void;
}
