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
      if (error instanceof ClusterRequestError && error.reason === 'forbidden') {
        // A credential that may not read CRDs still reads the published OpenAPI (discovery).
        const published = await this.#published(cluster, kind);
        if (!published) throw notInstalled();
        return { cluster, kind, version: OME_API_VERSION, schema: published };
      }
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

  /**
   * The kind's schema from the apiserver's OpenAPI v3 document of `ome.io/v1beta1` (which
   * every authenticated client may read), with references to Kubernetes' own types (only
   * `metadata`) left as plain objects; undefined when the cluster does not serve the kind.
   */
  async #published(cluster: string, kind: OmeKind): Promise<Record<string, unknown> | undefined> {
    let document: { components?: { schemas?: Record<string, Record<string, unknown>> } };
    try {
      document = await this.#client.request(
        cluster,
        `/openapi/v3/apis/${OME_API_GROUP}/${OME_API_VERSION}`,
        { asPlugin: true },
      );
    } catch (error) {
      if (error instanceof ClusterRequestError && error.statusCode === 404) return undefined;
      if (error instanceof ClusterRequestError) throw toHttpError(error, { kind });
      throw error;
    }
    const schema = Object.values(document?.components?.schemas ?? {}).find(s =>
      (s['x-kubernetes-group-version-kind'] as Array<{ group?: string; kind?: string }> | undefined)?.some(
        gvk => gvk.group === OME_API_GROUP && gvk.kind === kind,
      ),
    );
    return schema ? (withoutReferences(schema) as Record<string, unknown>) : undefined;
  }
}

/** `allOf: [{ $ref }]` (a Kubernetes type such as ObjectMeta) as a plain object schema. */
function withoutReferences(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutReferences);
  if (!node || typeof node !== 'object') return node;
  const { allOf, $ref, ...rest } = node as Record<string, unknown>;
  const refOnly =
    $ref !== undefined ||
    (Array.isArray(allOf) && allOf.every(a => a && typeof a === 'object' && '$ref' in a));
  if (refOnly) return { ...mapValues(rest), type: 'object' };
  return mapValues({ ...rest, ...(allOf !== undefined && { allOf }) });
}

function mapValues(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, withoutReferences(v)]));
}
