import { ClusterService } from './ClusterService';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { ClusterRequestError, toHttpError } from './proxyErrors';
import { OmeResourceService } from './OmeResourceService';

function model(name: string, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'ome.io/v1beta1',
    kind: 'ClusterBaseModel',
    metadata: {
      name,
      managedFields: [{ manager: 'kubectl' }],
      resourceVersion: '1',
    },
    spec: { vendor: 'v' },
    ...extra,
  };
}

function setup(
  handler: (cluster: string, path: string) => Promise<unknown>,
  clusterNames = ['a', 'b'],
) {
  const request = jest.fn(handler);
  const client = {
    request,
    listClusters: async () => clusterNames.map(name => ({ name })),
  } as unknown as KubernetesProxyClient;
  const clusters = new ClusterService({ client, probeTimeoutMs: 100 });
  return { request, service: new OmeResourceService({ client, clusters }) };
}

describe('OmeResourceService', () => {
  it('lists a kind in every cluster, tagging items and dropping managedFields', async () => {
    const { service, request } = setup(async cluster => ({
      items: [model(`${cluster}-1`), model(`${cluster}-2`)],
      metadata: {},
    }));
    const result = await service.list('ClusterBaseModel');
    expect(result.errors).toEqual([]);
    expect(result.items.map(i => [i.cluster, i.object.metadata.name])).toEqual([
      ['a', 'a-1'],
      ['a', 'a-2'],
      ['b', 'b-1'],
      ['b', 'b-2'],
    ]);
    for (const item of result.items) {
      expect(item.object.metadata.managedFields).toBeUndefined();
      expect(item.object.metadata.resourceVersion).toBe('1');
    }
    expect(request).toHaveBeenCalledWith(
      'a',
      '/apis/ome.io/v1beta1/clusterbasemodels?limit=500',
      {},
    );
  });

  it('puts a failing cluster into errors and still lists the others', async () => {
    const { service } = setup(async cluster => {
      if (cluster === 'b') {
        throw toHttpError(
          new ClusterRequestError(
            'b',
            'unreachable',
            "Cluster 'b' is unreachable",
            500,
          ),
        );
      }
      return { items: [model('m')] };
    });
    const result = await service.list('ClusterBaseModel');
    expect(result.items).toHaveLength(1);
    expect(result.items[0].cluster).toBe('a');
    expect(result.errors).toEqual([
      {
        cluster: 'b',
        reason: 'unreachable',
        message: "Cluster 'b' is unreachable",
        statusCode: 500,
      },
    ]);
  });

  it('reports unexpected failures as reason error', async () => {
    const { service } = setup(async () => {
      throw new Error('kaputt');
    }, ['a']);
    await expect(service.list('AcceleratorClass')).resolves.toEqual({
      items: [],
      errors: [{ cluster: 'a', reason: 'error', message: 'kaputt' }],
      notInstalled: [],
    });
  });

  it('follows continue tokens', async () => {
    const { service, request } = setup(
      async (_cluster, path) =>
        path.includes('continue=')
          ? { items: [model('second')], metadata: {} }
          : { items: [model('first')], metadata: { continue: 'tok' } },
      ['a'],
    );
    const result = await service.list('ClusterBaseModel');
    expect(result.items.map(i => i.object.metadata.name)).toEqual([
      'first',
      'second',
    ]);
    expect(request).toHaveBeenLastCalledWith(
      'a',
      '/apis/ome.io/v1beta1/clusterbasemodels?limit=500&continue=tok',
      {},
    );
  });

  it('stops and reports a cluster that repeats a continue token', async () => {
    const { service, request } = setup(async cluster =>
      cluster === 'a'
        ? { items: [model('loop')], metadata: { continue: 'same' } }
        : { items: [model('b-1')], metadata: {} },
    );
    const result = await service.list('ClusterBaseModel');
    expect(result.items.map(i => i.cluster)).toEqual(['b']);
    expect(result.errors).toEqual([
      {
        cluster: 'a',
        reason: 'error',
        message:
          "Cluster 'a': listing /apis/ome.io/v1beta1/clusterbasemodels stopped after 2 pages: " +
          'the cluster repeated a continue token',
      },
    ]);
    expect(request.mock.calls.filter(c => c[0] === 'a')).toHaveLength(2);
  });

  it('stops and reports a cluster whose list takes more than maxPages pages', async () => {
    let n = 0;
    const request = jest.fn(async () => ({
      items: [model(`m${n}`)],
      metadata: { continue: `tok-${++n}` },
    }));
    const client = {
      request,
      listClusters: async () => [{ name: 'a' }],
    } as unknown as KubernetesProxyClient;
    const service = new OmeResourceService({
      client,
      clusters: new ClusterService({ client, probeTimeoutMs: 100 }),
      maxPages: 3,
    });
    const result = await service.list('ClusterBaseModel');
    expect(request).toHaveBeenCalledTimes(3);
    expect(result.items).toEqual([]);
    expect(result.errors).toEqual([
      {
        cluster: 'a',
        reason: 'error',
        message:
          "Cluster 'a': listing /apis/ome.io/v1beta1/clusterbasemodels stopped after 3 pages " +
          'of 500 objects (the limit), and the cluster had more',
      },
    ]);
  });

  it('is generic over the OME kinds: namespaced kinds across namespaces, only the given clusters', async () => {
    const { service, request } = setup(async () => ({
      items: [{ metadata: { name: 'isvc', namespace: 'team-a' } }],
    }));
    const result = await service.list('InferenceService', {
      clusters: ['b'],
    });
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith(
      'b',
      '/apis/ome.io/v1beta1/inferenceservices?limit=500',
      {},
    );
    // Items of built-in style lists may lack apiVersion/kind; they are filled in.
    expect(result.items[0].object).toMatchObject({
      apiVersion: 'ome.io/v1beta1',
      kind: 'InferenceService',
    });
  });

  it('gets objects by canonical resource ref', async () => {
    const { service, request } = setup(async (_cluster, path) => {
      if (path.endsWith('/missing')) {
        throw toHttpError(
          new ClusterRequestError('a', 'not-found', 'not found', 404),
        );
      }
      if (path.endsWith('/down')) {
        throw toHttpError(new ClusterRequestError('a', 'unreachable', 'down'));
      }
      return model('present');
    });
    const results = await service.getByRefs([
      'cluster:a/namespace:_/kind:ClusterBaseModel/name:present',
      'cluster:a/namespace:_/kind:ClusterBaseModel/name:missing',
      'cluster:a/namespace:_/kind:ClusterBaseModel/name:down',
      'cluster:a/namespace:_/kind:NotAKind/name:x',
      'garbage',
    ]);
    expect(results[0]).toMatchObject({
      cluster: 'a',
      object: { metadata: { name: 'present' } },
    });
    expect(results.slice(1)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(request).toHaveBeenCalledWith(
      'a',
      '/apis/ome.io/v1beta1/clusterbasemodels/present',
    );
  });
});

describe('ClusterService', () => {
  it('asks the kubernetes backend for its clusters once per cache time, and again after a failure', async () => {
    const listClusters = jest
      .fn()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValue([{ name: 'a' }, { name: 'b' }]);
    const client = { listClusters } as unknown as KubernetesProxyClient;
    const service = new ClusterService({
      client,
      probeTimeoutMs: 250,
      cacheTtlMs: 60_000,
    });
    await expect(service.listClusterNames()).rejects.toThrow('down');
    await expect(service.listClusterNames()).resolves.toEqual(['a', 'b']);
    await expect(service.known(['b'])).resolves.toEqual(['b']);
    await expect(service.known(['x', 'a', 'y'])).rejects.toThrow(
      "query parameter cluster: unknown clusters 'x', 'y'",
    );
    expect(listClusters).toHaveBeenCalledTimes(2);
  });

  it('probes every cluster concurrently with GET /version', async () => {
    const client = {
      listClusters: async () => [
        { name: 'a', title: 'A' },
        { name: 'b' },
        { name: 'c' },
        { name: 'd' },
        { name: 'e' },
        { name: 'f' },
      ],
      request: jest.fn(async (cluster: string, path: string, opts: any) => {
        expect(path).toBe('/version');
        expect(opts.timeoutMs).toBe(250);
        if (cluster === 'b') {
          throw toHttpError(
            new ClusterRequestError(
              'b',
              'unreachable',
              "Cluster 'b' is unreachable",
            ),
          );
        }
        if (cluster === 'c') {
          throw toHttpError(
            new ClusterRequestError('c', 'forbidden', 'forbidden', 403),
          );
        }
        if (cluster === 'd') {
          throw toHttpError(
            new ClusterRequestError('d', 'unknown-cluster', 'unknown', 404),
          );
        }
        if (cluster === 'e') {
          throw toHttpError(
            new ClusterRequestError('e', 'error', 'HTTP 500', 500),
          );
        }
        if (cluster === 'f') {
          throw new Error('kaputt');
        }
        return { gitVersion: 'v1.37.2' };
      }),
    } as unknown as KubernetesProxyClient;
    const service = new ClusterService({ client, probeTimeoutMs: 250 });
    await expect(service.listClusters()).resolves.toEqual([
      { name: 'a', title: 'A', reachable: true, version: 'v1.37.2' },
      { name: 'b', reachable: false, error: "Cluster 'b' is unreachable" },
      { name: 'c', reachable: true, error: 'forbidden' },
      { name: 'd', reachable: false, error: 'unknown' },
      { name: 'e', reachable: false, error: 'HTTP 500' },
      { name: 'f', reachable: false, error: 'kaputt' },
    ]);
  });
});
