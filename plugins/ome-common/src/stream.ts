import { OmeKind } from './kinds';
import { KubernetesObject } from './types';

/**
 * The server-sent event names of `GET /api/ome/events`, the one change stream per browser tab.
 *
 * - `ready`: sent first; its id is where the stream starts (a client that reconnects with it
 *   misses nothing even when no change has come yet).
 * - `change`: one object was added, modified or deleted (an object that left the caller's
 *   read scope arrives as `DELETED`).
 * - `reset`: the stream cannot say what the client missed (its `Last-Event-ID` is from
 *   another backend replica or older than the replay window): refetch everything shown.
 * - `heartbeat`: nothing happened; its id advances the client's position so a quiet stream
 *   does not fall out of the replay window.
 * @public
 */
export type OmeStreamEventName = 'ready' | 'change' | 'reset' | 'heartbeat';

/**
 * The data of a `change` event. For `DELETED` the object is the last state the caller could
 * read, or only its identity (apiVersion, kind, metadata.name and namespace) when it left
 * the caller's scope.
 * @public
 */
export interface OmeChangeEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  cluster: string;
  kind: OmeKind;
  object: KubernetesObject;
}

/**
 * What one stream carries: the kinds a tab shows, optionally narrowed to clusters and
 * namespaces (namespaces narrow only namespaced kinds). Empty means all.
 * @public
 */
export interface OmeStreamSubscription {
  kinds?: OmeKind[];
  clusters?: string[];
  namespaces?: string[];
}

/** The key of one object in one cluster, the unit of coalescing. @public */
export function omeChangeKey(change: {
  cluster: string;
  kind: OmeKind;
  object: KubernetesObject;
}): string {
  const { namespace, name } = change.object.metadata ?? {};
  return [change.cluster, change.kind, namespace ?? '', name ?? ''].join('/');
}
