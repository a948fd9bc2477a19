/*
 * A namespace of a suite's own in a cluster of the control plane: created before the suite
 * (so its writes cannot touch seeded objects) and deleted with everything in it after.
 */
import { KubeRequestCluster, kubeRequest } from './kubeRequest';

/** Creates namespace `name`; throws (failing the suite's set-up) unless the cluster made it. */
export async function createSuiteNamespace(
  cluster: KubeRequestCluster,
  name: string,
): Promise<void> {
  const res = await kubeRequest(cluster, 'POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  });
  if (res.status !== 201) {
    throw new Error(
      `namespace ${name}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  }
}

/** Deletes namespace `name` and what is in it; a namespace already gone is fine. */
export async function deleteSuiteNamespace(
  cluster: KubeRequestCluster,
  name: string,
): Promise<void> {
  await kubeRequest(cluster, 'DELETE', `/api/v1/namespaces/${name}`).catch(
    () => undefined,
  );
}
