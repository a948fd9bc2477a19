import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { omeApiRef } from '../api';
import { OmeObjectRef } from '@ome-console/plugin-ome-common';

/** One object as the backend reads it (with the caller's `actions`); `retry` reloads. */
export function useResource(ref: OmeObjectRef) {
  const api = useApi(omeApiRef);
  const { kind, cluster, namespace, name } = ref;
  return useAsyncRetry(
    () => api.getResource({ kind, cluster, namespace, name }),
    [api, kind, cluster, namespace, name],
  );
}
