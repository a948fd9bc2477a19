import { NotFoundError } from '@backstage/errors';
import {
  OME_API_GROUP,
  OME_API_VERSION,
  OmeKind,
  OmeKindSchema,
  omeKindInfo,
} from '@ome-console/plugin-ome-common';
import { ClusterRequestError, KubernetesProxyClient } from './KubernetesProxyClient';
import { toHttpError } from './errors';

interface CustomResourceDefinition {
  spec?: {
    versions?: Array<{
      name?: string;
      served?: boolean;
      storage?: boolean;
      schema?: { openAPIV3Schema?: Record<string, unknown> };
    }>;
  };
}

/**
 * The JSON schema of an OME kind as a cluster serves it: its CRD's `openAPIV3Schema` of the
 * version the console writes (v1beta1), for the editor's completion and validation.
 */
export class KindSchemaService {
  readonly #client: KubernetesProxyClient;

  constructor(options: { client: KubernetesProxyClient }) {
    this.#client = options.client;
  }

  async get(cluster: string, kind: OmeKind): Promise<OmeKindSchema> {
    const notInstalled = () =>
      new NotFoundError(`${kind} is not installed on cluster '${cluster}' (its CRD is absent)`);
    let crd: CustomResourceDefinition;
    try {
      // As the OME backend itself: a schema is no OME resource, and users rarely may read CRDs.
      crd = await this.#client.request<CustomResourceDefinition>(
        cluster,
        `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${omeKindInfo(kind).plural}.${OME_API_GROUP}`,
        { asPlugin: true },
      );
    } catch (error) {
      if (error instanceof ClusterRequestError && error.reason === 'not-found') throw notInstalled();
      if (error instanceof ClusterRequestError) throw toHttpError(error, { kind });
      throw error;
    }
    const versions = crd?.spec?.versions ?? [];
    const version =
      versions.find(v => v.name === OME_API_VERSION && v.served) ??
      versions.find(v => v.storage);
    const schema = version?.schema?.openAPIV3Schema;
    if (!version?.name || !schema) throw notInstalled();
    return { cluster, kind, version: version.name, schema };
  }
}
