import {
  entityInferenceServiceQuery,
  formatInferenceServiceRef,
  isOmeAvailable,
  parseInferenceServiceRefs,
} from './entity';

const entity = (annotations?: Record<string, string>) => ({
  metadata: { annotations },
});

describe('parseInferenceServiceRefs', () => {
  it('reads comma-separated cluster/namespace/name refs, once each, and names the bad parts', () => {
    expect(
      parseInferenceServiceRefs(
        ' a/team-a/chat, b/team-b/chat ,a/team-a/chat,,oops, x//y, a/b/c/d',
      ),
    ).toEqual({
      refs: [
        {
          cluster: 'a',
          kind: 'InferenceService',
          namespace: 'team-a',
          name: 'chat',
        },
        {
          cluster: 'b',
          kind: 'InferenceService',
          namespace: 'team-b',
          name: 'chat',
        },
      ],
      invalid: ['oops', 'x//y', 'a/b/c/d'],
    });
    expect(parseInferenceServiceRefs(undefined)).toEqual({
      refs: [],
      invalid: [],
    });
  });

  it('round-trips with formatInferenceServiceRef', () => {
    const ref = { cluster: 'c', namespace: 'n', name: 'm' };
    expect(
      parseInferenceServiceRefs(formatInferenceServiceRef(ref)).refs,
    ).toEqual([{ ...ref, kind: 'InferenceService' }]);
  });
});

describe('entityInferenceServiceQuery and isOmeAvailable', () => {
  it('has nothing for an entity without the annotations (no tab)', () => {
    for (const e of [
      entity(),
      entity({}),
      entity({ 'backstage.io/kubernetes-cluster': 'a' }),
      entity({ 'ome.io/inference-services': '  ' }),
      {} as any,
    ]) {
      expect(entityInferenceServiceQuery(e)).toBeUndefined();
      expect(isOmeAvailable(e)).toBe(false);
    }
  });

  it('takes the OME annotation', () => {
    const e = entity({ 'ome.io/inference-services': 'a/n/s' });
    expect(isOmeAvailable(e)).toBe(true);
    expect(entityInferenceServiceQuery(e)).toEqual({
      refs: [
        { cluster: 'a', kind: 'InferenceService', namespace: 'n', name: 's' },
      ],
      invalid: [],
    });
  });

  it("takes Backstage's kubernetes annotations: id as a label, a selector before it, namespace and cluster to narrow", () => {
    expect(
      entityInferenceServiceQuery(
        entity({ 'backstage.io/kubernetes-id': 'chat' }),
      )?.list,
    ).toEqual({ labelSelector: 'backstage.io/kubernetes-id=chat' });
    expect(
      entityInferenceServiceQuery(
        entity({
          'backstage.io/kubernetes-id': 'chat',
          'backstage.io/kubernetes-label-selector': 'app=chat,tier!=gpu',
          'backstage.io/kubernetes-namespace': 'team-a',
          'backstage.io/kubernetes-cluster': 'prod-a',
        }),
      )?.list,
    ).toEqual({
      labelSelector: 'app=chat,tier!=gpu',
      namespace: 'team-a',
      cluster: 'prod-a',
    });
    expect(
      entityInferenceServiceQuery(
        entity({ 'backstage.io/kubernetes-namespace': 'team-b' }),
      ),
    ).toEqual({ refs: [], invalid: [], list: { namespace: 'team-b' } });
  });
});
