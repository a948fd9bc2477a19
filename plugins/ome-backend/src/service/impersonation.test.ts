import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  actingUserOf,
  impersonatedIdentity,
  impersonationHeaders,
  kubernetesName,
} from './impersonation';

const NO_PREFIX = { userPrefix: '', groupPrefix: '' };

describe('kubernetesName', () => {
  it('drops the default namespace and keeps any other as a prefix with a slash', () => {
    expect(kubernetesName('user:default/alice')).toBe('alice');
    expect(kubernetesName('group:platform/admins')).toBe('platform/admins');
    // The short form (no namespace) is the default namespace.
    expect(kubernetesName('group:team-a')).toBe('team-a');
  });

  it('refuses what is not an entity ref rather than inventing a name', () => {
    for (const bad of ['alice', 'user:', 'user:a/b/c', ':default/x', '']) {
      expect(() => kubernetesName(bad)).toThrow(/Not an entity ref/);
    }
  });
});

describe('impersonatedIdentity', () => {
  it('maps the user and only the group refs among the ownership refs, sorted and without duplicates', () => {
    expect(
      impersonatedIdentity(NO_PREFIX, {
        userEntityRef: 'user:default/alice',
        ownershipEntityRefs: [
          'user:default/alice',
          'group:default/team-b',
          'group:platform/admins',
          'Group:default/team-a',
          'group:default/team-b',
          'component:default/not-a-principal',
        ],
      }),
    ).toEqual({
      user: 'alice',
      groups: ['platform/admins', 'team-a', 'team-b'],
    });
  });

  it('puts the prefixes before the user and every group, namespaced names included', () => {
    expect(
      impersonatedIdentity(
        { userPrefix: 'backstage:', groupPrefix: 'backstage-group:' },
        {
          userEntityRef: 'user:partners/eve',
          ownershipEntityRefs: ['group:partners/readers', 'group:default/x'],
        },
      ),
    ).toEqual({
      user: 'backstage:partners/eve',
      groups: ['backstage-group:partners/readers', 'backstage-group:x'],
    });
  });

  it('maps a user without groups to no groups (not to the system groups)', () => {
    expect(
      impersonatedIdentity(NO_PREFIX, {
        userEntityRef: 'user:default/rita',
        ownershipEntityRefs: ['user:default/rita'],
      }),
    ).toEqual({ user: 'rita', groups: [] });
  });

  it('never yields a system: name from a Backstage entity with an empty prefix', () => {
    // Entity names cannot hold ':'; a ref that tries is not an entity ref at all.
    expect(() =>
      impersonatedIdentity(NO_PREFIX, {
        userEntityRef: 'user:default/system:admin',
        ownershipEntityRefs: [],
      }),
    ).toThrow(/Not an entity ref/);
    const { user, groups } = impersonatedIdentity(NO_PREFIX, {
      userEntityRef: 'user:system/masters',
      ownershipEntityRefs: ['group:system/masters'],
    });
    expect(user).toBe('system/masters');
    expect(groups).toEqual(['system/masters']);
  });
});

describe('impersonationHeaders', () => {
  it('sends the impersonator credential, the user, and one Impersonate-Group per group', () => {
    expect(
      impersonationHeaders(
        { token: 'imp-token', userPrefix: 'u:', groupPrefix: 'g:' },
        {
          userEntityRef: 'user:default/bob',
          ownershipEntityRefs: ['group:default/team-b', 'group:ops/oncall'],
        },
      ),
    ).toEqual([
      ['Backstage-Kubernetes-Authorization', 'Bearer imp-token'],
      ['Impersonate-User', 'u:bob'],
      ['Impersonate-Group', 'g:ops/oncall'],
      ['Impersonate-Group', 'g:team-b'],
    ]);
  });
});

describe('actingUserOf', () => {
  const userInfo = mockServices.userInfo({
    ownershipEntityRefs: ['user:default/alice', 'group:default/team-a'],
  });

  it('acts as a user with the ownership refs of the user info service', async () => {
    expect(
      await actingUserOf(userInfo, mockCredentials.user('user:default/alice')),
    ).toEqual({
      userEntityRef: 'user:default/alice',
      ownershipEntityRefs: ['user:default/alice', 'group:default/team-a'],
    });
  });

  it('acts as the OME backend itself for a service principal (no impersonation)', async () => {
    const getUserInfo = jest.fn();
    expect(
      await actingUserOf(
        { getUserInfo } as never,
        mockCredentials.service('plugin:catalog'),
      ),
    ).toBeUndefined();
    expect(getUserInfo).not.toHaveBeenCalled();
  });
});
