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
import { ServiceUnavailableError } from '@backstage/errors';
import { z } from 'zod';

/**
 * The query form of the OME permission rules: which attribute must take one of `values`
 * (for the label rules: the label `key` must exist, with one of `values` when given).
 * Lets later code narrow cluster requests (skip clusters, list one namespace) instead of
 * filtering in memory.
 * @public
 */
export type OmeResourceQuery =
  | {
      property: 'cluster' | 'namespace' | 'kind';
      values: string[];
    }
  | {
      property: 'label' | 'namespaceLabel';
      key: string;
      values?: string[];
    };

/**
 * What the OME permission rules see: an OME object with the cluster it lives in (an
 * `OmeListItem`) and, for namespaced objects, the labels of its namespace as the cluster
 * has them (filled by the OME backend before conditions are applied; absent when the
 * namespace does not exist or cannot be read, so namespace-label rules then do not match).
 * @public
 */
export type OmePermissionResource = OmeListItem & {
  namespaceLabels?: Record<string, string>;
  /**
   * Set when the namespaces of the object's cluster could not be read: namespace-label
   * rules then cannot decide (they throw, so the decision fails closed even under `not`).
   */
  namespaceLabelsUnavailable?: boolean;
};

/**
 * Why NAMESPACE_HAS_LABEL could not decide an object: its cluster's namespaces could not be
 * read. Thrown by the rule, so that no combinator (`not` included) turns "unknown" into a
 * match; OME's own decisions deny the object, the permission framework's fail with it.
 */
export class NamespaceLabelsUnavailableError extends ServiceUnavailableError {
  constructor(cluster: string) {
    super(
      `The namespace labels of cluster '${cluster}' could not be read, so NAMESPACE_HAS_LABEL cannot be decided there`,
    );
  }
}

/**
 * The permission resource ref of OME resources: the resource a rule sees is an
 * {@link OmePermissionResource}, identified by the canonical ref string of
 * `formatOmeResourceRef` (`cluster:<c>/namespace:<ns or _>/kind:<Kind>/name:<name>`).
 * @public
 */
export const omeResourcePermissionResourceRef = createPermissionResourceRef<
  OmePermissionResource,
  OmeResourceQuery
>().with({ pluginId: 'ome', resourceType: OME_RESOURCE_TYPE });

/** Whether `labels` has `key`, with one of `values` when values are given. */
function labelMatches(
  labels: Record<string, string> | undefined,
  key: string,
  values: string[] | undefined,
): boolean {
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, key)) {
    return false;
  }
  return !values || values.includes(labels[key]);
}

const labelParams = z.object({
  key: z.string().min(1).describe('Label key, e.g. ome.io/team'),
  values: z
    .array(z.string())
    .optional()
    .describe(
      'Allowed values; without it, any value of the label matches (the label must exist)',
    ),
});

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

const hasLabel = createPermissionRule({
  name: 'HAS_LABEL',
  description:
    'Allow OME resources whose own metadata.labels has the label key (with one of the given values, if any)',
  resourceRef: omeResourcePermissionResourceRef,
  paramsSchema: labelParams,
  apply: (resource, { key, values }) =>
    labelMatches(resource.object.metadata?.labels, key, values),
  toQuery: ({ key, values }) => ({ property: 'label', key, values }),
});

const namespaceHasLabel = createPermissionRule({
  name: 'NAMESPACE_HAS_LABEL',
  description:
    "Allow namespaced OME resources whose namespace (in the object's cluster) has the label key (with one of the given values, if any); never matches cluster-scoped kinds",
  resourceRef: omeResourcePermissionResourceRef,
  paramsSchema: labelParams,
  apply: (resource, { key, values }) => {
    if (typeof resource.object.metadata?.namespace !== 'string') return false;
    if (resource.namespaceLabelsUnavailable) {
      throw new NamespaceLabelsUnavailableError(resource.cluster);
    }
    return labelMatches(resource.namespaceLabels, key, values);
  },
  toQuery: ({ key, values }) => ({ property: 'namespaceLabel', key, values }),
});

/**
 * The permission rules of OME resources: `IS_CLUSTER`, `IS_NAMESPACE`, `IS_KIND`,
 * `HAS_LABEL` (the object's label) and `NAMESPACE_HAS_LABEL` (its namespace's label).
 * @public
 */
export const omePermissionRules = {
  isCluster,
  isNamespace,
  isKind,
  hasLabel,
  namespaceHasLabel,
};

/** The rule names whose evaluation needs the namespace's labels. */
export const NAMESPACE_LABEL_RULES: ReadonlySet<string> = new Set([
  namespaceHasLabel.name,
]);

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
