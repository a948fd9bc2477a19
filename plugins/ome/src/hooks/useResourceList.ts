import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { OmeKind, OmeListQuery } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../api';

/** One page of a kind's list as the backend filters, sorts and pages it; `retry` reloads. */
export function useResourceList(kind: OmeKind, query: OmeListQuery) {
  const api = useApi(omeApiRef);
  // the query is rebuilt on every render: depend on its content
  const key = JSON.stringify(query);
  return useAsyncRetry(
    () => api.listResources(kind, JSON.parse(key) as OmeListQuery),
    [api, kind, key],
  );
}
