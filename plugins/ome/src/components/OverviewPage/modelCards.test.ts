import { modelCardFigures } from './modelCards';

describe('modelCardFigures', () => {
  it('adds ClusterBaseModels and BaseModels per cluster, and gives every counted cluster its four figures', () => {
    const figures = modelCardFigures([
      {
        kind: 'ClusterBaseModel',
        total: 13,
        byState: {},
        errors: [],
        notInstalled: [],
        byCluster: {
          b: { total: 3, byState: { Ready: 2, Failed: 1 } },
          a: { total: 10, byState: { Ready: 7, In_Transit: 2, Unknown: 1 } },
        },
      },
      {
        kind: 'BaseModel',
        total: 2,
        byState: {},
        errors: [],
        notInstalled: [],
        byCluster: { a: { total: 2, byState: { Failed: 1, Ready: 1 } } },
      },
      {
        kind: 'InferenceService',
        total: 4,
        byState: {},
        errors: [],
        notInstalled: [],
        byCluster: { c: { total: 4, byState: { Ready: 4 } } },
      },
    ]);
    expect(figures).toEqual([
      { cluster: 'a', total: 12, ready: 8, inTransit: 2, failed: 1 },
      { cluster: 'b', total: 3, ready: 2, inTransit: 0, failed: 1 },
      { cluster: 'c', total: 0, ready: 0, inTransit: 0, failed: 0 },
    ]);
  });

  it('copes with nothing', () => {
    expect(modelCardFigures([])).toEqual([]);
  });
});
