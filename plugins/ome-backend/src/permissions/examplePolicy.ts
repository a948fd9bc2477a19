import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  OME_RESOURCE_TYPE,
  omeSecretCreatePermission,
} from '@ome-console/plugin-ome-common';
import { createOmeConditionalDecision, omeConditions } from './rules';

/**
 * Options of {@link OmeExamplePolicy}.
 * @public
 */
export interface OmeExamplePolicyOptions {
  /** Resolves a caller's ownership entity refs (the user and its groups). */
  userInfo: UserInfoService;
  /** Members of these groups may do everything. Default `['group:default/ome-admins']`. */
  adminGroups?: string[];
  /** The namespace label naming a namespace's team. Default `ome.io/team`. */
  teamLabel?: string;
}

/**
 * The example app's OME policy (a starting point for your own; it allows every permission
 * of other plugins):
 *
 * - members of an admin group (`group:default/ome-admins`) may do everything;
 * - every signed-in user reads OME resources and their operational data;
 * - members of a team (any `group:default/<team>`) create, update and delete namespaced
 *   OME resources in namespaces labelled `ome.io/team: <team>` (`NAMESPACE_HAS_LABEL`), on
 *   every cluster; cluster-scoped kinds (ClusterBaseModel, ClusterServingRuntime,
 *   AcceleratorClass, FineTunedWeight) are read-only for them, because that rule never
 *   matches an object without a namespace;
 * - everyone else reads.
 *
 * @public
 */
export class OmeExamplePolicy implements PermissionPolicy {
  readonly #userInfo: UserInfoService;
  readonly #adminGroups: Set<string>;
  readonly #teamLabel: string;

  constructor(options: OmeExamplePolicyOptions) {
    this.#userInfo = options.userInfo;
    this.#adminGroups = new Set(
      (options.adminGroups ?? ['group:default/ome-admins']).map(g =>
        g.toLocaleLowerCase('en-US'),
      ),
    );
    this.#teamLabel = options.teamLabel ?? 'ome.io/team';
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const secret = permission.name === omeSecretCreatePermission.name;
    if (!secret && !isResourcePermission(permission, OME_RESOURCE_TYPE)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) return { result: AuthorizeResult.DENY };
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    const refs = ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US'));
    if (refs.some(r => this.#adminGroups.has(r))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (secret) {
      // Hub tokens: team members (who may create models in their namespaces) may store
      // them; where the model may go is decided by ome.resource.create.
      return refs.some(r => r.startsWith('group:default/'))
        ? { result: AuthorizeResult.ALLOW }
        : { result: AuthorizeResult.DENY };
    }
    if (!isResourcePermission(permission, OME_RESOURCE_TYPE)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (permission.attributes.action === 'read') {
      return { result: AuthorizeResult.ALLOW };
    }
    // Teams are groups in the default namespace: their names are valid label values.
    const teams = refs
      .filter(r => r.startsWith('group:default/'))
      .map(r => r.slice('group:default/'.length));
    if (!teams.length) return { result: AuthorizeResult.DENY };
    return createOmeConditionalDecision(
      permission,
      omeConditions.namespaceHasLabel({ key: this.#teamLabel, values: teams }),
    );
  }
}
