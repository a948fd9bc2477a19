import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { omeApiRef } from '../api';

/**
 * The dashboard's "needs attention" list, from one `/attention` request; `retry` refetches
 * (for live updates: call it when the objects behind it change).
 */
export function useAttention(clusters: readonly string[] = []) {
  const api = useApi(omeApiRef);
  const key = clusters.join(',');
  return useAsyncRetry(
    () => api.getAttention(key ? { cluster: key.split(',') } : {}),
    [api, key],
  );
}
