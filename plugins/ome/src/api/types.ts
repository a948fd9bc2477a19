// Wire types the contract adds; they move to ome-common with the OpenAPI document.
import { OmeClusterError, OmeKind } from '@ome-console/plugin-ome-common';

/**
 * One OME object: its kind, cluster, namespace (namespaced kinds only) and name.
 * @public
 */
export interface OmeObjectRef {
  kind: OmeKind;
  cluster: string;
  namespace?: string;
  name: string;
}

/** How many objects of one kind the caller may read, per cluster and per state. @public */
export interface OmeKindCounts {
  kind: OmeKind;
  total: number;
  byState: Record<string, number>;
  byCluster: Record<string, { total: number; byState: Record<string, number> }>;
  errors: OmeClusterError[];
  notInstalled: string[];
}

/** Answer of `GET /counts`. @public */
export interface OmeCountsResponse {
  items: OmeKindCounts[];
}
