import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { OmeObjectRef } from '@ome-console/plugin-ome-common';
import { omeApiRef, OmeServiceRef } from '../api';

/** The pods behind an InferenceService; `retry` reloads. */
export function useServicePods(service: OmeServiceRef) {
  const api = useApi(omeApiRef);
  const { cluster, namespace, name } = service;
  return useAsyncRetry(
    () => api.listServicePods({ cluster, namespace, name }),
    [api, cluster, namespace, name],
  );
}

/** The events of an InferenceService and its pods; `retry` reloads. */
export function useServiceEvents(service: OmeServiceRef) {
  const api = useApi(omeApiRef);
  const { cluster, namespace, name } = service;
  return useAsyncRetry(
    () => api.listServiceEvents({ cluster, namespace, name }),
    [api, cluster, namespace, name],
  );
}

/** A model's per-node download progress and the services using it; `retry` reloads. */
export function useModelProgress(ref: OmeObjectRef) {
  const api = useApi(omeApiRef);
  const { kind, cluster, namespace, name } = ref;
  return useAsyncRetry(
    () => api.getModelProgress({ kind, cluster, namespace, name }),
    [api, kind, cluster, namespace, name],
  );
}
