import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  OME_KINDS,
  OME_RESOURCE_TYPE,
  OmeKind,
  OmeListItem,
} from '@ome-console/plugin-ome-common';
import { z } from 'zod';

/**
 * The query form of the OME permission rules: which attribute must take one of `values`.
 * Lets later code narrow cluster requests (skip clusters, list one namespace) instead of
 * filtering in memory.
 * @public
 */
export type OmeResourceQuery = {
  property: 'cluster' | 'namespace' | 'kind';
  values: string[];
};

/**
 * The permission resource ref of OME resources: the resource a rule sees is the object with
 * the cluster it lives in (an `OmeListItem`), identified by the canonical ref string of
 * `formatOmeResourceRef`.
 * @public
 */
export const omeResourcePermissionResourceRef = createPermissionResourceRef<
  OmeListItem,
  OmeResourceQuery
>().with({ pluginId: 'ome', resourceType: OME_RESOURCE_TYPE });

const kindNames = OME_KINDS.map(k => k.kind) as [OmeKind, ...OmeKind[]];

const isCluster = createPermissionRule({
  name: 'IS_CLUSTER',
  description: 'Allow OME resources in one of the given clusters',
  resourceRef: omeResourcePermissionResourceRef,
  paramsSchema: z.object({
    clusters: z
      .array(z.string())
      .describe('Cluster names, as the kubernetes backend names them'),
  }),
  apply: (resource, { clusters }) => clusters.includes(resource.cluster),
  toQuery: ({ clusters }) => ({ property: 'cluster', values: clusters }),
});

const isNamespace = createPermissionRule({
  name: 'IS_NAMESPACE',
  description:
    'Allow namespaced OME resources in one of the given namespaces (never matches cluster-scoped kinds)',
  resourceRef: omeResourcePermissionResourceRef,
  paramsSchema: z.object({
    namespaces: z.array(z.string()).describe('Namespace names'),
  }),
  apply: (resource, { namespaces }) => {
    const ns = resource.object.metadata?.namespace;
    return typeof ns === 'string' && namespaces.includes(ns);
  },
  toQuery: ({ namespaces }) => ({ property: 'namespace', values: namespaces }),
});

const isKind = createPermissionRule({
  name: 'IS_KIND',
  description: 'Allow OME resources of one of the given kinds',
  resourceRef: omeResourcePermissionResourceRef,
  paramsSchema: z.object({
    kinds: z
      .array(z.enum(kindNames))
      .describe('OME kinds, e.g. ClusterBaseModel'),
  }),
  apply: (resource, { kinds }) =>
    (kinds as string[]).includes(resource.object.kind),
  toQuery: ({ kinds }) => ({ property: 'kind', values: kinds }),
});

/**
 * The permission rules of OME resources.
 * @public
 */
export const omePermissionRules = { isCluster, isNamespace, isKind };

const conditionExports = createConditionExports({
  resourceRef: omeResourcePermissionResourceRef,
  rules: omePermissionRules,
});

/**
 * Condition factories for permission policies, e.g.
 * `createOmeConditionalDecision(permission, { anyOf: [omeConditions.isNamespace({ namespaces: ['team-a'] })] })`.
 * @public
 */
export const omeConditions = conditionExports.conditions;

/**
 * Wraps OME conditions into a conditional policy decision.
 * @public
 */
export const createOmeConditionalDecision =
  conditionExports.createConditionalDecision;
