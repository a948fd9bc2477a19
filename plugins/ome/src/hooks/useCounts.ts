import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { omeApiRef } from '../api';

/** Per kind, per cluster and per state, how many objects the caller may read: one request. */
export function useCounts(clusters: readonly string[] = []) {
  const api = useApi(omeApiRef);
  const key = clusters.join(',');
  return useAsyncRetry(
    () => api.getCounts(key ? { cluster: key.split(',') } : {}),
    [api, key],
  );
}
