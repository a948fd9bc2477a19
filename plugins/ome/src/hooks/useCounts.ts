import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { omeApiRef } from '../api';
import { useRefetchOnAnyChange } from './useRefetchOnAnyChange';

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
  useRefetchOnAnyChange(state.retry, clusters);
  return state;
}
