import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { z } from 'zod/v3';
import { ActingUser } from '../service/impersonation';
import { OmeAccess } from '../service/OmeAccess';
import { RuntimeSelectionService } from '../service/RuntimeSelectionService';
import { WriteAuditor } from '../service/audit';

/** What the OME actions need: the same services (and decisions) as the HTTP routes. */
export interface OmeActionServices {
  access: OmeAccess;
  selection: RuntimeSelectionService;
  auditor: WriteAuditor;
  /**
   * Who a caller's cluster requests act as (set when some cluster impersonates users);
   * without it, actions reach the clusters as the OME backend itself.
   */
  actingUser?: (
    credentials: BackstageCredentials,
  ) => Promise<ActingUser | undefined>;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Input fields every action shares, with messages that say what a valid value looks like. */
export const fields = {
  cluster: (zod: typeof z) =>
    zod
      .string()
      .min(1, 'cluster: must name a cluster of the kubernetes backend')
      .describe('Cluster, as the kubernetes backend names it (e.g. ome-dev-a)'),
  namespace: (zod: typeof z) =>
    zod
      .string()
      .max(63, 'namespace: must be at most 63 characters')
      .regex(
        DNS_LABEL,
        'namespace: must be a DNS label (lower-case letters, digits and -)',
      )
      .describe('Kubernetes namespace'),
  name: (zod: typeof z) =>
    zod
      .string()
      .max(253, 'name: must be at most 253 characters')
      .regex(
        DNS_SUBDOMAIN,
        'name: must be a DNS name (lower-case letters, digits, - and .)',
      )
      .describe('Object name'),
};

/** A cluster that did not answer, as the list actions report it. */
export const clusterErrorsSchema = (zod: typeof z) =>
  zod
    .array(
      zod.object({
        cluster: zod.string(),
        reason: zod.string(),
        message: zod.string(),
      }),
    )
    .describe('Clusters that did not answer (their objects are missing)');
