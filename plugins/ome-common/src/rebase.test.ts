import type { KubernetesObject } from './types';
import { chooseConflictValue, rebaseEdits } from './rebase';

const base: KubernetesObject = {
  apiVersion: 'ome.io/v1beta1',
  kind: 'ClusterServingRuntime',
  metadata: { name: 'srt', resourceVersion: '10', generation: 1, labels: { team: 'a' } },
  spec: {
    disabled: false,
    modelSizeRange: { min: '1B', max: '9B' },
    protocolVersions: ['openAI'],
    engineConfig: { runner: { image: 'sglang:v0.4' } },
  },
};

function edit(object: KubernetesObject, change: (o: any) => void): KubernetesObject {
  const copy = structuredClone(object);
  change(copy);
  return copy;
}

describe('rebaseEdits', () => {
  it('keeps the other writer’s change and adds the user’s own, with the live resourceVersion', () => {
    const live = edit(base, o => {
      o.spec.disabled = true;
      o.metadata.resourceVersion = '11';
      o.metadata.generation = 2;
    });
    const draft = edit(base, o => {
      o.spec.modelSizeRange.max = '70B';
    });
    const rebased = rebaseEdits(base, draft, live);
    expect(rebased.conflicts).toEqual([]);
    expect(rebased.object.spec!.disabled).toBe(true);
    expect(rebased.object.spec!.modelSizeRange).toEqual({ min: '1B', max: '70B' });
    expect(rebased.object.metadata.resourceVersion).toBe('11');
    expect(rebased.object.metadata.generation).toBe(2);
    expect(rebased.edits).toEqual([
      expect.objectContaining({ op: 'replace', path: '/spec/modelSizeRange/max', value: '70B' }),
    ]);
  });

  it('re-applies additions and removals of keys', () => {
    const live = edit(base, o => {
      o.metadata.labels.other = 'x';
    });
    const draft = edit(base, o => {
      delete o.metadata.labels.team;
      o.metadata.labels.mine = 'y';
      delete o.spec.protocolVersions;
    });
    const rebased = rebaseEdits(base, draft, live);
    expect(rebased.conflicts).toEqual([]);
    expect(rebased.object.metadata.labels).toEqual({ other: 'x', mine: 'y' });
    expect(rebased.object.spec!.protocolVersions).toBeUndefined();
  });

  it('reports a field both changed with both values and keeps the live value until the user chooses', () => {
    const live = edit(base, o => {
      o.spec.modelSizeRange.max = '13B';
      o.spec.disabled = true;
    });
    const draft = edit(base, o => {
      o.spec.modelSizeRange.max = '70B';
      o.spec.engineConfig.runner.image = 'sglang:v0.5';
    });
    const rebased = rebaseEdits(base, draft, live);
    expect(rebased.conflicts).toEqual([
      { path: '/spec/modelSizeRange/max', base: '9B', theirs: '13B', mine: '70B' },
    ]);
    expect(rebased.object.spec!.modelSizeRange.max).toBe('13B');
    expect(rebased.object.spec!.engineConfig.runner.image).toBe('sglang:v0.5');

    const mine = chooseConflictValue(rebased.object, rebased.conflicts[0], 'mine');
    expect(mine.spec!.modelSizeRange.max).toBe('70B');
    expect(mine.spec!.disabled).toBe(true);
    const theirs = chooseConflictValue(mine, rebased.conflicts[0], 'theirs');
    expect(theirs.spec!.modelSizeRange.max).toBe('13B');
  });

  it('is no conflict when both made the same change', () => {
    const live = edit(base, o => {
      o.spec.modelSizeRange.max = '70B';
    });
    const rebased = rebaseEdits(base, live, live);
    expect(rebased.conflicts).toEqual([]);
    expect(rebased.object).toEqual(live);
  });

  it('widens a conflict to the value the other writer replaced whole (an array resized)', () => {
    const live = edit(base, o => {
      o.spec.protocolVersions = ['openAI', 'grpc'];
    });
    const draft = edit(base, o => {
      o.spec.protocolVersions[0] = 'openAI-v2';
    });
    const rebased = rebaseEdits(base, draft, live);
    expect(rebased.conflicts).toEqual([
      {
        path: '/spec/protocolVersions',
        base: ['openAI'],
        theirs: ['openAI', 'grpc'],
        mine: ['openAI-v2'],
      },
    ]);
    expect(rebased.object.spec!.protocolVersions).toEqual(['openAI', 'grpc']);
  });

  it('reports a removal on one side against a change on the other', () => {
    const live = edit(base, o => {
      delete o.spec.modelSizeRange;
    });
    const draft = edit(base, o => {
      o.spec.modelSizeRange.min = '2B';
    });
    const rebased = rebaseEdits(base, draft, live);
    expect(rebased.conflicts).toEqual([
      {
        path: '/spec/modelSizeRange',
        base: { min: '1B', max: '9B' },
        theirs: undefined,
        mine: { min: '2B', max: '9B' },
      },
    ]);
    expect(rebased.object.spec!.modelSizeRange).toBeUndefined();
    const mine = chooseConflictValue(rebased.object, rebased.conflicts[0], 'mine');
    expect(mine.spec!.modelSizeRange).toEqual({ min: '2B', max: '9B' });
  });

  it('never takes server-owned metadata or status from the stale draft', () => {
    const live = edit(base, o => {
      o.metadata.resourceVersion = '12';
      o.status = { state: 'Ready' };
    });
    const draft = edit(base, o => {
      o.metadata.resourceVersion = '1';
      o.status = { state: 'Failed' };
    });
    const rebased = rebaseEdits(base, draft, live);
    expect(rebased).toEqual({ object: live, edits: [], conflicts: [] });
  });
});
