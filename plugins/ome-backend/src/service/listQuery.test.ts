import { OmeListItem } from '@ome-console/plugin-ome-common';
import { applyListQuery, firstInOrder, parseListQuery } from './listQuery';

const model = (
  cluster: string,
  name: string,
  state?: string,
  namespace?: string,
): OmeListItem => ({
  cluster,
  object: {
    apiVersion: 'ome.io/v1beta1',
    kind: 'BaseModel',
    metadata: { name, ...(namespace && { namespace }) },
    spec: { vendor: 'meta' },
    ...(state && { status: { state } }),
  },
});

describe('parseListQuery', () => {
  it('reads repeated filters and paging', () => {
    expect(
      parseListQuery('BaseModel', {
        cluster: ['a', 'b', 'a'],
        namespace: 'x',
        offset: '5',
        limit: '10',
        sort: 'name',
        order: 'desc',
      }),
    ).toMatchObject({
      cluster: ['a', 'b'],
      namespace: ['x'],
      offset: 5,
      limit: 10,
      sort: 'name',
      order: 'desc',
    });
  });

  it('answers 400 naming the parameter for a column the kind does not have', () => {
    // Types, ranges and enums of the other parameters are the OpenAPI validator's (router.test).
    expect(() => parseListQuery('BaseModel', { sort: 'nope' })).toThrow(
      'query parameter sort',
    );
  });
});

describe('applyListQuery', () => {
  const items = [
    model('a', 'llama-70b', 'Ready', 'x'),
    model('a', 'llama-7b', 'Failed', 'y'),
    model('b', 'qwen-14b', 'Ready', 'x'),
    model('b', 'odd', undefined, 'x'),
  ];

  it('filters, sorts, pages and counts the whole filtered list', () => {
    const page = applyListQuery('BaseModel', items, {
      namespace: ['x'],
      sort: 'name',
      offset: 1,
      limit: 1,
    });
    expect(page.totalCount).toBe(3);
    expect(page.items.map(i => i.object.metadata.name)).toEqual(['odd']);
    expect(page.stats).toEqual({
      total: 3,
      byCluster: { a: 1, b: 2 },
      byState: { Ready: 2, Unknown: 1 },
    });
  });

  it('sorts numbers in names by value and searches case-insensitively', () => {
    const sorted = applyListQuery('BaseModel', items, { sort: 'name' });
    expect(sorted.items.map(i => i.object.metadata.name)).toEqual([
      'llama-7b',
      'llama-70b',
      'odd',
      'qwen-14b',
    ]);
    const found = applyListQuery('BaseModel', items, { search: 'LLAMA' });
    expect(found.totalCount).toBe(2);
  });

  it('survives objects with odd fields', () => {
    const odd = {
      cluster: 'a',
      object: {
        apiVersion: 'ome.io/v1beta1',
        kind: 'BaseModel',
        metadata: { name: 'z' },
        spec: null,
        status: [],
      },
    } as unknown as OmeListItem;
    expect(
      applyListQuery('BaseModel', [odd, ...items], {
        sort: 'vendor',
        search: 'z',
      }).totalCount,
    ).toBe(1);
  });
});

describe('firstInOrder', () => {
  it('gives what a full sort then a slice gives, for every count, on orders with ties', () => {
    // a fixed pseudo-random sequence (no Math.random: a failure must repeat)
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const compare = (a: [number, number], b: [number, number]) =>
      a[0] - b[0] || a[1] - b[1];
    for (const size of [0, 1, 5, 40, 400]) {
      const items = Array.from(
        { length: size },
        (_, i) => [next() % 17, i] as [number, number],
      );
      const sorted = [...items].sort(compare);
      for (const count of [0, 1, 3, 10, 50, 99, 400, 500]) {
        expect(firstInOrder(items, count, compare)).toEqual(
          sorted.slice(0, count),
        );
      }
    }
  });
});
