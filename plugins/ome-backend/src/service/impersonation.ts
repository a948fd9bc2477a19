import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';

/** `kind:namespace/name` (the full form user info and tokens carry), or undefined. */
function parseEntityRef(
  ref: string,
): { kind: string; namespace: string; name: string } | undefined {
  const m = /^([^:/]+):(?:([^:/]+)\/)?([^:/]+)$/.exec(ref);
  if (!m) return undefined;
  return { kind: m[1], namespace: m[2] ?? 'default', name: m[3] };
}

/** The Backstage user a cluster request is made for. */
export interface ActingUser {
  /** e.g. `user:default/alice` */
  userEntityRef: string;
  /** The user's ownership entity refs (the user and its groups), from the user info service. */
  ownershipEntityRefs: string[];
}

/**
 * Who a caller's cluster requests act as: a Backstage user as themselves (their entity ref
 * and ownership refs from the user info service); a service principal as the OME backend
 * itself (undefined), since a service has no Kubernetes identity to map to.
 */
export async function actingUserOf(
  userInfo: UserInfoService,
  credentials: BackstageCredentials,
): Promise<ActingUser | undefined> {
  if ((credentials.principal as { type?: unknown }).type !== 'user') {
    return undefined;
  }
  const info = await userInfo.getUserInfo(credentials);
  return {
    userEntityRef: info.userEntityRef,
    ownershipEntityRefs: info.ownershipEntityRefs,
  };
}

/** Impersonation settings of one cluster (`ome.clusters[].impersonation`). */
export interface ImpersonationSettings {
  /** Bearer token of the OME backend's impersonator credential (only the `impersonate` verb). */
  token: string;
  /** Put before the Kubernetes user name; '' by default. */
  userPrefix: string;
  /** Put before every Kubernetes group name; '' by default. */
  groupPrefix: string;
}

/**
 * The Kubernetes name of a Backstage entity ref: its name, prefixed by its namespace and a
 * slash when that is not `default` (`user:default/alice` → `alice`,
 * `group:platform/admins` → `platform/admins`). Entity names cannot contain `:`, so with an
 * empty prefix no Backstage entity maps to a `system:` name.
 */
export function kubernetesName(entityRef: string): string {
  const parsed = parseEntityRef(entityRef);
  if (!parsed) throw new Error(`Not an entity ref: '${entityRef}'`);
  const { namespace, name } = parsed;
  return namespace === 'default' ? name : `${namespace}/${name}`;
}

/** The Kubernetes user and groups an acting Backstage user is impersonated as. */
export function impersonatedIdentity(
  settings: Pick<ImpersonationSettings, 'userPrefix' | 'groupPrefix'>,
  actor: ActingUser,
): { user: string; groups: string[] } {
  const groups = new Set<string>();
  for (const ref of actor.ownershipEntityRefs) {
    if (parseEntityRef(ref)?.kind.toLocaleLowerCase('en-US') === 'group')
      groups.add(`${settings.groupPrefix}${kubernetesName(ref)}`);
  }
  return {
    user: `${settings.userPrefix}${kubernetesName(actor.userEntityRef)}`,
    groups: [...groups].sort(),
  };
}

/**
 * The headers of an impersonated request through the kubernetes backend's proxy: the
 * impersonator credential as `Backstage-Kubernetes-Authorization` (the proxy sends it as
 * `Authorization` instead of the cluster's own credential), `Impersonate-User`, and the
 * groups in one `Impersonate-Group` header each.
 */
export function impersonationHeaders(
  settings: ImpersonationSettings,
  actor: ActingUser,
): Array<[string, string]> {
  const { user, groups } = impersonatedIdentity(settings, actor);
  return [
    ['Backstage-Kubernetes-Authorization', `Bearer ${settings.token}`],
    ['Impersonate-User', user],
    ...groups.map(g => ['Impersonate-Group', g] as [string, string]),
  ];
}
