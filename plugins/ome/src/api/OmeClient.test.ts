import { ResponseError } from '@backstage/errors';
import { OmeClient } from './OmeClient';
import { omeErrorDetails, omeErrorMessage, omeErrorStatus } from './errors';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** A client whose fetch API answers `responses` in turn and records the requests. */
function setup(...responses: Response[]) {
  const requests: Request[] = [];
  const fetch = jest.fn(async (url: string, init: RequestInit) => {
    requests.push(new Request(url, init));
    const r = responses.shift();
    if (!r) throw new Error('no more responses');
    return r;
  });
  const client = new OmeClient({
    discoveryApi: { getBaseUrl: async () => 'http://backend/api/ome' },
    fetchApi: { fetch } as any,
  });
  /** Method, URL and parsed body of the n-th request. */
  const sent = async (n = 0) => {
    const r = requests[n];
    const text = await r.clone().text();
    return { method: r.method, url: r.url, body: text ? JSON.parse(text) : undefined };
  };
  return { client, fetch, sent };
}

const csr = {
  apiVersion: 'ome.io/v1beta1',
  kind: 'ClusterServingRuntime',
  metadata: { name: 'srt', resourceVersion: '7' },
  spec: {},
};
const written = { cluster: 'a', object: csr, changed: true, dryRun: true, patch: [], warnings: [] };
const srt = { kind: 'ClusterServingRuntime' as const, cluster: 'a', name: 'srt' };
const isvc = { kind: 'InferenceService' as const, cluster: 'ome dev', namespace: 'team a', name: 'chat' };

describe('OmeClient', () => {
  it('lists a kind with the server-side query, through the fetch API at the discovered URL', async () => {
    const page = { items: [], totalCount: 0, offset: 25, limit: 25, stats: { total: 0, byCluster: {}, byState: {} }, errors: [], notInstalled: [] };
    const { client, fetch, sent } = setup(json(page));
    const answer = await client.listResources('InferenceService', {
      cluster: ['a', 'b'],
      namespace: ['team-a'],
      labelSelector: 'k=v',
      search: 'llama 3',
      sort: 'state',
      order: 'desc',
      offset: 25,
      limit: 25,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    const { method, url } = await sent();
    expect(method).toBe('GET');
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe('http://backend/api/ome/inferenceservices');
    expect(parsed.searchParams.getAll('cluster')).toEqual(['a', 'b']);
    expect(parsed.searchParams.getAll('namespace')).toEqual(['team-a']);
    expect(parsed.searchParams.get('labelSelector')).toBe('k=v');
    expect(parsed.searchParams.get('search')).toBe('llama 3');
    expect(parsed.searchParams.get('sort')).toBe('state');
    expect(parsed.searchParams.get('order')).toBe('desc');
    expect(parsed.searchParams.get('offset')).toBe('25');
    expect(parsed.searchParams.get('limit')).toBe('25');
    expect(answer).toEqual(page);
  });

  it('addresses namespaced and cluster-scoped objects by their ref, encoding each part', async () => {
    const { client, sent } = setup(json({ cluster: 'ome dev', object: {} }), json({ cluster: 'a', object: csr }));
    await client.getResource(isvc);
    await client.getResource(srt);
    expect((await sent(0)).url).toBe(
      'http://backend/api/ome/clusters/ome%20dev/namespaces/team%20a/inferenceservices/chat',
    );
    expect((await sent(1)).url).toBe('http://backend/api/ome/clusters/a/clusterservingruntimes/srt');
  });

  it('asks for a dry run the same way on every write: ?dryRun=true, never in a body', async () => {
    const { client, sent } = setup(
      ...Array.from({ length: 5 }, () => json(written)),
    );
    await client.createResource('InferenceService', { cluster: 'a', namespace: 'team-a' }, csr, { dryRun: true });
    await client.updateResource(srt, csr, { dryRun: true });
    await client.deleteResource(srt, { dryRun: true, resourceVersion: '7' });
    await client.cloneResource(isvc, { name: 'chat-2', cluster: 'b' }, { dryRun: true });
    await client.importYaml({ cluster: 'a', yaml: 'kind: X' }, { dryRun: true });
    const calls = await Promise.all([0, 1, 2, 3, 4].map(i => sent(i)));
    expect(calls.map(c => [c.method, c.url])).toEqual([
      ['POST', 'http://backend/api/ome/clusters/a/namespaces/team-a/inferenceservices?dryRun=true'],
      ['PUT', 'http://backend/api/ome/clusters/a/clusterservingruntimes/srt?dryRun=true'],
      ['DELETE', 'http://backend/api/ome/clusters/a/clusterservingruntimes/srt?dryRun=true&resourceVersion=7'],
      ['POST', 'http://backend/api/ome/clusters/ome%20dev/namespaces/team%20a/inferenceservices/chat/clone?dryRun=true'],
      ['POST', 'http://backend/api/ome/import?dryRun=true'],
    ]);
    expect(calls[0].body).toEqual(csr);
    expect(calls[3].body).toEqual({ name: 'chat-2', cluster: 'b' });
    expect(calls[4].body).toEqual({ cluster: 'a', yaml: 'kind: X' });
  });

  it('writes for real without the dryRun parameter', async () => {
    const { client, sent } = setup(json(written, 201), json(written));
    await client.cloneResource(srt, { name: 'srt-2' });
    await client.importYaml({ cluster: 'a', yaml: 'kind: X' });
    expect((await sent(0)).url).toBe('http://backend/api/ome/clusters/a/clusterservingruntimes/srt/clone');
    expect((await sent(1)).url).toBe('http://backend/api/ome/import');
  });

  it('asks the create decision with the namespace only for namespaced kinds', async () => {
    const { client, sent } = setup(
      json({ allowed: true, conditional: false }),
      json({ allowed: false, conditional: false, reason: 'no' }),
    );
    await client.mayCreate('ClusterServingRuntime', { cluster: 'a', namespace: 'ignored' });
    const decision = await client.mayCreate('InferenceService', { cluster: 'a', namespace: 'team-a' });
    expect((await sent(0)).url).toBe(
      'http://backend/api/ome/permissions/create?kind=ClusterServingRuntime&cluster=a',
    );
    expect((await sent(1)).url).toBe(
      'http://backend/api/ome/permissions/create?kind=InferenceService&cluster=a&namespace=team-a',
    );
    expect(decision).toEqual({ allowed: false, conditional: false, reason: 'no' });
  });

  it('reads the counts and a kind schema', async () => {
    const counts = { items: [] };
    const schema = { type: 'object', properties: { spec: { type: 'object' } } };
    const { client, sent } = setup(
      json(counts),
      json({ cluster: 'a', kind: 'BaseModel', version: 'v1beta1', schema }),
    );
    expect(await client.getCounts({ cluster: ['a'] })).toEqual(counts);
    expect(await client.getKindSchema('BaseModel', 'a')).toEqual(schema);
    expect((await sent(0)).url).toBe('http://backend/api/ome/counts?cluster=a');
    expect((await sent(1)).url).toBe('http://backend/api/ome/clusters/a/schemas/basemodels');
  });

  it('rejects with a ResponseError whose body keeps the OME details', async () => {
    const live = { ...csr, metadata: { ...csr.metadata, resourceVersion: '8' } };
    const { client } = setup(
      json(
        {
          error: { name: 'ConflictError', message: 'the object changed' },
          request: { method: 'PUT', url: '/api/ome/clusters/a/clusterservingruntimes/srt' },
          response: { statusCode: 409 },
          details: { live },
        },
        409,
      ),
    );
    const error = await client.updateResource(srt, csr).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(omeErrorStatus(error)).toBe(409);
    expect(omeErrorMessage(error)).toBe('the object changed');
    expect(omeErrorDetails(error)).toEqual({ live });
  });

  it('rejects with a ResponseError for an answer that is not JSON', async () => {
    const { client } = setup(new Response('bad gateway', { status: 502 }));
    const error = await client.getClusters().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(omeErrorStatus(error)).toBe(502);
    expect(omeErrorMessage(error)).toContain('bad gateway');
    expect(omeErrorDetails(error)).toBeUndefined();
  });

  it('reads plain errors too', () => {
    expect(omeErrorStatus(new Error('offline'))).toBeUndefined();
    expect(omeErrorMessage(new Error('offline'))).toBe('offline');
  });
});
