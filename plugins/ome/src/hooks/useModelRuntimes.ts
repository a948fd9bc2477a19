import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { OmeObjectRef } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../api';

/** The runtimes OME would pick from for a model, ranked, for services in `namespace`. */
export function useModelRuntimes(ref: OmeObjectRef, namespace?: string) {
  const api = useApi(omeApiRef);
  const { kind, cluster, namespace: ns, name } = ref;
  return useAsyncRetry(
    () =>
      api.getModelRuntimes(
        { kind, cluster, namespace: ns, name },
        { namespace },
      ),
    [api, kind, cluster, ns, name, namespace],
  );
}
