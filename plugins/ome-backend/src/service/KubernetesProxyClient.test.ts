import { mockServices } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { toClusterError } from './errors';
import {
  ClusterRequestError,
  classifyProxyError,
  toHttpError,
} from './proxyErrors';

const discovery = {
  getBaseUrl: async (id: string) => `http://backstage.test/api/${id}`,
  getExternalBaseUrl: async (id: string) => `http://backstage.test/api/${id}`,
};

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('classifyProxyError', () => {
  const CBM = '/apis/ome.io/v1beta1/clusterbasemodels';

  it('maps the proxy 500 naming the cluster to unreachable', () => {
    const err = classifyProxyError(
      'ome-dev-c',
      500,
      JSON.stringify({
        error: {
          name: 'Error',
          message: "Cluster 'ome-dev-c' request error",
          cause: { name: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:1' },
        },
        request: { method: 'GET', url: '/api/kubernetes/proxy/version' },
        response: { statusCode: 500 },
      }),
      '/version',
    );
    expect(err).toBeInstanceOf(ClusterRequestError);
    expect(err.reason).toBe('unreachable');
    expect(err.message).toContain("'ome-dev-c'");
    expect(err.message).toContain('ECONNREFUSED');
    expect(toClusterError('x', toHttpError(err))).toEqual({
      cluster: 'ome-dev-c',
      reason: 'unreachable',
      message: err.message,
      statusCode: 500,
    });
  });

  it('maps the apiserver 404 for the collection of a missing kind to not-installed, a missing object to not-found', () => {
    const missingResource = JSON.stringify({
      kind: 'Status',
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
    for (const path of [
      '/apis/ome.io/v1beta1/finetunedweights?limit=500',
      '/apis/ome.io/v1beta1/namespaces/team-a/benchmarkjobs',
    ]) {
      const collection = classifyProxyError('b', 404, missingResource, path);
      expect(collection.reason).toBe('not-installed');
      expect(toClusterError('x', toHttpError(collection)).reason).toBe(
        'not-installed',
      );
    }
    // The same answer for an object of a missing kind: the object does not exist.
    expect(
      classifyProxyError(
        'b',
        404,
        missingResource,
        '/apis/ome.io/v1beta1/finetunedweights/x',
      ).reason,
    ).toBe('not-found');
    // Outside an API group's collections and objects it says nothing about a kind.
    expect(
      classifyProxyError('b', 404, missingResource, '/version').reason,
    ).toBe('error');
    expect(
      classifyProxyError(
        'b',
        404,
        JSON.stringify({ kind: 'Status', reason: 'Gone', code: 404 }),
        CBM,
      ).reason,
    ).toBe('error');

    const object = classifyProxyError(
      'b',
      404,
      JSON.stringify({
        kind: 'Status',
        message: 'clusterbasemodels.ome.io "x" not found',
        reason: 'NotFound',
        details: { name: 'x', group: 'ome.io', kind: 'clusterbasemodels' },
        code: 404,
      }),
      `${CBM}/x`,
    );
    expect(object.reason).toBe('not-found');
    expect(toClusterError('x', toHttpError(object)).reason).toBe('error');

    // The apiserver's plain answer for a resource or API group it does not serve.
    expect(
      classifyProxyError('b', 404, '404 page not found\n', CBM).reason,
    ).toBe('not-installed');
    expect(
      classifyProxyError('b', 404, '404 page not found\n', `${CBM}/x`).reason,
    ).toBe('not-found');
    expect(
      classifyProxyError('b', 404, '404 page not found\n', '/version').reason,
    ).toBe('error');
  });

  it('maps Kubernetes 403 and 401 to forbidden', () => {
    const status = {
      kind: 'Status',
      message: 'clusterbasemodels.ome.io is forbidden: User "x" cannot list',
      reason: 'Forbidden',
      code: 403,
    };
    const err = classifyProxyError('a', 403, JSON.stringify(status), CBM);
    expect(err.reason).toBe('forbidden');
    expect(err.kubernetesStatus).toEqual(status);
    const unauth = classifyProxyError(
      'a',
      401,
      JSON.stringify({ kind: 'Status', message: 'Unauthorized', code: 401 }),
      CBM,
    );
    expect(unauth.reason).toBe('forbidden');
    expect(unauth.message).toContain('rejected');
  });

  it('maps the kubernetes backend 404 for an unknown cluster, also on a collection path', () => {
    const body = JSON.stringify({
      error: { name: 'NotFoundError', message: "Cluster 'nope' not found" },
    });
    for (const path of ['/version', CBM]) {
      const err = classifyProxyError('nope', 404, body, path);
      expect(err.reason).toBe('unknown-cluster');
      expect(toClusterError('x', toHttpError(err)).reason).toBe('error');
    }
  });

  it('maps other answers to error or unreachable', () => {
    expect(classifyProxyError('a', 500, 'boom', CBM).reason).toBe('error');
    expect(classifyProxyError('a', 503, '', CBM).reason).toBe('unreachable');
    expect(
      classifyProxyError(
        'a',
        500,
        JSON.stringify({ error: { name: 'Error', message: 'other failure' } }),
        CBM,
      ).reason,
    ).toBe('error');
    const empty404 = classifyProxyError('a', 404, '', CBM);
    expect(empty404.reason).toBe('error');
    expect(empty404.message).toContain('kubernetes backend configured');
  });
});

describe('KubernetesProxyClient', () => {
  const auth = mockServices.auth({ pluginId: 'ome' });

  it('sends requests to the kubernetes proxy with the cluster header and a service token', async () => {
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) =>
      jsonResponse(200, { gitVersion: 'v1.37.2' }),
    );
    const client = new KubernetesProxyClient({
      discovery,
      auth,
      fetch: fetchMock as unknown as typeof fetch,
    });
    await expect(client.request('ome-dev-a', '/version')).resolves.toEqual({
      gitVersion: 'v1.37.2',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('http://backstage.test/api/kubernetes/proxy/version');
    const headers = new Headers(init!.headers);
    expect(headers.get('Backstage-Kubernetes-Cluster')).toBe('ome-dev-a');
    expect(headers.get('Authorization')).toMatch(/^Bearer mock-service-token/);
    expect(headers.get('Authorization')).toContain('"target":"kubernetes"');
    expect(headers.get('Authorization')).toContain('"sub":"plugin:ome"');
  });

  it('uses the configured kubernetes plugin id', async () => {
    const fetchMock = jest.fn(async () => jsonResponse(200, { items: [] }));
    const client = new KubernetesProxyClient({
      discovery,
      auth,
      kubernetesPluginId: 'k8s',
      fetch: fetchMock as unknown as typeof fetch,
    });
    await client.listClusters();
    expect((fetchMock.mock.calls[0] as unknown[])[0]).toBe(
      'http://backstage.test/api/k8s/clusters',
    );
  });

  it('lists clusters', async () => {
    const client = new KubernetesProxyClient({
      discovery,
      auth,
      fetch: (async () =>
        jsonResponse(200, {
          items: [
            { name: 'a', authProvider: 'serviceAccount' },
            { name: 'b', title: 'B' },
            { nope: true },
          ],
        })) as unknown as typeof fetch,
    });
    await expect(client.listClusters()).resolves.toEqual([
      { name: 'a', authProvider: 'serviceAccount' },
      { name: 'b', title: 'B' },
    ]);
  });

  it('fails listing clusters with 503 when the kubernetes backend fails or is down', async () => {
    const listWith = (fetchImpl: unknown, timeoutMs?: number) =>
      new KubernetesProxyClient({
        discovery,
        auth,
        timeoutMs,
        fetch: fetchImpl as typeof fetch,
      }).listClusters();
    const unavailable = (message: RegExp) =>
      expect.objectContaining({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(message),
      });

    await expect(
      listWith(async () => new Response('', { status: 404 })),
    ).rejects.toEqual(
      unavailable(/^The kubernetes backend could not list clusters: HTTP 404$/),
    );
    await expect(
      listWith(async () =>
        jsonResponse(500, { error: { name: 'Error', message: 'boom' } }),
      ),
    ).rejects.toEqual(unavailable(/kubernetes backend.*HTTP 500 boom$/));
    // Connection refused: fetch itself rejects.
    const refused = await listWith(async () => {
      throw new TypeError('fetch failed', {
        cause: new Error('connect ECONNREFUSED 127.0.0.1:7007'),
      });
    }).catch(e => e);
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect(refused.message).toBe(
      'The kubernetes backend could not list clusters: fetch failed: connect ECONNREFUSED 127.0.0.1:7007',
    );
    // No answer in time.
    await expect(
      listWith(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => {
            init.signal!.addEventListener('abort', () =>
              reject(init.signal!.reason),
            );
          }),
        5,
      ),
    ).rejects.toEqual(unavailable(/kubernetes backend.*no answer within 5 ms/));
    // Not a cluster list.
    await expect(
      listWith(async () => jsonResponse(200, { clusters: [] })),
    ).rejects.toEqual(unavailable(/answered without items/));
  });

  it('throws classified errors', async () => {
    const client = new KubernetesProxyClient({
      discovery,
      auth,
      fetch: (async () =>
        jsonResponse(403, {
          kind: 'Status',
          message: 'forbidden',
          code: 403,
        })) as unknown as typeof fetch,
    });
    await expect(
      client.request('a', '/apis/ome.io/v1beta1/clusterbasemodels'),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      clusterFailure: { reason: 'forbidden', statusCode: 403 },
    });
  });

  // Found by fuzz.integration.test.ts: these were 500s (fetch threw on the header, or the
  // URL parser folded `..` away and the route read another resource's answer).
  it('answers 404 without sending for a cluster name no header can carry', async () => {
    const fetchMock = jest.fn(async () => jsonResponse(200, {}));
    const client = new KubernetesProxyClient({
      discovery,
      auth,
      fetch: fetchMock as unknown as typeof fetch,
    });
    for (const cluster of [
      'a\r\nX-Injected: 1',
      'a\u0000',
      '名前',
      ' a',
      'a\t',
    ]) {
      await expect(client.request(cluster, '/version')).rejects.toMatchObject({
        name: 'NotFoundError',
        clusterFailure: { reason: 'unknown-cluster', statusCode: 404 },
      });
      await expect(
        client.openStream(cluster, '/version', {
          signal: new AbortController().signal,
        }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    }
    expect(fetchMock).not.toHaveBeenCalled();
    await client.request('ü-cluster with space', '/version');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('answers 404 without sending for a `.` or `..` path segment', async () => {
    const fetchMock = jest.fn(async () => jsonResponse(200, {}));
    const client = new KubernetesProxyClient({
      discovery,
      auth,
      fetch: fetchMock as unknown as typeof fetch,
    });
    for (const name of ['.', '..', '%2E%2e']) {
      await expect(
        client.request(
          'a',
          `/apis/ome.io/v1beta1/clusterbasemodels/${name}?x=..`,
        ),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        clusterFailure: { reason: 'not-found', statusCode: 404 },
      });
    }
    expect(fetchMock).not.toHaveBeenCalled();
    await client.request(
      'a',
      '/apis/ome.io/v1beta1/clusterbasemodels/a..b?x=..',
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('reports a timeout as unreachable', async () => {
    const client = new KubernetesProxyClient({
      discovery,
      auth,
      timeoutMs: 5,
      fetch: ((_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) => {
          init.signal!.addEventListener('abort', () =>
            reject(init.signal!.reason),
          );
        })) as unknown as typeof fetch,
    });
    await expect(client.request('slow', '/version')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      clusterFailure: { reason: 'unreachable', cluster: 'slow' },
    });
  });

  describe('openStream', () => {
    /** A fetch whose answer never comes (a silent kubelet behind the apiserver). */
    const silent = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal!.addEventListener('abort', () =>
          reject(init.signal!.reason),
        );
      })) as unknown as typeof fetch;

    it('fails with 503 naming the cluster when no headers come within the request timeout', async () => {
      const client = new KubernetesProxyClient({
        discovery,
        auth,
        timeoutMs: 20,
        fetch: silent,
      });
      const path = '/api/v1/namespaces/n/pods/p/log?follow=true';
      const error = await client
        .openStream('quiet', path, { signal: new AbortController().signal })
        .catch(e => e);
      expect(error).toMatchObject({
        name: 'ServiceUnavailableError',
        clusterFailure: { reason: 'unreachable', cluster: 'quiet' },
      });
      expect(error.message).toContain(
        `Cluster 'quiet' did not answer GET ${path} within 20 ms`,
      );
    });

    it('does not end a stream whose headers came in time when the timeout passes', async () => {
      let signal: AbortSignal | undefined;
      let push: ((chunk: string) => void) | undefined;
      const client = new KubernetesProxyClient({
        discovery,
        auth,
        timeoutMs: 20,
        fetch: (async (_url: string, init: RequestInit) => {
          signal = init.signal!;
          const body = new ReadableStream<Uint8Array>({
            start(c) {
              push = chunk => c.enqueue(new TextEncoder().encode(chunk));
            },
          });
          return new Response(body, { status: 200 });
        }) as unknown as typeof fetch,
      });
      const caller = new AbortController();
      const res = await client.openStream('a', '/api/v1/x/log?follow=true', {
        signal: caller.signal,
      });
      await new Promise(r => setTimeout(r, 60));
      expect(signal!.aborted).toBe(false);
      const reader = res.body!.getReader();
      push!('line 1\n');
      expect(new TextDecoder().decode((await reader.read()).value)).toBe(
        'line 1\n',
      );
      // The caller still ends it.
      caller.abort();
      expect(signal!.aborted).toBe(true);
      await reader.cancel();
    });

    it("reports the cluster's error answer as before", async () => {
      const client = new KubernetesProxyClient({
        discovery,
        auth,
        timeoutMs: 1_000,
        fetch: (async () =>
          jsonResponse(404, {
            kind: 'Status',
            message: 'pods "p" not found',
            reason: 'NotFound',
            details: { name: 'p', kind: 'pods' },
            code: 404,
          })) as unknown as typeof fetch,
      });
      await expect(
        client.openStream('a', '/api/v1/namespaces/n/pods/p/log', {
          signal: new AbortController().signal,
        }),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        clusterFailure: { reason: 'not-found', cluster: 'a' },
      });
    });
  });

  it('sends JSON bodies', async () => {
    const fetchMock = jest.fn(async () => jsonResponse(201, { ok: true }));
    const client = new KubernetesProxyClient({
      discovery,
      auth,
      fetch: fetchMock as unknown as typeof fetch,
    });
    await client.request('a', '/apis/x', { method: 'POST', body: { a: 1 } });
    const init = (fetchMock.mock.calls[0] as unknown[])[1] as RequestInit;
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect(new Headers(init.headers).get('Content-Type')).toBe(
      'application/json',
    );
  });
});
