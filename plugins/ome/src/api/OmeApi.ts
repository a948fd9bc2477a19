import { createApiRef } from '@backstage/core-plugin-api';
import {
  BaseModelResource,
  OmeClustersResponse,
  OmeListResponse,
} from '@ome-console/plugin-ome-common';

/**
 * Client for the OME backend plugin (`/api/ome`).
 * @public
 */
export interface OmeApi {
  /** The clusters the OME backend knows, with reachability. */
  getClusters(options?: { signal?: AbortSignal }): Promise<OmeClustersResponse>;
  /**
   * ClusterBaseModels of every cluster (or of one cluster). Clusters that could not be
   * read are listed in `errors`; the others' objects are still in `items`.
   */
  listClusterBaseModels(options?: {
    cluster?: string;
    signal?: AbortSignal;
  }): Promise<OmeListResponse<BaseModelResource>>;
}

/** @public */
export const omeApiRef = createApiRef<OmeApi>({ id: 'plugin.ome.api' });
