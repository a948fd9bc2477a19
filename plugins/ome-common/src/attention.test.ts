import { OmeListItem } from './api';
import { omeAttentionItems } from './attention';
import { summarizeInferenceService } from './services';
import { KubernetesObject } from './types';

const obj = (
  kind: string,
  name: string,
  rest: Partial<KubernetesObject> & { namespace?: string } = {},
): KubernetesObject => {
  const { namespace, ...fields } = rest;
  return {
    apiVersion: 'ome.io/v1beta1',
    kind,
    metadata: { name, ...(namespace && { namespace }) },
    ...fields,
  };
};
const on = (cluster: string, object: KubernetesObject): OmeListItem => ({
  cluster,
  object,
});

const readyCondition = (status: string, extra: object = {}) => ({
  conditions: [{ type: 'Ready', status, ...extra }],
});

describe('summarizeInferenceService', () => {
  it('reads model, runtime, url, replicas and a ready state', () => {
    const s = summarizeInferenceService(
      obj('InferenceService', 'chat', {
        namespace: 'team-a',
        spec: {
          model: { name: 'llama' },
          runtime: { name: 'srt-llama' },
          engine: { minReplicas: 1, maxReplicas: 3 },
        },
        status: {
          ...readyCondition('True', {
            lastTransitionTime: '2026-01-01T00:00:00Z',
          }),
          url: 'http://chat.team-a',
          modelStatus: { modelCopies: { totalCopies: 2 } },
        },
      }),
    );
    expect(s).toEqual({
      name: 'chat',
      namespace: 'team-a',
      model: 'llama',
      runtime: 'srt-llama',
      url: 'http://chat.team-a',
      replicas: { min: 1, max: 3, ready: 2 },
      state: 'Ready',
      stateText: 'Ready',
      since: '2026-01-01T00:00:00Z',
    });
  });

  it("names OME's failure reason in plain words, before the conditions'", () => {
    const s = summarizeInferenceService(
      obj('InferenceService', 'chat', {
        status: {
          ...readyCondition('False', { reason: 'Other', message: 'm' }),
          modelStatus: {
            lastFailureInfo: {
              reason: 'BaseModelNotReady',
              message: 'model llama is in state Failed',
            },
          },
        },
      }),
    );
    expect(s.state).toBe('NotReady');
    expect(s.stateText).toBe('Not ready: the model is not ready');
    expect(s.message).toBe('model llama is in state Failed');
  });

  it('falls back to the Ready condition, then another condition, and copes with no status', () => {
    expect(
      summarizeInferenceService(
        obj('InferenceService', 'a', {
          status: readyCondition('Unknown', { reason: 'SomeNewReason' }),
        }),
      ).stateText,
    ).toBe('Not ready yet: some new reason');
    expect(
      summarizeInferenceService(
        obj('InferenceService', 'b', {
          status: {
            conditions: [
              { type: 'Ready', status: 'False' },
              {
                type: 'EngineReady',
                status: 'False',
                reason: 'RuntimeDisabled',
              },
            ],
          },
        }),
      ).stateText,
    ).toBe('Not ready: the serving runtime is disabled');
    const none = summarizeInferenceService(obj('InferenceService', 'c'));
    expect(none.stateText).toBe('No status reported yet');
    expect(none.replicas).toEqual({});
    expect(summarizeInferenceService({} as any).name).toBe('');
  });
});

describe('omeAttentionItems', () => {
  it('lists failed models with the nodes they failed on, and nothing for the others', () => {
    const items = omeAttentionItems({
      ClusterBaseModel: [
        on('a', obj('ClusterBaseModel', 'ok', { status: { state: 'Ready' } })),
        on(
          'a',
          obj('ClusterBaseModel', 'moving', {
            status: { state: 'In_Transit' },
          }),
        ),
        on(
          'a',
          obj('ClusterBaseModel', 'broken', {
            status: { state: 'Failed', nodesFailed: ['n1', 'n2'] },
          }),
        ),
      ],
      BaseModel: [
        on(
          'b',
          obj('BaseModel', 'mine', {
            namespace: 't',
            status: { state: 'Failed' },
          }),
        ),
      ],
    });
    expect(items).toEqual([
      {
        reason: 'model-failed',
        severity: 'error',
        ref: { cluster: 'a', kind: 'ClusterBaseModel', name: 'broken' },
        summary: 'Model failed on 2 nodes',
        detail: 'Failed on n1, n2',
        related: [],
      },
      {
        reason: 'model-failed',
        severity: 'error',
        ref: { cluster: 'b', kind: 'BaseModel', namespace: 't', name: 'mine' },
        summary: 'Model failed',
        related: [],
      },
    ]);
  });

  it('lists services not ready with their reason: False as errors, Unknown as warnings', () => {
    const items = omeAttentionItems({
      InferenceService: [
        on(
          'a',
          obj('InferenceService', 'fine', {
            namespace: 'n',
            status: readyCondition('True'),
          }),
        ),
        on(
          'a',
          obj('InferenceService', 'starting', {
            namespace: 'n',
            status: {
              ...readyCondition('Unknown', { reason: 'BaseModelNotReady' }),
              modelStatus: { transitionStatus: 'InProgress' },
            },
          }),
        ),
        on(
          'a',
          obj('InferenceService', 'down', {
            namespace: 'n',
            status: {
              ...readyCondition('False', { lastTransitionTime: 't0' }),
              modelStatus: {
                transitionStatus: 'BlockedByFailedLoad',
                lastFailureInfo: {
                  reason: 'NoSupportingRuntime',
                  message: 'none fits',
                },
              },
            },
          }),
        ),
      ],
    });
    expect(
      items.map(i => [i.ref.name, i.severity, i.summary, i.detail]),
    ).toEqual([
      [
        'down',
        'error',
        'Not ready: no serving runtime supports the model',
        'NoSupportingRuntime: none fits; model transition BlockedByFailedLoad',
      ],
      [
        'starting',
        'warning',
        'Not ready yet: the model is not ready',
        'BaseModelNotReady; model transition InProgress',
      ],
    ]);
    expect(items[0].since).toBe('t0');
  });

  it('lists disabled runtimes a service names, resolved as OME does (namespace first), with those services', () => {
    const svc = (cluster: string, name: string, ns: string, runtime: string) =>
      on(
        cluster,
        obj('InferenceService', name, {
          namespace: ns,
          spec: { runtime: { name: runtime } },
          status: readyCondition('True'),
        }),
      );
    const items = omeAttentionItems({
      ClusterServingRuntime: [
        on(
          'a',
          obj('ClusterServingRuntime', 'srt', { spec: { disabled: true } }),
        ),
        on(
          'a',
          obj('ClusterServingRuntime', 'unused', { spec: { disabled: true } }),
        ),
        on(
          'b',
          obj('ClusterServingRuntime', 'srt', { spec: { disabled: false } }),
        ),
      ],
      ServingRuntime: [
        // shadows the cluster runtime `srt` for services in namespace `own`
        on('a', obj('ServingRuntime', 'srt', { namespace: 'own', spec: {} })),
      ],
      InferenceService: [
        svc('a', 'uses-cluster', 'x', 'srt'),
        svc('a', 'uses-own', 'own', 'srt'),
        svc('b', 'other-cluster', 'x', 'srt'),
      ],
    });
    expect(items).toEqual([
      {
        reason: 'runtime-disabled-in-use',
        severity: 'warning',
        ref: { cluster: 'a', kind: 'ClusterServingRuntime', name: 'srt' },
        summary: 'Disabled, but 1 service uses it',
        related: [
          {
            cluster: 'a',
            kind: 'InferenceService',
            namespace: 'x',
            name: 'uses-cluster',
          },
        ],
      },
    ]);
  });

  it('lists accelerators without nodes or free accelerators; an error when a service asks for it', () => {
    const ac = (name: string, status?: object) =>
      on('a', obj('AcceleratorClass', name, status ? { status } : {}));
    const items = omeAttentionItems({
      AcceleratorClass: [
        ac('fine', {
          nodes: ['n1'],
          availableNodes: 1,
          totalAccelerators: 8,
          availableAccelerators: 3,
        }),
        ac('no-nodes', { nodes: [], availableNodes: 0 }),
        ac('busy', {
          nodes: ['n1'],
          availableNodes: 1,
          totalAccelerators: 8,
          availableAccelerators: 0,
        }),
        ac('unreported'),
      ],
      InferenceService: [
        on(
          'a',
          obj('InferenceService', 'wants-gpu', {
            namespace: 'n',
            spec: { acceleratorSelector: { acceleratorClass: 'busy' } },
            status: readyCondition('True'),
          }),
        ),
      ],
    });
    expect(
      items.map(i => [i.ref.name, i.severity, i.summary, i.related.length]),
    ).toEqual([
      ['busy', 'error', 'All 8 accelerators in use', 1],
      ['no-nodes', 'warning', 'No nodes with this accelerator', 0],
      [
        'unreported',
        'warning',
        'No capacity reported (no nodes discovered)',
        0,
      ],
    ]);
  });

  it('says nothing about objects it was not given (the caller filters by permission first)', () => {
    expect(omeAttentionItems({})).toEqual([]);
    // a disabled runtime whose only user the reader may not see is not listed
    expect(
      omeAttentionItems({
        ClusterServingRuntime: [
          on(
            'a',
            obj('ClusterServingRuntime', 'srt', { spec: { disabled: true } }),
          ),
        ],
      }),
    ).toEqual([]);
  });

  it('tolerates objects of any shape', () => {
    const junk = [
      on('a', { metadata: {} } as any),
      on('a', { status: 'x' } as any),
    ];
    expect(() =>
      omeAttentionItems({
        ClusterBaseModel: junk,
        InferenceService: junk,
        ClusterServingRuntime: junk,
        AcceleratorClass: junk,
      }),
    ).not.toThrow();
  });
});
