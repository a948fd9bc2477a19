import {
  formatOmeResourceRef,
  omePermissions,
  OME_RESOURCE_TYPE,
  parseOmeResourceRef,
} from './permissions';

describe('OME permissions', () => {
  it('defines the resource permissions on one resource type', () => {
    expect(omePermissions.map(p => p.name)).toEqual([
      'ome.resource.read',
      'ome.resource.create',
      'ome.resource.update',
      'ome.resource.delete',
      'ome.resource.operational.read',
    ]);
    for (const p of omePermissions) {
      expect(p.type).toBe('resource');
      expect((p as { resourceType?: string }).resourceType).toBe(
        OME_RESOURCE_TYPE,
      );
    }
  });
});

describe('OME resource refs', () => {
  it('formats cluster-scoped and namespaced objects', () => {
    expect(
      formatOmeResourceRef({
        cluster: 'ome-dev-a',
        kind: 'ClusterBaseModel',
        name: 'llama-3-8b',
      }),
    ).toBe(
      'cluster:ome-dev-a/namespace:_/kind:ClusterBaseModel/name:llama-3-8b',
    );
    expect(
      formatOmeResourceRef({
        cluster: 'ome-dev-b',
        namespace: 'team-b',
        kind: 'InferenceService',
        name: 'chat',
      }),
    ).toBe(
      'cluster:ome-dev-b/namespace:team-b/kind:InferenceService/name:chat',
    );
  });

  it('round-trips, encoding awkward cluster names', () => {
    const parts = {
      cluster: 'prod/eu west:1',
      namespace: 'team-a',
      kind: 'BaseModel' as const,
      name: 'm.v1',
    };
    const ref = formatOmeResourceRef(parts);
    expect(ref.split('/')).toHaveLength(4);
    expect(parseOmeResourceRef(ref)).toEqual(parts);
    const clusterScoped = {
      cluster: 'a',
      kind: 'AcceleratorClass' as const,
      name: 'h100',
    };
    expect(parseOmeResourceRef(formatOmeResourceRef(clusterScoped))).toEqual(
      clusterScoped,
    );
  });

  it('rejects strings that are not OME refs', () => {
    expect(parseOmeResourceRef('component:default/x')).toBeUndefined();
    expect(parseOmeResourceRef('cluster:a/namespace:_/kind:K')).toBeUndefined();
    expect(
      parseOmeResourceRef('cluster:%E0%A4%A/namespace:_/kind:K/name:n'),
    ).toBeUndefined();
  });
});
