/*
 * The OME entity provider against the real local control plane, through the real kubernetes
 * backend and OME backend plugins (the harness of plugins/ome-backend).
 */
import {
  AuthService,
  coreServices,
  createBackendPlugin,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  ComponentEntity,
  Entity,
  KubernetesValidatorFunctions,
} from '@backstage/catalog-model';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import omePlugin from '@ome-console/plugin-ome-backend';
import {
  backendConfig,
  clusterB,
  closedPort,
  DEAD,
  kubeRequest,
  seeded,
} from '@ome-console/plugin-ome-backend/src/__testUtils__/controlPlane';
import { OmeProviderConfig } from './config';
import { OmeEntityProvider } from './OmeEntityProvider';

jest.setTimeout(600_000);

const RUN = Date.now().toString(36);
const LONG_NAME = `chat-${RUN}-${'x'.repeat(40)}`.slice(0, 55);

const config: OmeProviderConfig = {
  schedule: { frequency: { minutes: 30 }, timeout: { minutes: 3 } },
  kinds: ['InferenceService', 'BaseModel', 'ClusterBaseModel'],
  ownerAnnotation: 'ome.io/owner',
  ownerLabel: 'ome.io/team',
  defaultOwner: 'group:default/ml-platform',
  lifecycle: 'production',
  consoleUrl: 'http://localhost:3000/ome',
};

/** The harness's config, with room for a loaded machine to list a whole cluster. */
async function testConfig() {
  const data = backendConfig(await closedPort());
  return { ...data, ome: { ...data.ome, requestTimeoutMs: 150_000 } };
}

/** What the provider applied to the catalog. */
function recordingConnection() {
  const applied: Entity[][] = [];
  const connection: EntityProviderConnection = {
    async applyMutation(mutation) {
      if (mutation.type !== 'full') throw new Error('expected a full mutation');
      applied.push(mutation.entities.map(e => e.entity));
    },
    async refresh() {},
  };
  return { applied, connection };
}

describe('OmeEntityProvider against the real control plane', () => {
  let services: { discovery: DiscoveryService; auth: AuthService };
  let stop: () => Promise<void>;

  beforeAll(async () => {
    // The long-named service, labelled with its team, in cluster B.
    const created = await kubeRequest(
      clusterB,
      'POST',
      '/apis/ome.io/v1beta1/namespaces/team-b/inferenceservices',
      {
        apiVersion: 'ome.io/v1beta1',
        kind: 'InferenceService',
        metadata: { name: LONG_NAME, labels: { 'ome.io/team': 'team-b' } },
        spec: { model: { name: 'team-b-qwen3-8b' } },
      },
    );
    if (created.status !== 201) {
      throw new Error(`creating ${LONG_NAME}: HTTP ${created.status}`);
    }
    // A test plugin that hands out the backend's discovery and auth services.
    const servicesPlugin = createBackendPlugin({
      pluginId: 'omecatalogtest',
      register(env) {
        env.registerInit({
          deps: { discovery: coreServices.discovery, auth: coreServices.auth },
          async init(deps) {
            services = deps;
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        omePlugin,
        servicesPlugin,
        mockServices.rootConfig.factory({ data: await testConfig() }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await kubeRequest(
      clusterB,
      'DELETE',
      `/apis/ome.io/v1beta1/namespaces/team-b/inferenceservices/${LONG_NAME}`,
    );
    await stop?.();
  });

  function providers(clusters?: string[]) {
    return OmeEntityProvider.fromConfig(
      { ...config, clusters },
      {
        logger: mockServices.logger.mock(),
        ...services,
        taskRunner: () => ({ run: async () => {} }),
      },
    );
  }

  it('emits the services and models of each cluster, with unique valid names', async () => {
    const [a, b] = providers(['ome-dev-a', 'ome-dev-b']);
    expect(a.getProviderName()).toBe('ome-provider:ome-dev-a');
    expect(b.getProviderName()).toBe('ome-provider:ome-dev-b');
    const recA = recordingConnection();
    const recB = recordingConnection();
    await a.connect(recA.connection);
    await b.connect(recB.connection);
    await a.refresh();
    await b.refresh();
    expect(recA.applied).toHaveLength(1);
    expect(recB.applied).toHaveLength(1);

    for (const [cluster, entities] of [
      ['ome-dev-a', recA.applied[0]],
      ['ome-dev-b', recB.applied[0]],
    ] as const) {
      const components = entities.filter(e => e.kind === 'Component');
      const resources = entities.filter(e => e.kind === 'Resource');
      // At least what was seeded: other suites create services and models on the same
      // clusters while this one runs.
      expect(components.length).toBeGreaterThanOrEqual(
        seeded(cluster, 'InferenceService'),
      );
      expect(resources.length).toBeGreaterThanOrEqual(
        seeded(cluster, 'ClusterBaseModel') + seeded(cluster, 'BaseModel'),
      );
      expect(entities.length).toBeGreaterThan(0);
      for (const e of entities) {
        expect(
          e.metadata.annotations?.['backstage.io/kubernetes-cluster'],
        ).toBe(cluster);
        expect(
          KubernetesValidatorFunctions.isValidObjectName(e.metadata.name),
        ).toBe(true);
      }
    }

    // Unique across both clusters, per kind.
    const all = [...recA.applied[0], ...recB.applied[0]];
    const keys = all.map(e => `${e.kind}:${e.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);

    // team-a-chat depends on its namespace's BaseModel, which is emitted too.
    const chat = recA.applied[0].find(
      e => e.metadata.name === 'team-a-chat_team-a_ome-dev-a',
    ) as ComponentEntity;
    expect(chat).toMatchObject({
      kind: 'Component',
      metadata: {
        title: 'team-a-chat',
        annotations: {
          'ome.io/inference-services': 'ome-dev-a/team-a/team-a-chat',
          'backstage.io/kubernetes-cluster': 'ome-dev-a',
          'backstage.io/kubernetes-namespace': 'team-a',
          'backstage.io/managed-by-location':
            'url:http://localhost:3000/ome/inferenceservices/ome-dev-a/team-a/team-a-chat',
          'backstage.io/managed-by-origin-location':
            'url:http://localhost:3000/ome/inferenceservices/ome-dev-a/team-a/team-a-chat',
        },
      },
      spec: {
        type: 'model-server',
        lifecycle: 'production',
        owner: 'group:default/ml-platform',
        dependsOn: ['resource:default/team-a-llama-3-2-1b_team-a_ome-dev-a'],
      },
    });
    expect(
      recA.applied[0].find(
        e => e.metadata.name === 'team-a-llama-3-2-1b_team-a_ome-dev-a',
      ),
    ).toMatchObject({ kind: 'Resource', spec: { type: 'ai-model' } });

    // A service of a ClusterBaseModel depends on that model in its own cluster.
    const onClusterModel = recB.applied[0].find(
      e =>
        e.kind === 'Component' &&
        e.metadata.annotations?.['backstage.io/kubernetes-namespace'] !==
          'team-b',
    ) as ComponentEntity;
    expect(onClusterModel).toBeDefined();
    const modelRef = onClusterModel.spec.dependsOn![0];
    expect(modelRef).toMatch(/^resource:default\/.+_ome-dev-b$/);
    expect(
      recB.applied[0].some(
        e => `resource:default/${e.metadata.name}` === modelRef,
      ),
    ).toBe(true);

    // The long name is hashed, the title keeps it, the owner comes from the label.
    const long = recB.applied[0].find(e => e.metadata.title === LONG_NAME);
    expect(long).toBeDefined();
    expect(long!.metadata.name).toMatch(/-[0-9a-f]{8}$/);
    expect(long!.metadata.name.length).toBeLessThanOrEqual(63);
    expect(long!.spec).toMatchObject({
      owner: 'team-b',
      dependsOn: ['resource:default/team-b-qwen3-8b_team-b_ome-dev-b'],
    });
    expect(long!.metadata.annotations?.['ome.io/inference-services']).toBe(
      `ome-dev-b/team-b/${LONG_NAME}`,
    );
  });

  it('applies nothing for a cluster that is down, while the others refresh', async () => {
    const [a, dead] = providers(['ome-dev-a', DEAD]);
    const recA = recordingConnection();
    const recDead = recordingConnection();
    await a.connect(recA.connection);
    await dead.connect(recDead.connection);
    await expect(dead.refresh()).rejects.toThrow(DEAD);
    await a.refresh();
    expect(recDead.applied).toEqual([]);
    expect(recA.applied).toHaveLength(1);
    expect(recA.applied[0].length).toBeGreaterThan(0);
  });

  it('applies nothing while any cluster of an all-clusters provider is down', async () => {
    const [all] = providers(undefined);
    expect(all.getProviderName()).toBe('ome-provider:all-clusters');
    const rec = recordingConnection();
    await all.connect(rec.connection);
    await expect(all.refresh()).rejects.toThrow(DEAD);
    expect(rec.applied).toEqual([]);
  });
});
