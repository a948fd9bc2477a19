import { InputError } from '@backstage/errors';
import { KubernetesObject } from '@ome-console/plugin-ome-common';
import { KubernetesProxyClient } from './KubernetesProxyClient';

/** The label that marks a Secret the console created for a hub token (and may delete). */
export const HUB_TOKEN_SECRET_LABEL = 'ome-console/hub-token';
/** The annotation naming the model a hub-token Secret was created for. */
export const HUB_TOKEN_SECRET_FOR = 'ome-console/created-for';

/** The namespace OME's model-agent reads a ClusterBaseModel's storage Secret from. */
export const OME_NAMESPACE = 'ome';

/** Where the model-agent looks for a model's storage Secret. */
export function secretNamespaceOf(model: KubernetesObject): string {
  return model.kind === 'ClusterBaseModel'
    ? OME_NAMESPACE
    : String(model.metadata.namespace);
}

/** Whether `model` names a hub token Secret: `spec.storage.key` on an `hf://` model only. */
export function hubTokenSecretOf(model: KubernetesObject): string | undefined {
  const storage = model.spec?.storage as
    | { storageUri?: unknown; key?: unknown }
    | undefined;
  if (typeof storage?.storageUri !== 'string') return undefined;
  if (!storage.storageUri.startsWith('hf://')) return undefined;
  return typeof storage.key === 'string' && storage.key
    ? storage.key
    : undefined;
}

/**
 * The hub-token Secrets of HuggingFace imports, written with the OME backend's own
 * per-cluster credential (`ome.clusters[].secretWriter`: create and delete Secrets only),
 * never with the kubernetes plugin's cluster credential. The token is sent to the cluster
 * and nowhere else: answers are reduced to the Secret's name before they go anywhere.
 */
export class HubTokenSecrets {
  readonly #client: KubernetesProxyClient;
  readonly #writers: Map<string, string>;

  constructor(options: {
    client: KubernetesProxyClient;
    writers: Map<string, string>;
  }) {
    this.#client = options.client;
    this.#writers = options.writers;
  }

  #credential(cluster: string): string {
    const token = this.#writers.get(cluster);
    if (!token) {
      throw new InputError(
        `token: cluster '${cluster}' has no Secret writer configured (ome.clusters[].secretWriter), so the console cannot store a hub token there`,
      );
    }
    return token;
  }

  /** Refuses early when a token could not be stored on `cluster`. */
  assertWritable(cluster: string): void {
    this.#credential(cluster);
  }

  /**
   * Creates a Secret with key `token` for `model` (the key the model-agent reads), marked as
   * the console's; returns its generated name.
   */
  async create(
    cluster: string,
    model: { kind: string; name: string; namespace: string },
    token: string,
    dryRun: boolean,
  ): Promise<string> {
    const body = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: {
        generateName: `${model.name.slice(0, 40)}-hf-token-`,
        namespace: model.namespace,
        labels: {
          [HUB_TOKEN_SECRET_LABEL]: 'true',
          'app.kubernetes.io/managed-by': 'ome-console',
        },
        annotations: { [HUB_TOKEN_SECRET_FOR]: `${model.kind}/${model.name}` },
      },
      stringData: { token },
    };
    const created = await this.#client.request<{
      metadata?: { name?: string };
    }>(
      cluster,
      `/api/v1/namespaces/${encodeURIComponent(model.namespace)}/secrets${
        dryRun ? '?dryRun=All' : ''
      }`,
      { method: 'POST', body, credential: this.#credential(cluster) },
    );
    const name = created?.metadata?.name;
    if (!name) throw new Error('The cluster created a Secret without a name');
    return name;
  }

  /**
   * Deletes Secret `name` in `namespace` only if the console created it: a delete of the
   * collection selected by the console's label and the name, so a Secret someone else made
   * (or one a model's spec was edited to point at) is never touched.
   */
  async deleteOwn(
    cluster: string,
    namespace: string,
    name: string,
    dryRun = false,
  ): Promise<void> {
    const q = new URLSearchParams({
      labelSelector: `${HUB_TOKEN_SECRET_LABEL}=true`,
      fieldSelector: `metadata.name=${name}`,
      ...(dryRun && { dryRun: 'All' }),
    });
    await this.#client.request(
      cluster,
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets?${q}`,
      { method: 'DELETE', credential: this.#credential(cluster) },
    );
  }

  /**
   * After `model` was deleted: deletes its hub-token Secret when the console created it and
   * no other ClusterBaseModel or BaseModel whose Secret lives in that namespace names it.
   * Returns the Secret's name when it was deleted. Clusters without a Secret writer keep it.
   */
  async deleteIfUnused(
    cluster: string,
    model: KubernetesObject,
  ): Promise<string | undefined> {
    const name = hubTokenSecretOf(model);
    if (!name || !this.#writers.has(cluster)) return undefined;
    const namespace = secretNamespaceOf(model);
    const lists = await Promise.all([
      this.#client.request<{ items?: KubernetesObject[] }>(
        cluster,
        '/apis/ome.io/v1beta1/clusterbasemodels',
        { asPlugin: true },
      ),
      this.#client.request<{ items?: KubernetesObject[] }>(
        cluster,
        '/apis/ome.io/v1beta1/basemodels',
        { asPlugin: true },
      ),
    ]);
    const [cbm, bm] = lists.map(l => l.items ?? []);
    const users = [
      ...cbm.map(o => ({ ...o, kind: 'ClusterBaseModel' })),
      ...bm.map(o => ({ ...o, kind: 'BaseModel' })),
    ].filter(
      o =>
        o.metadata.uid !== model.metadata.uid &&
        !o.metadata.deletionTimestamp &&
        secretNamespaceOf(o) === namespace &&
        hubTokenSecretOf(o) === name,
    );
    if (users.length) return undefined;
    await this.deleteOwn(cluster, namespace, name);
    return name;
  }
}
