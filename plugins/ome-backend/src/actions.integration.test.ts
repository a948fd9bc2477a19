/*
 * The OME actions of Backstage's actions registry (issue 11 item 4), invoked over the registry's
 * real HTTP endpoint as a Backstage user, through the real kubernetes backend, against the real
 * control plane: they answer from the clusters, decide with the caller's permissions exactly
 * like the routes (a caller without read is refused), and a deploy dry run writes nothing.
 */
import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { omeResourcePath } from '@ome-console/plugin-ome-common';
import request from 'supertest';
import { omePlugin } from './plugin';
import {
  backendConfig,
  clusterA,
  kubeRequest,
  seeded,
} from './__testUtils__/controlPlane';

jest.setTimeout(180_000);

const RUN = Date.now().toString(36);
const SERVICE = `act-${RUN}`;

/** Which `ome.*` permissions the caller is denied in the current test. */
let denied = new Set<string>();

/** Decides `ome.*` permissions by `denied`; everything else (the kubernetes plugin's) is allowed. */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => ({
    async authorize(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
    async authorizeConditional(requests) {
      return requests.map(r => ({
        result: denied.has(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })) as any;
    },
  }),
});

describe('OME actions against the real control plane', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        omePlugin,
        // The real registry (the test backend's default is a mock without HTTP endpoints).
        actionsRegistryServiceFactory,
        permissionsFactory,
        mockServices.rootConfig.factory({
          data: {
            ...backendConfig(),
            backend: { actions: { pluginSources: ['ome'] } },
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
      const res = await request(server)
        .get('/api/ome/clusters')
        .set('Authorization', mockCredentials.user.header());
      if (res.status === 200) break;
    }
  });

  afterAll(async () => {
    await stop?.();
  });

  beforeEach(() => {
    denied = new Set();
  });

  const invoke = (action: string, input: object) =>
    request(server)
      .post(`/api/ome/.backstage/actions/v1/actions/ome:${action}/invoke`)
      .set('Authorization', mockCredentials.user.header())
      .send(input);

  it('offers the five OME actions with descriptions and input schemas', async () => {
    const res = await request(server)
      .get('/api/ome/.backstage/actions/v1/actions')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const actions = res.body.actions as Array<{
      id: string;
      description: string;
      schema: { input: { properties?: object } };
    }>;
    expect(actions.map(a => a.id).sort()).toEqual([
      'ome:deploy-inference-service',
      'ome:explain-inference-service',
      'ome:explain-runtime-selection',
      'ome:list-inference-services',
      'ome:list-models',
    ]);
    for (const action of actions) {
      expect(action.description.length).toBeGreaterThan(100);
      expect(action.schema.input.properties).toBeDefined();
    }
  });

  it("lists the cluster's models for a caller who may read, and refuses one who may not", async () => {
    const res = await invoke('list-models', {
      cluster: clusterA.name,
      kind: 'ClusterBaseModel',
    });
    expect(res.status).toBe(200);
    const models = res.body.output.models as Array<{ name: string }>;
    // at least what was seeded: other suites add models meanwhile
    expect(models.length).toBeGreaterThanOrEqual(
      seeded(clusterA.name, 'ClusterBaseModel'),
    );
    expect(models.length).toBeGreaterThan(0);

    const explained = await invoke('explain-runtime-selection', {
      cluster: clusterA.name,
      model: models[0].name,
    });
    expect(explained.status).toBe(200);
    expect(explained.body.output.explanation).toEqual(expect.any(String));
    expect(explained.body.output.candidates.length).toBeGreaterThan(0);

    denied = new Set(['ome.resource.read']);
    for (const [action, input] of [
      ['list-models', {}],
      ['list-inference-services', {}],
      [
        'explain-runtime-selection',
        { cluster: clusterA.name, model: models[0].name },
      ],
      [
        'explain-inference-service',
        { cluster: clusterA.name, namespace: 'default', name: 'any' },
      ],
    ] as const) {
      const refused = await invoke(action, input);
      expect({
        action,
        status: refused.status,
        message: refused.body.error?.message,
      }).toEqual({
        action,
        status: 403,
        message: 'Not allowed: ome.resource.read',
      });
    }
  });

  it('rejects bad input with a 400 naming the field', async () => {
    const res = await invoke('deploy-inference-service', {
      cluster: clusterA.name,
      namespace: 'default',
      name: 'Not_A_Name',
      model: 'm',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(
      'name: must be a DNS-1035 label',
    );
  });

  it('deploys as a dry run by default and writes nothing; without create it is refused', async () => {
    const models = (
      await invoke('list-models', {
        cluster: clusterA.name,
        kind: 'ClusterBaseModel',
      })
    ).body.output.models as Array<{ name: string }>;
    expect(models.length).toBeGreaterThan(0);
    const input = {
      cluster: clusterA.name,
      namespace: 'default',
      name: SERVICE,
      model: models[0].name,
    };
    const path = omeResourcePath('InferenceService', {
      namespace: 'default',
      name: SERVICE,
    });

    const dry = await invoke('deploy-inference-service', input);
    expect({ status: dry.status, error: dry.body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    expect(dry.body.output).toMatchObject({
      cluster: clusterA.name,
      name: SERVICE,
      dryRun: true,
      created: false,
      model: models[0].name,
    });
    expect((await kubeRequest(clusterA, 'GET', path)).status).toBe(404);

    denied = new Set(['ome.resource.create']);
    const refused = await invoke('deploy-inference-service', {
      ...input,
      dryRun: false,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Not allowed: ome.resource.create');
    expect((await kubeRequest(clusterA, 'GET', path)).status).toBe(404);
  });
});
