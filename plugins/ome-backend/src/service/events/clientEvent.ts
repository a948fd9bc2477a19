import {
  KubernetesObject,
  OmeChangeEvent,
  OmeStreamSubscription,
  omeKindInfo,
} from '@ome-console/plugin-ome-common';
import { OmeItemFilter } from '../authorization';
import { OmeCacheChange } from '../cache/types';

/** One change as the hub numbered it, with the object's state before it (when known). */
export interface OmeHubEntry {
  seq: number;
  /** This entry's event id (instance, seq and every cluster's resourceVersion). */
  id: string;
  /** `cluster/kind/namespace/name`: the unit of coalescing. */
  key: string;
  change: OmeCacheChange;
  /** The object before this change, so a change that moves it out of scope can be a delete. */
  previous?: KubernetesObject;
}

/** Whether a change is about something the stream's subscription covers. */
export function coveredBy(
  subscription: OmeStreamSubscription,
  change: Pick<OmeCacheChange, 'cluster' | 'kind' | 'object'>,
): boolean {
  const { kinds, clusters, namespaces } = subscription;
  if (kinds?.length && !kinds.includes(change.kind)) return false;
  if (clusters?.length && !clusters.includes(change.cluster)) return false;
  if (namespaces?.length && omeKindInfo(change.kind).namespaced) {
    const ns = change.object.metadata?.namespace;
    if (typeof ns !== 'string' || !namespaces.includes(ns)) return false;
  }
  return true;
}

/** Only what names the object: what a client needs to drop it, and nothing it may not read. */
function identityOf(object: KubernetesObject): KubernetesObject {
  const { namespace, name } = object.metadata ?? {};
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata: { name, ...(namespace !== undefined && { namespace }) },
  } as KubernetesObject;
}

/**
 * What one client is told about one entry, decided with the SAME read decision as its
 * lists: the change as is when the client may read the object; a delete when it could read
 * the object before the change and cannot after (a relabel out of its scope); otherwise
 * nothing, so a client learns nothing about objects it may not read.
 */
export function clientEventOf(
  entry: OmeHubEntry,
  mayRead: OmeItemFilter,
  subscription: OmeStreamSubscription,
): OmeChangeEvent | undefined {
  const { type, cluster, kind, object } = entry.change;
  if (!coveredBy(subscription, entry.change)) return undefined;
  if (mayRead({ cluster, object })) return { type, cluster, kind, object };
  if (
    type !== 'DELETED' &&
    entry.previous &&
    mayRead({ cluster, object: entry.previous })
  ) {
    return { type: 'DELETED', cluster, kind, object: identityOf(object) };
  }
  return undefined;
}
