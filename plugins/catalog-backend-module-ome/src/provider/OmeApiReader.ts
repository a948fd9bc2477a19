import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  OmeApiPaths,
  OmeClusterError,
  OmeKind,
  omeKindInfo,
} from '@ome-console/plugin-ome-common';
import createClient from 'openapi-fetch';
import { OmeClusterObject } from './entities';

/**
 * Reads OME objects through the OME backend's HTTP API (its OpenAPI contract), as the catalog
 * backend itself (a service token, which the OME backend's permission checks allow). Going
 * through the OME backend rather than the kubernetes proxy keeps one way of reaching clusters
 * (its cluster error mapping, its redaction of model tokens) and needs no `kubernetes.proxy`
 * rights.
 */
export class OmeApiReader {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  /**
   * Every object of `kind` in `clusters` (every cluster when undefined). Rejects when the
   * OME backend or any asked cluster could not answer: a partial answer must not be taken
   * for the whole truth. A cluster without the kind's CRD answers an empty list.
   */
  async list(kind: OmeKind, clusters?: string[]): Promise<OmeClusterObject[]> {
    const baseUrl = await this.deps.discovery.getBaseUrl('ome');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'ome',
    });
    const client = createClient<OmeApiPaths>({ baseUrl });
    const { data, error, response } = await client.GET('/{plural}', {
      params: {
        path: { plural: omeKindInfo(kind).plural as any },
        query: clusters ? { cluster: clusters } : {},
      },
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!data) {
      const message =
        (error as { error?: { message?: string } } | undefined)?.error
          ?.message ?? response.statusText;
      throw new Error(
        `OME backend answered ${response.status} listing ${kind}: ${message}`,
      );
    }
    if (data.errors.length) {
      throw new Error(
        `could not list ${kind} in ${data.errors
          .map(
            (e: OmeClusterError) => `${e.cluster} (${e.reason}: ${e.message})`,
          )
          .join(', ')}`,
      );
    }
    return data.items.map(i => ({
      cluster: i.cluster,
      object: i.object as any,
    }));
  }
}
