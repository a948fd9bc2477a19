import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { mockServices } from '@backstage/backend-test-utils';
import {
  omeResourceReadPermission,
  OmeListItem,
} from '@ome-console/plugin-ome-common';
import {
  createOmeConditionalDecision,
  omeConditions,
  omePermissionRules,
  omeResourcePermissionResourceRef,
} from './rules';

const item = (
  cluster: string,
  kind: string,
  namespace?: string,
): OmeListItem => ({
  cluster,
  object: {
    apiVersion: 'ome.io/v1beta1',
    kind,
    metadata: { name: 'x', ...(namespace && { namespace }) },
  },
});

describe('OME permission rules', () => {
  const { isCluster, isNamespace, isKind } = omePermissionRules;

  it('apply to the cluster, namespace and kind of an item', () => {
    expect(isCluster.apply(item('a', 'BaseModel'), { clusters: ['a'] })).toBe(
      true,
    );
    expect(isCluster.apply(item('b', 'BaseModel'), { clusters: ['a'] })).toBe(
      false,
    );
    expect(
      isNamespace.apply(item('a', 'BaseModel', 'team-a'), {
        namespaces: ['team-a'],
      }),
    ).toBe(true);
    expect(
      isNamespace.apply(item('a', 'ClusterBaseModel'), {
        namespaces: ['team-a'],
      }),
    ).toBe(false);
    expect(
      isKind.apply(item('a', 'ClusterBaseModel'), {
        kinds: ['ClusterBaseModel'],
      }),
    ).toBe(true);
    expect(
      isKind.apply(item('a', 'BaseModel'), { kinds: ['ClusterBaseModel'] }),
    ).toBe(false);
  });

  it('translate to queries', () => {
    expect(isCluster.toQuery({ clusters: ['a'] })).toEqual({
      property: 'cluster',
      values: ['a'],
    });
    expect(isKind.toQuery({ kinds: ['BaseModel'] })).toEqual({
      property: 'kind',
      values: ['BaseModel'],
    });
  });

  it('validate params with JSON-schema capable schemas', () => {
    const schema = isKind.paramsSchema!;
    expect(
      schema['~standard'].validate({ kinds: ['ClusterBaseModel'] }),
    ).toEqual({
      value: { kinds: ['ClusterBaseModel'] },
    });
    const bad = schema['~standard'].validate({ kinds: ['Pod'] });
    expect('issues' in (bad as object)).toBe(true);
  });

  it('register with the permissions registry and filter in memory', () => {
    const registry = mockServices.permissionsRegistry.mock();
    const ruleset = {
      getRuleByName: (name: string) =>
        Object.values(omePermissionRules).find(r => r.name === name)!,
    };
    registry.getPermissionRuleset.mockReturnValue(ruleset as any);
    const authorize = createConditionAuthorizer(
      registry.getPermissionRuleset(omeResourcePermissionResourceRef),
    );
    const decision = createOmeConditionalDecision(omeResourceReadPermission, {
      anyOf: [
        omeConditions.isCluster({ clusters: ['a'] }),
        {
          allOf: [
            omeConditions.isKind({ kinds: ['BaseModel'] }),
            omeConditions.isNamespace({ namespaces: ['team-b'] }),
          ],
        },
      ],
    });
    expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
    expect(decision.pluginId).toBe('ome');
    expect(decision.resourceType).toBe('ome-resource');
    expect(authorize(decision, item('a', 'ClusterBaseModel'))).toBe(true);
    expect(authorize(decision, item('b', 'ClusterBaseModel'))).toBe(false);
    expect(authorize(decision, item('b', 'BaseModel', 'team-b'))).toBe(true);
    expect(authorize(decision, item('b', 'BaseModel', 'team-a'))).toBe(false);
  });
});
