/*
 * Impersonation end to end: the OME backend with impersonation (user and group prefixes) on
 * ome-dev-a and none on ome-dev-b, through the REAL kubernetes backend plugin, against the
 * real apiserver's RBAC. What the apiserver decides (and names in its 403s) shows which
 * identity reached it: the Backstage user mapped to `bs:<name>` with group
 * `bsg:<namespace>/<group>`, never an identity a caller put in its own headers, never the
 * OME backend itself for a user (routes and the actions registry alike), and the OME backend
 * itself for a service principal. The suite brings its own namespace and RoleBinding.
 */
import {
  coreServices,
  createServiceFactory,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { KubernetesObject } from '@ome-console/plugin-ome-common';
import request from 'supertest';
import { omePlugin } from './plugin';
import {
  backendConfig,
  clusterA,
  clusterB,
  kubeRequest,
} from './__testUtils__/controlPlane';

jest.setTimeout(240_000);

const RUN = Date.now().toString(36);
const NS = `imp-${RUN}`;
const MODEL = `m-${RUN}`;

/** In the owners' group (a namespaced Backstage group): edits OME objects in NS on ome-dev-a. */
const IVY = 'user:default/ivy';
/** In no group: no rights in ome-dev-a's RBAC at all. */
const NED = 'user:default/ned';
const GROUPS: Record<string, string[]> = {
  [IVY]: ['group:platform/model-owners'],
  [NED]: [],
};
/** The Kubernetes names the mapping gives them (ome.clusters[].impersonation prefixes). */
const IVY_K8S = 'bs:ivy';
const NED_K8S = 'bs:ned';
const OWNERS_K8S = 'bsg:platform/model-owners';

/** Gives users the ownership refs of GROUPS (the user info service resolves them from the catalog in an app). */
const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: (): UserInfoService => ({
    async getUserInfo(credentials) {
      const ref = (credentials.principal as { userEntityRef?: string })
        .userEntityRef;
      if (!ref) throw new Error('not a user');
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(GROUPS[ref] ?? [])],
      };
    },
  }),
});

const basePath = (cluster: string) =>
  `/api/ome/clusters/${cluster}/namespaces/${NS}/basemodels`;
const kubeModelPath = (name: string) =>
  `/apis/ome.io/v1beta1/namespaces/${NS}/basemodels/${name}`;

const baseModel = (name: string): KubernetesObject => ({
  apiVersion: 'ome.io/v1beta1',
  kind: 'BaseModel',
  metadata: { name, namespace: NS },
  spec: {
    modelFormat: { name: 'safetensors', version: '1.0.0' },
    storage: { storageUri: `hf://example/${name}` },
  },
});

/** Fails the set-up loudly when the apiserver did not create what the suite needs. */
function created(what: string, res: { status: number; body: unknown }) {
  if (res.status !== 201) {
    throw new Error(
      `Could not create ${what}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  }
}

type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];
let server: Server;
let stop: () => Promise<void>;

/** A request to the OME backend as `who` (a user ref, or 'service'), with extra headers. */
function call(
  who: string,
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  let req = request(server)
    [method](path)
    .set(
      'Authorization',
      who === 'service'
        ? mockCredentials.service.header()
        : mockCredentials.user.header(who),
    );
  for (const [k, v] of Object.entries(options.headers ?? {}))
    req = req.set(k, v);
  return options.body === undefined ? req : req.send(options.body as object);
}

beforeAll(async () => {
  for (const cluster of [clusterA, clusterB]) {
    const ns = await kubeRequest(cluster, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NS },
    });
    created(`namespace ${NS}`, ns);
    const model = await kubeRequest(
      cluster,
      'POST',
      `/apis/ome.io/v1beta1/namespaces/${NS}/basemodels`,
      baseModel(MODEL),
    );
    created(`BaseModel ${MODEL}`, model);
  }
  // Only the mapped group name (prefix and Backstage namespace included) may edit there.
  const binding = await kubeRequest(
    clusterA,
    'POST',
    `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'model-owners', namespace: NS },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'ome-console:ome-editor',
      },
      subjects: [
        {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Group',
          name: OWNERS_K8S,
        },
      ],
    },
  );
  created('the RoleBinding of the model owners', binding);

  const base = backendConfig();
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      omePlugin,
      actionsRegistryServiceFactory,
      userInfoFactory,
      mockServices.rootConfig.factory({
        data: {
          ...base,
          backend: { actions: { pluginSources: ['ome'] } },
          ome: {
            ...base.ome,
            clusters: [
              {
                name: clusterA.name,
                impersonation: {
                  enabled: true,
                  token: clusterA.tokens['ome-impersonator'],
                  userPrefix: 'bs:',
                  groupPrefix: 'bsg:',
                },
              },
            ],
          },
        },
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  server = backend.server;
  stop = () => backend.stop();
  // The kubernetes backend's first cluster listing can outlast a request on a busy machine.
  for (let i = 0; i < 3; i++) {
    if ((await call('service', 'get', '/api/ome/clusters')).status === 200)
      break;
  }
});

afterAll(async () => {
  await stop?.();
  for (const cluster of [clusterA, clusterB]) {
    await kubeRequest(cluster, 'DELETE', `/api/v1/namespaces/${NS}`);
  }
});

describe('impersonation (prefixes, namespaced group) against the real apiserver', () => {
  it('the apiserver decides as the mapped user and group: the group member reads and writes, the other user is refused by name', async () => {
    const ivyRead = await call(
      IVY,
      'get',
      `${basePath(clusterA.name)}/${MODEL}`,
    );
    expect(ivyRead.status).toBe(200);
    expect(ivyRead.body.object.metadata.name).toBe(MODEL);
    const ivyCreate = await call(
      IVY,
      'post',
      `${basePath(clusterA.name)}?dryRun=true`,
      {
        body: baseModel(`ivy-${RUN}`),
      },
    );
    expect(ivyCreate.status).toBe(201);

    const nedRead = await call(
      NED,
      'get',
      `${basePath(clusterA.name)}/${MODEL}`,
    );
    expect(nedRead.status).toBe(403);
    expect(nedRead.body.error.message).toContain(
      `User "${NED_K8S}" cannot get resource "basemodels"`,
    );
    expect(nedRead.body.error.message).toContain(`"${NS}"`);
    // The group's rights end at NS: the apiserver names ivy's mapped user elsewhere.
    const ivyElsewhere = await call(
      IVY,
      'post',
      `/api/ome/clusters/${clusterA.name}/namespaces/team-a/basemodels?dryRun=true`,
      {
        body: {
          ...baseModel(`ivy-${RUN}`),
          metadata: { name: `ivy-${RUN}`, namespace: 'team-a' },
        },
      },
    );
    expect(ivyElsewhere.status).toBe(403);
    expect(ivyElsewhere.body.error.message).toContain(`User "${IVY_K8S}"`);
  });

  describe("a caller's own identity headers never reach the cluster", () => {
    /** An attempt to be ome-admin (system:masters) on the impersonating cluster. */
    const ELEVATE = {
      'Impersonate-User': 'ome-admin',
      'Impersonate-Group': 'system:masters',
      'Backstage-Kubernetes-Authorization': `Bearer ${clusterA.tokens['ome-admin']}`,
    };
    /** The model with a label added, over `resourceVersion` (an update must name one). */
    const edited = (resourceVersion?: string): KubernetesObject => ({
      ...baseModel(MODEL),
      metadata: {
        name: MODEL,
        namespace: NS,
        labels: { smuggled: 'yes' },
        ...(resourceVersion && { resourceVersion }),
      },
    });

    it.each([
      ['read', 'get', ''],
      ['update', 'put', '?dryRun=true'],
      ['delete', 'delete', '?dryRun=true'],
    ] as const)(
      'a %s on the impersonating cluster is decided for the mapped user',
      async (_what, method, query) => {
        const res = await call(
          NED,
          method,
          `${basePath(clusterA.name)}/${MODEL}${query}`,
          {
            headers: ELEVATE,
            ...(method === 'put' && {
              body: edited(
                (
                  await kubeRequest(clusterA, 'GET', kubeModelPath(MODEL))
                ).body.metadata.resourceVersion,
              ),
            }),
          },
        );
        expect(res.status).toBe(403);
        expect(res.body.error.message).toContain(`User "${NED_K8S}"`);
        const still = await kubeRequest(clusterA, 'GET', kubeModelPath(MODEL));
        expect(still.status).toBe(200);
        expect(still.body.metadata.labels?.smuggled).toBeUndefined();
      },
    );

    it('an import into the impersonating cluster is decided for the mapped user and writes nothing', async () => {
      const name = `imported-${RUN}`;
      const res = await call(NED, 'post', '/api/ome/import', {
        headers: ELEVATE,
        body: {
          cluster: clusterA.name,
          yaml: JSON.stringify(baseModel(name)),
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.applied).toBe(false);
      expect(res.body.results).toHaveLength(1);
      expect(['refused', 'failed']).toContain(res.body.results[0].outcome);
      expect(res.body.results[0].message).toContain(`User "${NED_K8S}"`);
      expect(
        (await kubeRequest(clusterA, 'GET', kubeModelPath(name))).status,
      ).toBe(404);
    });

    it('on a cluster without impersonation the same headers are dropped too: requests act as the kubernetes plugin', async () => {
      // Were they forwarded, the apiserver would answer 401 (the token) or 403 (the
      // kubernetes plugin's credential may not impersonate).
      const DETECT = {
        'Impersonate-User': `nobody-${RUN}`,
        'Impersonate-Group': 'nobodies',
        'Backstage-Kubernetes-Authorization': 'Bearer not-a-token',
      };
      const path = `${basePath(clusterB.name)}/${MODEL}`;
      const read = await call(NED, 'get', path, { headers: DETECT });
      expect(read.status).toBe(200);
      const update = await call(NED, 'put', `${path}?dryRun=true`, {
        headers: DETECT,
        body: edited(read.body.object.metadata.resourceVersion),
      });
      expect(update.status).toBe(200);
      const del = await call(NED, 'delete', `${path}?dryRun=true`, {
        headers: DETECT,
      });
      expect(del.status).toBe(200);
      const imported = await call(NED, 'post', '/api/ome/import?dryRun=true', {
        headers: DETECT,
        body: {
          cluster: clusterB.name,
          yaml: JSON.stringify(baseModel(`imp-${RUN}`)),
        },
      });
      expect(imported.status).toBe(200);
      expect(imported.body.applied).toBe(true);
      expect(
        (await kubeRequest(clusterB, 'GET', kubeModelPath(MODEL))).body.metadata
          .labels?.smuggled,
      ).toBeUndefined();
    });
  });

  it('a service principal acts as the OME backend itself (not impersonated)', async () => {
    const res = await call(
      'service',
      'get',
      `${basePath(clusterA.name)}/${MODEL}`,
    );
    expect(res.status).toBe(200);
    const list = await call(
      'service',
      'get',
      `/api/ome/basemodels?cluster=${clusterA.name}&limit=500`,
    );
    expect(list.status).toBe(200);
    expect(list.body.errors).toEqual([]);
    expect(list.body.items.map((i: any) => i.object.metadata.name)).toContain(
      MODEL,
    );
  });

  it('the actions registry reaches the impersonating cluster as the calling user, and the other cluster as the plugin', async () => {
    const invoke = (who: string, input: object) =>
      call(
        who,
        'post',
        '/api/ome/.backstage/actions/v1/actions/ome:list-models/invoke',
        {
          body: input,
        },
      );
    const ned = await invoke(NED, {
      cluster: clusterA.name,
      kind: 'BaseModel',
    });
    expect(ned.status).toBe(200);
    expect(ned.body.output.models).toEqual([]);
    expect(ned.body.output.clusterErrors).toEqual([
      expect.objectContaining({
        cluster: clusterA.name,
        reason: 'forbidden',
        message: expect.stringContaining(`User "${NED_K8S}" cannot list`),
      }),
    ]);
    // ivy may list only in NS: the cluster-wide list names her mapped user.
    const ivy = await invoke(IVY, {
      cluster: clusterA.name,
      kind: 'BaseModel',
    });
    expect(ivy.body.output.clusterErrors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`User "${IVY_K8S}" cannot list`),
      }),
    ]);
    const onB = await invoke(NED, {
      cluster: clusterB.name,
      kind: 'BaseModel',
    });
    expect(onB.body.output.clusterErrors).toEqual([]);
    const names = (onB.body.output.models as Array<{ name: string }>).map(
      m => m.name,
    );
    expect(names).toContain(MODEL);
  });
});
