import { OmeClient } from './OmeClient';

function setup(response: Response) {
  const fetch = jest.fn(async () => response);
  const client = new OmeClient({
    discoveryApi: { getBaseUrl: async () => 'http://backend/api/ome' },
    fetchApi: { fetch } as any,
  });
  return { client, fetch };
}

describe('OmeClient', () => {
  it('lists cluster base models of one cluster', async () => {
    const { client, fetch } = setup(
      new Response(
        JSON.stringify({
          items: [
            { cluster: 'ome-dev-a', object: { metadata: { name: 'x' } } },
          ],
          errors: [],
        }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const res = await client.listClusterBaseModels({ cluster: 'ome dev' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ome/clusterbasemodels?cluster=ome%20dev',
      expect.anything(),
    );
    expect(res.items).toHaveLength(1);
    expect(res.errors).toEqual([]);
  });

  it('fills in missing arrays', async () => {
    const { client } = setup(new Response('{}', { status: 200 }));
    expect(await client.listClusterBaseModels()).toEqual({
      items: [],
      errors: [],
    });
    const { client: c2 } = setup(new Response('{}', { status: 200 }));
    expect(await c2.getClusters()).toEqual({ items: [] });
  });

  it('throws a ResponseError on failure', async () => {
    const { client } = setup(
      new Response(
        JSON.stringify({ error: { name: 'NotAllowedError', message: 'nope' } }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    await expect(client.getClusters()).rejects.toThrow(/403|nope/);
  });
});
