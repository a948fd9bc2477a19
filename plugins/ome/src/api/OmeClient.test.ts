import { OmeClient } from './OmeClient';
import { OmeApiError, isOmeApiError } from './OmeApiError';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

function setup(...responses: Response[]) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => {
    const r = responses.shift();
    if (!r) throw new Error('no more responses');
    return r;
  });
  const client = new OmeClient({
    discoveryApi: { getBaseUrl: async () => 'http://backend/api/ome' },
    fetchApi: { fetch } as any,
  });
  return { client, fetch };
}

const csr = {
  apiVersion: 'ome.io/v1beta1',
  kind: 'ClusterServingRuntime',
  metadata: { name: 'srt', resourceVersion: '7' },
  spec: {},
};

describe('OmeClient', () => {
  it('lists cluster base models of one cluster', async () => {
    const { client, fetch } = setup(
      json({
        items: [{ cluster: 'ome-dev-a', object: { metadata: { name: 'x' } } }],
        errors: [],
      }),
    );
    const res = await client.listClusterBaseModels({ cluster: 'ome dev' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ome/clusterbasemodels?cluster=ome%20dev',
      expect.objectContaining({ method: 'GET' }),
    );
    expect(res.items).toHaveLength(1);
    expect(res.errors).toEqual([]);
  });

  it('lists a kind with the server-side query', async () => {
    const { client, fetch } = setup(
      json({ items: [], totalCount: 0, offset: 25, limit: 25 }),
    );
    await client.listResources('InferenceService', {
      cluster: ['a', 'b'],
      namespace: ['team-a'],
      labelSelector: 'k=v',
      search: 'llama 3',
      sort: 'state',
      order: 'desc',
      offset: 25,
      limit: 25,
    });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/ome/inferenceservices?cluster=a&cluster=b&namespace=team-a&labelSelector=k%3Dv&search=llama%203&sort=state&order=desc&offset=25&limit=25',
    );
  });

  it("reads a kind's schema as one cluster serves it", async () => {
    const schema = { type: 'object', properties: { spec: { type: 'object' } } };
    const { client, fetch } = setup(json(schema));
    expect(await client.getKindSchema('InferenceService', 'ome dev')).toEqual(schema);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ome/clusters/ome%20dev/schemas/inferenceservices',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('fills in missing parts of answers', async () => {
    const { client } = setup(
      new Response('{}', { status: 200 }),
      new Response('{}', { status: 200 }),
      new Response('{}', { status: 200 }),
    );
    expect(await client.listResources('BaseModel')).toEqual({
      items: [],
      totalCount: 0,
      offset: 0,
      stats: { total: 0, byCluster: {}, byState: {} },
      errors: [],
      notInstalled: [],
    });
    expect(await client.getClusters()).toEqual({ items: [] });
    expect(await client.listNamespaces({ cluster: ['a'] })).toEqual({
      items: [],
      errors: [],
    });
  });

  it('addresses objects of cluster-scoped and namespaced kinds', async () => {
    const { client, fetch } = setup(
      json({ cluster: 'a', object: csr }),
      json({ cluster: 'a', object: {} }),
    );
    await client.getResource('ClusterServingRuntime', {
      cluster: 'a',
      namespace: 'ignored',
      name: 'srt',
    });
    await client.getResource('InferenceService', {
      cluster: 'a b',
      namespace: 'team-a',
      name: 'chat',
    });
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/ome/clusters/a/clusterservingruntimes/srt',
      'http://backend/api/ome/clusters/a%20b/namespaces/team-a/inferenceservices/chat',
    ]);
  });

  it('writes with dry runs, resource versions and clone bodies', async () => {
    const result = {
      cluster: 'a',
      object: csr,
      changed: true,
      dryRun: true,
      patch: [],
      warnings: [],
    };
    const { client, fetch } = setup(
      json(result, 201),
      json(result),
      json(result),
      json(result, 201),
      json({ cluster: 'a', dryRun: true, applied: true, results: [] }),
    );
    const t = { cluster: 'a', name: 'srt' };
    await client.createResource('ClusterServingRuntime', t, csr, {
      dryRun: true,
    });
    await client.updateResource('ClusterServingRuntime', t, csr);
    await client.deleteResource('ClusterServingRuntime', t, {
      resourceVersion: '7',
    });
    await client.cloneResource('ClusterServingRuntime', t, {
      name: 'srt-2',
      cluster: 'b',
      dryRun: true,
    });
    await client.importYaml({ cluster: 'a', yaml: 'x: 1', dryRun: true });
    const calls = fetch.mock.calls.map(([url, init]) => [
      url,
      init?.method,
      init?.body ? JSON.parse(init.body as string) : undefined,
    ]);
    expect(calls).toEqual([
      [
        'http://backend/api/ome/clusters/a/clusterservingruntimes?dryRun=true',
        'POST',
        csr,
      ],
      ['http://backend/api/ome/clusters/a/clusterservingruntimes/srt', 'PUT', csr],
      [
        'http://backend/api/ome/clusters/a/clusterservingruntimes/srt?resourceVersion=7',
        'DELETE',
        undefined,
      ],
      [
        'http://backend/api/ome/clusters/a/clusterservingruntimes/srt/clone?dryRun=true',
        'POST',
        { name: 'srt-2', cluster: 'b', dryRun: true },
      ],
      [
        'http://backend/api/ome/import?dryRun=true',
        'POST',
        { cluster: 'a', yaml: 'x: 1', dryRun: true },
      ],
    ]);
  });

  it('asks whether the caller may create a kind in a cluster and namespace', async () => {
    const { client, fetch } = setup(
      json({ allowed: true, conditional: true }),
      json({
        allowed: false,
        conditional: false,
        reason: "You may not create ClusterServingRuntime objects in cluster 'ome dev'",
      }),
      json({}),
    );
    await expect(
      client.mayCreate('InferenceService', { cluster: 'a', namespace: 'team a' }),
    ).resolves.toEqual({ allowed: true, conditional: true });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/ome/permissions/create?kind=InferenceService&cluster=a&namespace=team%20a',
    );
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'GET' });

    // a namespace is never sent for cluster-scoped kinds
    await expect(
      client.mayCreate('ClusterServingRuntime', { cluster: 'ome dev', namespace: 'x' }),
    ).resolves.toEqual({
      allowed: false,
      conditional: false,
      reason: "You may not create ClusterServingRuntime objects in cluster 'ome dev'",
    });
    expect(fetch.mock.calls[1][0]).toBe(
      'http://backend/api/ome/permissions/create?kind=ClusterServingRuntime&cluster=ome%20dev',
    );

    // an answer without a decision is no permission
    await expect(
      client.mayCreate('ClusterBaseModel', { cluster: 'a' }),
    ).resolves.toEqual({ allowed: false, conditional: false });
  });

  it('throws an OmeApiError with status and details', async () => {
    const live = { ...csr, metadata: { name: 'srt', resourceVersion: '9' } };
    const { client } = setup(
      json(
        {
          error: { name: 'ConflictError', message: 'changed meanwhile' },
          response: { statusCode: 409 },
          details: { live },
        },
        409,
      ),
      new Response('gateway down', { status: 502 }),
    );
    const err = await client
      .updateResource('ClusterServingRuntime', { cluster: 'a', name: 'srt' }, csr)
      .catch(x => x);
    expect(err).toBeInstanceOf(OmeApiError);
    expect(isOmeApiError(err)).toBe(true);
    expect(err.statusCode).toBe(409);
    expect(err.message).toBe('changed meanwhile');
    expect(err.errorName).toBe('ConflictError');
    expect(err.details.live).toEqual(live);

    const err2 = await client.getClusters().catch(x => x);
    expect(err2.statusCode).toBe(502);
    expect(err2.message).toBe('gateway down');
    expect(err2.details).toBeUndefined();
  });
});
