import { KubernetesObject } from '@ome-console/plugin-ome-common';
import { KindStore } from './KindStore';

const obj = (
  name: string,
  resourceVersion: string,
  namespace?: string,
): KubernetesObject => ({
  apiVersion: 'ome.io/v1beta1',
  kind: 'BaseModel',
  metadata: { name, resourceVersion, ...(namespace && { namespace }) },
});

describe('KindStore', () => {
  it('reports an event only when the object really changed', () => {
    const store = new KindStore();
    expect(store.put(obj('a', '1', 'ns'))?.type).toBe('ADDED');
    // the same version again (a resync, a replayed event): nothing
    expect(store.put(obj('a', '1', 'ns'))).toBeUndefined();
    const modified = store.put(obj('a', '2', 'ns'));
    expect(modified).toMatchObject({ type: 'MODIFIED', resourceVersion: '2' });
    expect(store.get('ns', 'a')?.metadata.resourceVersion).toBe('2');
    // the same name in another namespace is another object
    expect(store.put(obj('a', '3', 'other'))?.type).toBe('ADDED');
    expect(store.size).toBe(2);
  });

  it('a delete carries the deletion event version; deleting the unknown is nothing', () => {
    const store = new KindStore();
    store.put(obj('a', '1'));
    expect(store.remove(obj('a', '5'), '5')).toMatchObject({
      type: 'DELETED',
      resourceVersion: '5',
    });
    expect(store.remove(obj('a', '6'), '6')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('a relist yields only the differences, not the whole list', () => {
    const store = new KindStore();
    const initial = store.replace(
      [
        obj('keep', '1', 'ns'),
        obj('change', '1', 'ns'),
        obj('gone', '1', 'ns'),
      ],
      '10',
    );
    expect(initial.map(c => c.type)).toEqual(['ADDED', 'ADDED', 'ADDED']);

    const changes = store.replace(
      [obj('keep', '1', 'ns'), obj('change', '7', 'ns'), obj('new', '8', 'ns')],
      '20',
    );
    const summary = changes.map(
      c => `${c.type} ${c.object.metadata.name} ${c.resourceVersion}`,
    );
    expect(summary).toHaveLength(3);
    expect(summary).toEqual(
      expect.arrayContaining([
        'DELETED gone 20',
        'MODIFIED change 7',
        'ADDED new 8',
      ]),
    );
    expect(
      store
        .values()
        .map(o => o.metadata.name)
        .sort(),
    ).toEqual(['change', 'keep', 'new']);

    // an unchanged relist: no change at all (no resync flood)
    expect(store.replace(store.values(), '30')).toEqual([]);
  });

  it('clearing (the CRD went away) deletes everything', () => {
    const store = new KindStore();
    store.replace([obj('a', '1'), obj('b', '2')], '3');
    const changes = store.clear('4');
    expect(changes).toHaveLength(2);
    for (const c of changes) expect(c.type).toBe('DELETED');
    expect(store.size).toBe(0);
  });
});
