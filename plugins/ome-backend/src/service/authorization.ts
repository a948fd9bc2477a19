import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  OmeListItem,
  OmeObjectRef,
  formatOmeResourceRef,
} from '@ome-console/plugin-ome-common';
import { NamespaceLabels } from '../permissions/NamespaceLabels';
import {
  NAMESPACE_LABEL_RULES,
  OmePermissionResource,
  OmeResourceQuery,
} from '../permissions/rules';
import { ClusterService } from './ClusterService';

/** A decision applied to objects: which the caller may act on. */
export type OmeItemFilter = (item: OmeListItem) => boolean;

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
   * Decides `permission` for one existing object by its canonical resource ref
   * (`permissions.authorize`; the permission backend resolves a conditional decision
   * through this plugin's `getResources`). Throws 403 unless allowed.
   */
  async requireRef(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'ome-resource'>,
    parts: OmeObjectRef,
  ): Promise<void> {
    const resourceRef = formatOmeResourceRef(parts);
    const [decision] = await this.#permissions.authorize(
      [{ permission, resourceRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name} on ${resourceRef}`);
    }
  }

  /** The objects `permission` allows the caller; nothing on DENY. */
  async filter(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'ome-resource'>,
  ): Promise<OmeItemFilter & { denied: boolean; unconditional: boolean }> {
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    let filter: OmeItemFilter;
    if (decision.result === AuthorizeResult.ALLOW) filter = () => true;
    else if (decision.result === AuthorizeResult.DENY) filter = () => false;
    else if (!usesNamespaceLabels((decision as { conditions?: unknown }).conditions)) {
      filter = item => this.#authorizeCondition(decision, item);
    } else {
      // Namespace labels of every cluster, read (briefly cached) before deciding.
      const names = await this.#clusters.listClusterNames();
      const labels = new Map(
        await Promise.all(
          names.map(async c => [c, await this.#namespaceLabels.of(c)] as const),
        ),
      );
      filter = item => {
        const ns = item.object.metadata?.namespace;
        const namespaceLabels =
          typeof ns === 'string' ? labels.get(item.cluster)?.get(ns) : undefined;
        return this.#authorizeCondition(decision, {
          ...item,
          ...(namespaceLabels && { namespaceLabels }),
        });
      };
    }
    return Object.assign(filter, {
      denied: decision.result === AuthorizeResult.DENY,
      unconditional: decision.result === AuthorizeResult.ALLOW,
    });
  }

  /** Throws 403 unless `permission` allows the caller every given object. */
  async require(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'ome-resource'>,
    ...items: OmeListItem[]
  ): Promise<void> {
    const allowed = await this.filter(credentials, permission);
    for (const item of items) {
      if (!allowed(item)) {
        throw new NotAllowedError(
          `Not allowed: ${permission.name} on ${describeItem(item)}`,
        );
      }
    }
  }

  /** Throws 403 when `permission` is denied outright (conditions may still narrow it). */
  async requireAny(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'ome-resource'>,
  ): Promise<OmeItemFilter & { unconditional: boolean }> {
    const allowed = await this.filter(credentials, permission);
    if (allowed.denied) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return allowed;
  }
}
