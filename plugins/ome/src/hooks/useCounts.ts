import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { OME_KINDS } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../api';
import { useCoalescedRefetch } from './useCoalescedRefetch';
import { useOmeChanges } from './useOmeChanges';

const ALL_KINDS = OME_KINDS.map(k => k.kind);

/**
 * Per kind, per cluster and per state, how many objects the caller may read: one request,
 * taken again (at most twice a second) when the tab's change stream reports a change or a
 * `reset`. The previous counts stay on screen meanwhile.
 */
export function useCounts(clusters: readonly string[] = []) {
  const api = useApi(omeApiRef);
  const key = clusters.join(',');
  const state = useAsyncRetry(
    () => api.getCounts(key ? { cluster: key.split(',') } : {}),
    [api, key],
  );
  const refetch = useCoalescedRefetch(state.retry);
  useOmeChanges(
    { kinds: ALL_KINDS, ...(key && { clusters: key.split(',') }) },
    refetch,
  );
  return state;
}
