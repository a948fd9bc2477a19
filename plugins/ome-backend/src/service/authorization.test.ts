import { mockCredentials } from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  OmeListItem,
  omeResourceReadPermission,
} from '@ome-console/plugin-ome-common';
import { NamespaceLabels } from '../permissions/NamespaceLabels';
import {
  createOmeConditionalDecision,
  omeConditions,
  omePermissionRules,
} from '../permissions/rules';
import { ClusterService } from './ClusterService';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { OmeAuthorizer } from './authorization';

const item = (cluster: string, namespace?: string): OmeListItem => ({
  cluster,
  object: {
    apiVersion: 'ome.io/v1beta1',
    kind: namespace ? 'BaseModel' : 'ClusterBaseModel',
    metadata: { name: 'm', ...(namespace && { namespace }) },
  },
});

/**
 * An authorizer whose policy answers `conditions` for every permission, over clusters `up`
 * (namespace `open` unlabelled, `locked` labelled restricted) and `down` (its namespaces
 * cannot be read).
 */
function authorizerWith(
  conditions: Parameters<typeof createOmeConditionalDecision>[1],
) {
  const permissions = {
    authorize: jest.fn(),
    authorizeConditional: jest.fn(async (requests: unknown[]) =>
      requests.map(() =>
        createOmeConditionalDecision(omeResourceReadPermission, conditions),
      ),
    ),
  } as unknown as PermissionsService;
  const request = jest.fn(async (cluster: string) => {
    if (cluster === 'down') throw new Error("Cluster 'down' is unreachable");
    return {
      items: [
        { metadata: { name: 'open', labels: {} } },
        { metadata: { name: 'locked', labels: { restricted: 'yes' } } },
      ],
    };
  });
  return new OmeAuthorizer({
    permissions,
    ruleset: {
      getRuleByName: (name: string) =>
        Object.values(omePermissionRules).find(r => r.name === name)!,
    } as never,
    namespaceLabels: new NamespaceLabels({
      client: { request } as unknown as KubernetesProxyClient,
    }),
    clusters: {
      listClusterNames: async () => ['up', 'down'],
    } as unknown as ClusterService,
  });
}

describe('OmeAuthorizer with namespace-label conditions', () => {
  it('NAMESPACE_HAS_LABEL under `not` denies objects of a cluster whose namespaces cannot be read (fails closed)', async () => {
    const authorizer = authorizerWith({
      not: omeConditions.namespaceHasLabel({ key: 'restricted' }),
    });
    const mayRead = await authorizer.filter(
      mockCredentials.user(),
      omeResourceReadPermission,
    );
    expect(mayRead.unconditional).toBe(false);
    expect(mayRead(item('up', 'open'))).toBe(true);
    expect(mayRead(item('up', 'locked'))).toBe(false);
    expect(mayRead(item('down', 'open'))).toBe(false);
    expect(mayRead(item('down', 'locked'))).toBe(false);
    // A cluster-scoped object has no namespace to look up: decided as usual.
    expect(mayRead(item('down'))).toBe(true);
  });

  it('NAMESPACE_HAS_LABEL as an allow condition matches nothing in an unreadable cluster', async () => {
    const authorizer = authorizerWith({
      anyOf: [omeConditions.namespaceHasLabel({ key: 'restricted' })],
    });
    const mayRead = await authorizer.filter(
      mockCredentials.user(),
      omeResourceReadPermission,
    );
    expect(mayRead(item('up', 'locked'))).toBe(true);
    expect(mayRead(item('up', 'open'))).toBe(false);
    expect(mayRead(item('down', 'locked'))).toBe(false);
  });

  it('other conditions in an unreadable cluster still decide, and a cluster the labels were not read for fails closed', async () => {
    const authorizer = authorizerWith({
      anyOf: [
        omeConditions.isCluster({ clusters: ['down'] }),
        { not: omeConditions.namespaceHasLabel({ key: 'restricted' }) },
      ],
    });
    const mayRead = await authorizer.filter(
      mockCredentials.user(),
      omeResourceReadPermission,
    );
    // IS_CLUSTER alone allows it; the unknown namespace label is never needed.
    expect(mayRead(item('down', 'open'))).toBe(true);
    // A cluster missing from the cluster list: its labels are unknown, so closed.
    expect(mayRead(item('elsewhere', 'open'))).toBe(false);
    expect(mayRead(item('up', 'open'))).toBe(true);
  });

  it('createDecision under `not` NAMESPACE_HAS_LABEL refuses an unreadable cluster with a reason', async () => {
    const authorizer = authorizerWith({
      not: omeConditions.namespaceHasLabel({ key: 'restricted' }),
    });
    expect(
      await authorizer.createDecision(mockCredentials.user(), {
        kind: 'BaseModel',
        cluster: 'down',
        namespace: 'open',
      }),
    ).toEqual({
      allowed: false,
      conditional: true,
      reason:
        "You may not create BaseModel objects in namespace 'open' of cluster 'down'",
    });
    expect(
      (
        await authorizer.createDecision(mockCredentials.user(), {
          kind: 'BaseModel',
          cluster: 'up',
          namespace: 'open',
        })
      ).allowed,
    ).toBe(true);
  });

  it('an unconditional ALLOW does not read namespace labels at all', async () => {
    const permissions = {
      authorizeConditional: async (requests: unknown[]) =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    } as unknown as PermissionsService;
    const request = jest.fn();
    const authorizer = new OmeAuthorizer({
      permissions,
      ruleset: { getRuleByName: () => undefined } as never,
      namespaceLabels: new NamespaceLabels({
        client: { request } as unknown as KubernetesProxyClient,
      }),
      clusters: { listClusterNames: async () => ['down'] } as never,
    });
    const mayRead = await authorizer.filter(
      mockCredentials.user(),
      omeResourceReadPermission,
    );
    expect(mayRead(item('down', 'open'))).toBe(true);
    expect(request).not.toHaveBeenCalled();
  });
});
