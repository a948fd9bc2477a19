import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { mockServices } from '@backstage/backend-test-utils';
import {
  omeResourceReadPermission,
  OmeListItem,
} from '@ome-console/plugin-ome-common';
import {
  NamespaceLabelsUnavailableError,
  OmePermissionResource,
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

  describe('HAS_LABEL', () => {
    const { hasLabel } = omePermissionRules;
    const labelled = (labels?: Record<string, string>): OmeListItem => ({
      cluster: 'a',
      object: {
        apiVersion: 'ome.io/v1beta1',
        kind: 'ClusterBaseModel',
        metadata: { name: 'x', ...(labels && { labels }) },
      },
    });

    it("matches the object's own label: the key alone, or the key with one of the values", () => {
      const teamA = labelled({ 'ome.io/team': 'team-a' });
      expect(hasLabel.apply(teamA, { key: 'ome.io/team' })).toBe(true);
      expect(
        hasLabel.apply(teamA, {
          key: 'ome.io/team',
          values: ['team-b', 'team-a'],
        }),
      ).toBe(true);
      expect(
        hasLabel.apply(teamA, { key: 'ome.io/team', values: ['team-b'] }),
      ).toBe(false);
      expect(hasLabel.apply(teamA, { key: 'ome.io/other' })).toBe(false);
      // An empty value is a value: it matches only when listed.
      const empty = labelled({ 'ome.io/team': '' });
      expect(hasLabel.apply(empty, { key: 'ome.io/team' })).toBe(true);
      expect(hasLabel.apply(empty, { key: 'ome.io/team', values: ['x'] })).toBe(
        false,
      );
      expect(hasLabel.apply(empty, { key: 'ome.io/team', values: [''] })).toBe(
        true,
      );
    });

    it('never matches an object without labels, nor inherited properties', () => {
      expect(hasLabel.apply(labelled(), { key: 'ome.io/team' })).toBe(false);
      expect(hasLabel.apply(labelled({}), { key: 'toString' })).toBe(false);
      expect(hasLabel.apply(labelled({}), { key: '__proto__' })).toBe(false);
    });

    it('translates to a label query and rejects an empty key', () => {
      expect(hasLabel.toQuery({ key: 'k', values: ['v'] })).toEqual({
        property: 'label',
        key: 'k',
        values: ['v'],
      });
      const bad = hasLabel.paramsSchema!['~standard'].validate({ key: '' });
      expect('issues' in (bad as object)).toBe(true);
    });
  });

  describe('NAMESPACE_HAS_LABEL', () => {
    const { namespaceHasLabel } = omePermissionRules;
    const inNamespace = (
      extra: Partial<OmePermissionResource>,
      namespace: string | undefined = 'team-a',
    ): OmePermissionResource => ({
      ...item('a', 'BaseModel', namespace),
      ...extra,
    });

    it("matches the labels of the object's namespace, not the object's own", () => {
      const resource = inNamespace({
        namespaceLabels: { 'ome.io/team': 'team-a' },
      });
      expect(namespaceHasLabel.apply(resource, { key: 'ome.io/team' })).toBe(
        true,
      );
      expect(
        namespaceHasLabel.apply(resource, {
          key: 'ome.io/team',
          values: ['team-a'],
        }),
      ).toBe(true);
      expect(
        namespaceHasLabel.apply(resource, {
          key: 'ome.io/team',
          values: ['team-b'],
        }),
      ).toBe(false);
      const ownLabelOnly: OmePermissionResource = {
        ...resource,
        namespaceLabels: {},
        object: {
          ...resource.object,
          metadata: {
            ...resource.object.metadata,
            labels: { 'ome.io/team': 'team-a' },
          },
        },
      };
      expect(
        namespaceHasLabel.apply(ownLabelOnly, { key: 'ome.io/team' }),
      ).toBe(false);
    });

    it('does not match a namespace that does not exist (no labels) nor a cluster-scoped kind', () => {
      expect(
        namespaceHasLabel.apply(inNamespace({}), { key: 'ome.io/team' }),
      ).toBe(false);
      expect(
        namespaceHasLabel.apply(
          {
            ...item('a', 'ClusterBaseModel'),
            namespaceLabels: { 'ome.io/team': 'x' },
          },
          { key: 'ome.io/team' },
        ),
      ).toBe(false);
      // Cluster-scoped: nothing to look up, so an unreadable cluster changes nothing.
      expect(
        namespaceHasLabel.apply(
          {
            ...item('a', 'ClusterBaseModel'),
            namespaceLabelsUnavailable: true,
          },
          { key: 'ome.io/team' },
        ),
      ).toBe(false);
    });

    it('cannot decide when the namespaces could not be read: it throws rather than answer false', () => {
      expect(() =>
        namespaceHasLabel.apply(
          inNamespace({ namespaceLabelsUnavailable: true }),
          {
            key: 'ome.io/team',
          },
        ),
      ).toThrow(NamespaceLabelsUnavailableError);
      expect(() =>
        namespaceHasLabel.apply(
          inNamespace({ namespaceLabelsUnavailable: true }),
          {
            key: 'ome.io/team',
          },
        ),
      ).toThrow("cluster 'a'");
    });

    it('so a `not` around it fails closed instead of matching everything in an unreadable cluster', () => {
      const authorize = createConditionAuthorizer({
        getRuleByName: (name: string) =>
          Object.values(omePermissionRules).find(r => r.name === name)!,
      } as any);
      const decision = createOmeConditionalDecision(omeResourceReadPermission, {
        not: omeConditions.namespaceHasLabel({ key: 'restricted' }),
      });
      const readable = inNamespace({ namespaceLabels: {} });
      const restricted = inNamespace({
        namespaceLabels: { restricted: 'yes' },
      });
      expect(authorize(decision, readable)).toBe(true);
      expect(authorize(decision, restricted)).toBe(false);
      expect(() =>
        authorize(decision, inNamespace({ namespaceLabelsUnavailable: true })),
      ).toThrow(NamespaceLabelsUnavailableError);
    });

    it('translates to a namespace-label query', () => {
      expect(namespaceHasLabel.toQuery({ key: 'k' })).toEqual({
        property: 'namespaceLabel',
        key: 'k',
        values: undefined,
      });
    });
  });
});
