import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  KubernetesObject,
  OME_API_GROUP,
  OME_API_VERSION,
  OmeKind,
  OmeListItem,
  formatOmeResourceRef,
  omeKindInfo,
  omeResourceCreatePermission,
  omeResourceUpdatePermission,
} from '@ome-console/plugin-ome-common';
import {
  NamespaceLabels,
  withNamespaceLabels,
} from '../permissions/NamespaceLabels';
import {
  NAMESPACE_LABEL_RULES,
  NamespaceLabelsUnavailableError,
  OmePermissionResource,
  OmeResourceQuery,
} from '../permissions/rules';
import { ClusterService } from './ClusterService';

/** A decision applied to objects: which the caller may act on. */
export type OmeItemFilter = (item: OmeListItem) => boolean;

/** A permission decision for the caller, applicable to any object. */
export type OmeDecision = OmeItemFilter & {
  /** DENY: no object at all. */
  denied: boolean;
  /** ALLOW: every object. */
  unconditional: boolean;
};

/** Whether a conditional decision's criteria use a rule needing namespace labels. */
function usesNamespaceLabels(criteria: unknown): boolean {
  if (!criteria || typeof criteria !== 'object') return false;
  const c = criteria as Record<string, unknown>;
  if (typeof c.rule === 'string') return NAMESPACE_LABEL_RULES.has(c.rule);
  return Object.values(c).some(v =>
    Array.isArray(v) ? v.some(usesNamespaceLabels) : usesNamespaceLabels(v),
  );
}

function describeItem(item: OmeListItem): string {
  const { kind, metadata } = item.object;
  return formatOmeResourceRef({
    cluster: item.cluster,
    kind: kind as never,
    namespace: metadata?.namespace,
    name: String(metadata?.name ?? ''),
  });
}

/**
 * Permission decisions for OME objects. One conditional decision per permission and request
 * is applied to every object concerned, so that lists, creates (the object about to exist)
 * and updates (the object as it is and as it will be) are all decided by the same rules.
 */
export class OmeAuthorizer {
  readonly #permissions: PermissionsService;
  readonly #authorizeCondition: ReturnType<
    typeof createConditionAuthorizer<OmePermissionResource, OmeResourceQuery>
  >;
  readonly #namespaceLabels: NamespaceLabels;
  readonly #clusters: ClusterService;

  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<OmePermissionResource, OmeResourceQuery, string>;
    namespaceLabels: NamespaceLabels;
    clusters: ClusterService;
  }) {
    this.#permissions = options.permissions;
    this.#authorizeCondition = createConditionAuthorizer(options.ruleset);
    this.#namespaceLabels = options.namespaceLabels;
    this.#clusters = options.clusters;
  }

  /**
   * The objects each of `permissions` allows the caller (nothing on DENY), decided in ONE
   * `authorizeConditional` call.
   */
  async decide(
    credentials: BackstageCredentials,
    permissions: ResourcePermission<'ome-resource'>[],
  ): Promise<OmeDecision[]> {
    const decisions = await this.#permissions.authorizeConditional(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
    const needsLabels = decisions.some(
      d =>
        d.result === AuthorizeResult.CONDITIONAL &&
        usesNamespaceLabels((d as { conditions?: unknown }).conditions),
    );
    // Namespace labels of every cluster, read (briefly cached) before deciding.
    const labels = needsLabels
      ? new Map(
          await Promise.all(
            (
              await this.#clusters.listClusterNames()
            ).map(async c => [c, await this.#namespaceLabels.of(c)] as const),
          ),
        )
      : undefined;
    return decisions.map(decision => {
      let filter: OmeItemFilter;
      if (decision.result === AuthorizeResult.ALLOW) filter = () => true;
      else if (decision.result === AuthorizeResult.DENY) filter = () => false;
      else {
        filter = item => {
          try {
            return this.#authorizeCondition(
              decision,
              labels
                ? withNamespaceLabels(item, labels.get(item.cluster))
                : item,
            );
          } catch (error) {
            // A namespace-label rule that cannot decide (its cluster's namespaces are
            // unreadable) denies the object: fail closed, whatever combinator is around it.
            if (error instanceof NamespaceLabelsUnavailableError) return false;
            throw error;
          }
        };
      }
      return Object.assign(filter, {
        denied: decision.result === AuthorizeResult.DENY,
        unconditional: decision.result === AuthorizeResult.ALLOW,
      });
    });
  }

  /** The objects `permission` allows the caller; nothing on DENY. */
  async filter(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'ome-resource'>,
  ): Promise<OmeDecision> {
    const [decision] = await this.decide(credentials, [permission]);
    return decision;
  }

  /** Throws 403 unless `decision` (of `permission`) allows every given object. */
  assertAllowed(
    permission: ResourcePermission<'ome-resource'>,
    decision: OmeItemFilter,
    ...items: OmeListItem[]
  ): void {
    for (const item of items) {
      if (!decision(item)) {
        throw new NotAllowedError(
          `Not allowed: ${permission.name} on ${describeItem(item)}`,
        );
      }
    }
  }

  /** Throws 403 when `decision` (of `permission`) is DENY: conditions may still narrow it. */
  assertNotDenied(
    permission: ResourcePermission<'ome-resource'>,
    decision: OmeDecision,
  ): void {
    if (decision.denied) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  /** Throws 403 when `permission` is denied outright (conditions may still narrow it). */
  async requireAny(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'ome-resource'>,
  ): Promise<OmeDecision> {
    const decision = await this.filter(credentials, permission);
    this.assertNotDenied(permission, decision);
    return decision;
  }

  /**
   * May the caller create `kind` in this place? The create decision applied to an object of
   * that kind there (a decision on the object's own labels is made again when it is created),
   * with the reason when not.
   */
  async createDecision(
    credentials: BackstageCredentials,
    place: { kind: OmeKind; cluster: string; namespace?: string },
  ): Promise<{ allowed: boolean; conditional: boolean; reason?: string }> {
    const { kind, cluster, namespace } = place;
    const info = omeKindInfo(kind);
    if (info.namespaced && !namespace) {
      throw new InputError(
        `query parameter namespace: is required for ${kind}`,
      );
    }
    if (!info.namespaced && namespace !== undefined) {
      throw new InputError(
        `query parameter namespace: ${kind} is cluster-scoped`,
      );
    }
    const mayCreate = await this.filter(
      credentials,
      omeResourceCreatePermission,
    );
    const allowed = mayCreate({
      cluster,
      object: {
        apiVersion: `${OME_API_GROUP}/${OME_API_VERSION}`,
        kind,
        metadata: { name: '', ...(info.namespaced && { namespace }) },
      },
    });
    const where = info.namespaced
      ? `namespace '${namespace}' of cluster '${cluster}'`
      : `cluster '${cluster}'`;
    return {
      allowed,
      conditional: !mayCreate.unconditional && !mayCreate.denied,
      ...(!allowed && {
        reason: mayCreate.denied
          ? 'You may not create OME resources'
          : `You may not create ${kind} objects in ${where}`,
      }),
    };
  }

  /**
   * What an import into `cluster` may do: create and update OME objects as the caller's
   * decisions allow (an update both before and after), create Namespaces only with an
   * unconditional create right (they are not OME objects). 403 when create is denied.
   */
  async importRights(
    credentials: BackstageCredentials,
    cluster: string,
  ): Promise<ImportRights> {
    const [mayCreate, mayUpdate] = await this.decide(credentials, [
      omeResourceCreatePermission,
      omeResourceUpdatePermission,
    ]);
    this.assertNotDenied(omeResourceCreatePermission, mayCreate);
    return {
      mayCreate: object => mayCreate({ cluster, object }),
      mayCreateNamespace: mayCreate.unconditional,
      mayUpdate: (before, after) =>
        mayUpdate({ cluster, object: before }) &&
        mayUpdate({ cluster, object: after }),
    };
  }
}

/** What one import may write, decided once for all its documents. */
export interface ImportRights {
  mayCreate: (object: KubernetesObject) => boolean;
  mayCreateNamespace: boolean;
  mayUpdate: (before: KubernetesObject, after: KubernetesObject) => boolean;
}
