import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { omeApiRef } from '../api';
import { useRefetchOnAnyChange } from './useRefetchOnAnyChange';

/**
 * The dashboard's "needs attention" list, from one `/attention` request, taken again (at most
 * twice a second) when the tab's change stream reports a change or a `reset`.
 */
export function useAttention(clusters: readonly string[] = []) {
  const api = useApi(omeApiRef);
  const key = clusters.join(',');
  const state = useAsyncRetry(
    () => api.getAttention(key ? { cluster: key.split(',') } : {}),
    [api, key],
  );
  useRefetchOnAnyChange(state.retry, clusters);
  return state;
}
