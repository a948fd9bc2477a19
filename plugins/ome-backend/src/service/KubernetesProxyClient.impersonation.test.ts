import { mockServices } from '@backstage/backend-test-utils';
import { KubernetesProxyClient } from './KubernetesProxyClient';
import { ActingUser } from './impersonation';

const discovery = {
  getBaseUrl: async (id: string) => `http://backstage.test/api/${id}`,
  getExternalBaseUrl: async (id: string) => `http://backstage.test/api/${id}`,
};

const ALICE: ActingUser = {
  userEntityRef: 'user:default/alice',
  ownershipEntityRefs: [
    'user:default/alice',
    'group:default/team-a',
    'group:platform/admins',
  ],
};

/** What a caller of the client may try to smuggle in: identity headers of its own. */
const SMUGGLED = {
  'Impersonate-User': 'system:admin',
  'impersonate-group': 'system:masters',
  'Impersonate-Uid': '0',
  'Impersonate-Extra-scopes': 'all',
  Authorization: 'Bearer smuggled',
  'Backstage-Kubernetes-Authorization': 'Bearer smuggled',
  'backstage-kubernetes-authorization-oidc': 'smuggled',
};

/**
 * A client whose cluster `imp` impersonates (prefixes `bs:` / `bsg:`) and whose cluster
 * `plain` does not, over a fetch that records the headers of every request.
 */
function recordingClient() {
  const sent: Array<{ url: string; method: string; headers: Headers }> = [];
  const fetchMock = jest.fn(async (url: string, init: RequestInit) => {
    sent.push({
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
    });
    return new Response('{"kind":"Status"}', {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  const client = new KubernetesProxyClient({
    discovery,
    auth: mockServices.auth(),
    fetch: fetchMock as unknown as typeof fetch,
    impersonation: new Map([
      [
        'imp',
        { token: 'impersonator-token', userPrefix: 'bs:', groupPrefix: 'bsg:' },
      ],
    ]),
  });
  return { client, sent };
}

/** The identity headers of a recorded request (everything but the routing and format ones). */
function identity(headers: Headers) {
  return {
    user: headers.get('impersonate-user'),
    groups: headers.get('impersonate-group'),
    impersonateOthers: [...headers.keys()].filter(
      k =>
        k.startsWith('impersonate-') &&
        k !== 'impersonate-user' &&
        k !== 'impersonate-group',
    ),
    kubernetesAuthorization: headers.get('backstage-kubernetes-authorization'),
    kubernetesAuthorizationOthers: [...headers.keys()].filter(k =>
      k.startsWith('backstage-kubernetes-authorization-'),
    ),
    authorization: headers.get('authorization'),
  };
}

const OBJECT = '/apis/ome.io/v1beta1/namespaces/team-a/basemodels/m';
const WRITES: Array<{
  what: string;
  method: string;
  path: string;
  body?: unknown;
}> = [
  { what: 'read', method: 'GET', path: OBJECT },
  { what: 'update', method: 'PUT', path: OBJECT, body: { kind: 'BaseModel' } },
  { what: 'patch', method: 'PATCH', path: OBJECT, body: [] },
  { what: 'delete', method: 'DELETE', path: OBJECT },
  // An import creates through the same client (and a Namespace when needed).
  {
    what: 'import create',
    method: 'POST',
    path: '/api/v1/namespaces',
    body: { kind: 'Namespace' },
  },
];

describe('KubernetesProxyClient impersonation', () => {
  it.each(WRITES)(
    "a $what on an impersonating cluster carries the mapped user and groups and the impersonator credential, never the caller's identity headers",
    async ({ method, path, body }) => {
      const { client, sent } = recordingClient();
      await KubernetesProxyClient.runAs(ALICE, () =>
        client.request('imp', path, { method, body, headers: SMUGGLED }),
      );
      expect(sent).toHaveLength(1);
      expect(sent[0].method).toBe(method);
      expect(sent[0].headers.get('backstage-kubernetes-cluster')).toBe('imp');
      const got = identity(sent[0].headers);
      expect(got.user).toBe('bs:alice');
      // Headers joins repeated values with ", ": one Impersonate-Group per group was appended.
      expect(got.groups).toBe('bsg:platform/admins, bsg:team-a');
      expect(got.impersonateOthers).toEqual([]);
      expect(got.kubernetesAuthorization).toBe('Bearer impersonator-token');
      expect(got.kubernetesAuthorizationOthers).toEqual([]);
      // The OME backend's own token for the kubernetes backend, not the smuggled one.
      expect(got.authorization).toMatch(/^Bearer /);
      expect(got.authorization).not.toContain('smuggled');
    },
  );

  it.each(WRITES)(
    'a $what on a cluster without impersonation carries no identity headers at all, even with an acting user',
    async ({ method, path, body }) => {
      const { client, sent } = recordingClient();
      expect(client.impersonates('plain')).toBe(false);
      await KubernetesProxyClient.runAs(ALICE, () =>
        client.request('plain', path, { method, body, headers: SMUGGLED }),
      );
      expect(sent).toHaveLength(1);
      expect(sent[0].method).toBe(method);
      const got = identity(sent[0].headers);
      expect(got).toEqual({
        user: null,
        groups: null,
        impersonateOthers: [],
        kubernetesAuthorization: null,
        kubernetesAuthorizationOthers: [],
        authorization: expect.stringMatching(/^Bearer /),
      });
      expect(got.authorization).not.toContain('smuggled');
    },
  );

  it('a followed stream (openStream) is impersonated and stripped the same way', async () => {
    const { client, sent } = recordingClient();
    await KubernetesProxyClient.runAs(ALICE, () =>
      client.openStream('imp', '/api/v1/namespaces/team-a/pods/p/log', {
        signal: new AbortController().signal,
      }),
    );
    expect(identity(sent[0].headers)).toMatchObject({
      user: 'bs:alice',
      groups: 'bsg:platform/admins, bsg:team-a',
      kubernetesAuthorization: 'Bearer impersonator-token',
    });
  });

  it('without an acting user (a service principal, a background task) the request acts as the OME backend', async () => {
    const { client, sent } = recordingClient();
    await KubernetesProxyClient.runAs(undefined, () =>
      client.request('imp', OBJECT, { headers: SMUGGLED }),
    );
    await client.request('imp', OBJECT);
    expect(sent).toHaveLength(2);
    for (const { headers } of sent) {
      expect(identity(headers)).toMatchObject({
        user: null,
        groups: null,
        impersonateOthers: [],
        kubernetesAuthorization: null,
      });
    }
  });

  it('asPlugin reads (shared caches, permission lookups) skip impersonation even for an acting user', async () => {
    const { client, sent } = recordingClient();
    await KubernetesProxyClient.runAs(ALICE, () =>
      client.request('imp', '/api/v1/namespaces', { asPlugin: true }),
    );
    expect(identity(sent[0].headers)).toMatchObject({
      user: null,
      groups: null,
      kubernetesAuthorization: null,
    });
  });

  it("a request with the OME backend's own credential sends that credential and never impersonates", async () => {
    const { client, sent } = recordingClient();
    await KubernetesProxyClient.runAs(ALICE, () =>
      client.request('imp', '/api/v1/namespaces/team-a/secrets', {
        method: 'POST',
        body: {},
        credential: 'secret-writer-token',
        headers: SMUGGLED,
      }),
    );
    expect(identity(sent[0].headers)).toMatchObject({
      user: null,
      groups: null,
      impersonateOthers: [],
      kubernetesAuthorization: 'Bearer secret-writer-token',
      kubernetesAuthorizationOthers: [],
    });
  });

  it('the acting user follows async continuations and does not leak into other work', async () => {
    const { client, sent } = recordingClient();
    const bob: ActingUser = {
      userEntityRef: 'user:default/bob',
      ownershipEntityRefs: [],
    };
    await Promise.all([
      KubernetesProxyClient.runAs(ALICE, async () => {
        await new Promise(r => setTimeout(r, 5));
        await client.request('imp', `${OBJECT}?who=alice`);
      }),
      KubernetesProxyClient.runAs(bob, async () => {
        await client.request('imp', `${OBJECT}?who=bob`);
      }),
    ]);
    await client.request('imp', `${OBJECT}?who=none`);
    const users = Object.fromEntries(
      sent.map(s => [
        new URL(s.url).searchParams.get('who'),
        s.headers.get('impersonate-user'),
      ]),
    );
    expect(users).toEqual({ alice: 'bs:alice', bob: 'bs:bob', none: null });
    expect(
      sent
        .find(s => s.url.endsWith('who=bob'))!
        .headers.get('impersonate-group'),
    ).toBeNull();
  });
});
