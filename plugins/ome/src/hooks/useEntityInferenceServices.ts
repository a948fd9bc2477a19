import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityInferenceServiceQuery,
  OmeClusterError,
  OmeListItem,
  OmeObjectRef,
} from '@ome-console/plugin-ome-common';
import { omeApiRef, omeErrorMessage, omeErrorStatus } from '../api';

/** One row of the entity tab: a service, or why a named one cannot be shown. */
export interface EntityServiceRow {
  ref: OmeObjectRef;
  item?: OmeListItem;
  /** Named by the annotation but not shown: `not found`, `not allowed`, or the error. */
  problem?: string;
}

/** What the entity tab shows. */
export interface EntityServices {
  rows: EntityServiceRow[];
  /** Clusters the label selector or namespace query could not read. */
  errors: OmeClusterError[];
}

const keyOf = (r: OmeObjectRef) => `${r.cluster}/${r.namespace}/${r.name}`;

function refOf(item: OmeListItem): OmeObjectRef {
  return {
    cluster: item.cluster,
    kind: 'InferenceService',
    namespace: item.object.metadata?.namespace,
    name: item.object.metadata?.name ?? '',
  };
}

/**
 * The InferenceServices an entity's annotations name (see ome-common's
 * `entityInferenceServiceQuery`): each ref of `ome.io/inference-services` (one request each),
 * and one list for Backstage's Kubernetes annotations; sorted, each service once. `retry`
 * refetches.
 */
export function useEntityInferenceServices(
  query: EntityInferenceServiceQuery | undefined,
) {
  const api = useApi(omeApiRef);
  const key = JSON.stringify(query ?? null);
  return useAsyncRetry(async (): Promise<EntityServices> => {
    const q = JSON.parse(key) as EntityInferenceServiceQuery | null;
    if (!q) return { rows: [], errors: [] };
    const named = Promise.all(
      q.refs.map(async (ref): Promise<EntityServiceRow> => {
        try {
          return { ref, item: await api.getResource(ref) };
        } catch (error) {
          const status = omeErrorStatus(error);
          let problem = omeErrorMessage(error);
          if (status === 404) problem = 'not found';
          else if (status === 403) problem = 'not allowed';
          return { ref, problem };
        }
      }),
    );
    const listed = q.list
      ? api.listResources('InferenceService', {
          ...(q.list.labelSelector && { labelSelector: q.list.labelSelector }),
          ...(q.list.namespace && { namespace: [q.list.namespace] }),
          ...(q.list.cluster && { cluster: [q.list.cluster] }),
        })
      : undefined;
    const rows = new Map<string, EntityServiceRow>();
    for (const row of await named) rows.set(keyOf(row.ref), row);
    const list = await listed;
    for (const item of list?.items ?? []) {
      const ref = refOf(item);
      if (!rows.get(keyOf(ref))?.item) rows.set(keyOf(ref), { ref, item });
    }
    return {
      rows: [...rows.values()].sort(
        (a, b) =>
          a.ref.name.localeCompare(b.ref.name) ||
          a.ref.cluster.localeCompare(b.ref.cluster) ||
          (a.ref.namespace ?? '').localeCompare(b.ref.namespace ?? ''),
      ),
      errors: list?.errors ?? [],
    };
  }, [api, key]);
}
