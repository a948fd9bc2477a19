import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import {
  BaseModelResource,
  KubernetesObject,
  ServingRuntimeResource,
} from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';

/** What the wizard chooses from in one cluster and namespace. */
export interface DeployCatalog {
  /** ClusterBaseModels and the namespace's BaseModels. */
  models: BaseModelResource[];
  /** ClusterServingRuntimes and the namespace's ServingRuntimes. */
  runtimes: ServingRuntimeResource[];
  acceleratorClasses: KubernetesObject[];
}

/** Loads the models, runtimes and accelerator classes the caller may read there. */
export function useDeployCatalog(cluster: string, namespace: string) {
  const api = useApi(omeApiRef);
  return useAsync(async (): Promise<DeployCatalog> => {
    if (!cluster) return { models: [], runtimes: [], acceleratorClasses: [] };
    const where = { cluster: [cluster] };
    const inNamespace = { cluster: [cluster], namespace: namespace ? [namespace] : [] };
    const objects = (r: { items: Array<{ object: unknown }> }) =>
      r.items.map(i => i.object as KubernetesObject);
    const [cbm, bm, csr, sr, ac] = await Promise.all([
      api.listResources('ClusterBaseModel', where),
      namespace ? api.listResources('BaseModel', inNamespace) : { items: [] },
      api.listResources('ClusterServingRuntime', where),
      namespace ? api.listResources('ServingRuntime', inNamespace) : { items: [] },
      api.listResources('AcceleratorClass', where).catch(() => ({ items: [] })),
    ]);
    return {
      models: [...objects(bm), ...objects(cbm)] as BaseModelResource[],
      runtimes: [...objects(sr), ...objects(csr)] as ServingRuntimeResource[],
      acceleratorClasses: objects(ac),
    };
  }, [api, cluster, namespace]);
}
