import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { OmeObjectRef } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../api';

/** The models a runtime can serve, and for which OME would pick it. */
export function useRuntimeModels(ref: OmeObjectRef) {
  const api = useApi(omeApiRef);
  const { kind, cluster, namespace, name } = ref;
  return useAsyncRetry(
    () => api.getRuntimeModels({ kind, cluster, namespace, name }),
    [api, kind, cluster, namespace, name],
  );
}
