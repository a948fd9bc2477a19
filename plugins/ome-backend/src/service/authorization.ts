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
  formatOmeResourceRef,
} from '@ome-console/plugin-ome-common';
import { OmeResourceQuery } from '../permissions/rules';

/** A decision applied to objects: which the caller may act on. */
export type OmeItemFilter = (item: OmeListItem) => boolean;

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
  readonly #authorizeCondition: ReturnType<typeof createConditionAuthorizer<OmeListItem, OmeResourceQuery>>;

  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<OmeListItem, OmeResourceQuery, string>;
  }) {
    this.#permissions = options.permissions;
    this.#authorizeCondition = createConditionAuthorizer(options.ruleset);
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
    else filter = item => this.#authorizeCondition(decision, item);
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
