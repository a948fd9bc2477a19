import {
  KubernetesObject,
  OmeListResponse,
} from '@ome-console/plugin-ome-common';
import { applyChangeToList } from './liveList';

const model = (name: string, state: string): KubernetesObject => ({
  apiVersion: 'ome.io/v1beta1',
  kind: 'ClusterBaseModel',
  metadata: { name },
  status: { state },
});

const page = (): OmeListResponse => ({
  items: [
    {
      cluster: 'a',
      object: model('m1', 'Ready'),
      actions: { update: true, delete: false },
    },
    { cluster: 'a', object: model('m2', 'Ready') },
    { cluster: 'b', object: model('m3', 'Failed') },
  ],
  totalCount: 3,
  offset: 0,
  stats: {
    total: 3,
    byCluster: { a: 2, b: 1 },
    byState: { Ready: 2, Failed: 1 },
  },
  errors: [],
  notInstalled: [],
});

describe('applyChangeToList', () => {
  it('changes a shown row in place, keeping its position and actions, and moves the state count', () => {
    const view = applyChangeToList(
      'ClusterBaseModel',
      { list: page(), added: 0 },
      {
        type: 'MODIFIED',
        cluster: 'a',
        kind: 'ClusterBaseModel',
        object: model('m1', 'Failed'),
      },
    );
    expect(view.list.items.map(i => i.object.metadata?.name)).toEqual([
      'm1',
      'm2',
      'm3',
    ]);
    expect(view.list.items[0].object.status).toEqual({ state: 'Failed' });
    expect(view.list.items[0].actions).toEqual({ update: true, delete: false });
    expect(view.list.stats.byState).toEqual({ Ready: 1, Failed: 2 });
  });

  it('removes a deleted row and counts it out', () => {
    const view = applyChangeToList(
      'ClusterBaseModel',
      { list: page(), added: 0 },
      {
        type: 'DELETED',
        cluster: 'b',
        kind: 'ClusterBaseModel',
        object: model('m3', 'Failed'),
      },
    );
    expect(view.list.items.map(i => i.object.metadata?.name)).toEqual([
      'm1',
      'm2',
    ]);
    expect(view.list.totalCount).toBe(2);
    expect(view.list.stats).toEqual({
      total: 2,
      byCluster: { a: 2 },
      byState: { Ready: 2 },
    });
  });

  it('counts an added object for the hint without inserting it, and ignores changes off the page', () => {
    let view = applyChangeToList(
      'ClusterBaseModel',
      { list: page(), added: 0 },
      {
        type: 'ADDED',
        cluster: 'a',
        kind: 'ClusterBaseModel',
        object: model('m0', 'Ready'),
      },
    );
    view = applyChangeToList('ClusterBaseModel', view, {
      type: 'MODIFIED',
      cluster: 'b',
      kind: 'ClusterBaseModel',
      object: model('m1', 'Failed'), // same name, other cluster: not shown
    });
    expect(view.added).toBe(1);
    expect(view.list).toEqual(page());
  });
});
