/*
 * The OME template actions against the real local control plane, through the real kubernetes
 * backend and OME backend plugins (the harness of plugins/ome-backend), as the initiating user.
 */
import {
  AuthService,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  DiscoveryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  ActionContext,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import omePlugin from '@ome-console/plugin-ome-backend';
import {
  backendConfig,
  clusterA,
  kubeRequest,
} from '@ome-console/plugin-ome-backend/src/__testUtils__/controlPlane';
import { PassThrough } from 'node:stream';
import { createInferenceServiceAction } from './createInferenceService';
import { createModelAction } from './createModel';
import { OmeWriteClient } from './OmeWriteClient';

jest.setTimeout(300_000);

const RUN = Date.now().toString(36);
const NAMESPACE = `ome-scaffolder-${RUN}`;
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';

/** The OME permissions: alice may write, everybody (bob) may only read. */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => {
    const decide = (
      name: string,
      action: unknown,
      credentials: any,
    ): { result: AuthorizeResult.ALLOW | AuthorizeResult.DENY } =>
      name.startsWith('ome.') &&
      action !== 'read' &&
      credentials?.principal?.userEntityRef !== ALICE
        ? { result: AuthorizeResult.DENY }
        : { result: AuthorizeResult.ALLOW };
    return {
      async authorize(requests, options) {
        return requests.map(r =>
          decide(
            r.permission.name,
            r.permission.attributes.action,
            options?.credentials,
          ),
        );
      },
      async authorizeConditional(requests, options) {
        return requests.map(r =>
          decide(
            r.permission.name,
            r.permission.attributes.action,
            options?.credentials,
          ),
        ) as any;
      },
    };
  },
});

function context(
  input: Record<string, unknown>,
  user: string,
  options: { dryRun?: boolean } = {},
) {
  const output = new Map<string, unknown>();
  const ctx = {
    input,
    isDryRun: options.dryRun,
    logger: mockServices.logger.mock(),
    logStream: new PassThrough(),
    workspacePath: '/nonexistent',
    output: (key: string, value: unknown) => output.set(key, value),
    createTemporaryDirectory: async () => '/nonexistent',
    checkpoint: async ({ fn }: { fn: () => unknown }) => fn(),
    getInitiatorCredentials: async () => mockCredentials.user(user),
    task: { id: `task-${RUN}` },
  } as unknown as ActionContext<any, any, any>;
  return { ctx, output };
}

describe('OME template actions against the real control plane', () => {
  let services: { discovery: DiscoveryService; auth: AuthService };
  let stop: () => Promise<void>;
  let isvcAction: TemplateAction<any, any, any>;
  let modelAction: TemplateAction<any, any, any>;
  const isvcPath = (name: string) =>
    `/apis/ome.io/v1beta1/namespaces/${NAMESPACE}/inferenceservices/${name}`;

  beforeAll(async () => {
    const ns = await kubeRequest(clusterA, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NAMESPACE },
    });
    if (ns.status !== 201) throw new Error(`namespace: HTTP ${ns.status}`);
    const servicesPlugin = createBackendPlugin({
      pluginId: 'omescaffoldertest',
      register(env) {
        env.registerInit({
          deps: { discovery: coreServices.discovery, auth: coreServices.auth },
          async init(deps) {
            services = deps;
          },
        });
      },
    });
    const data = backendConfig();
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        omePlugin,
        servicesPlugin,
        permissionsFactory,
        mockServices.rootConfig.factory({
          data: { ...data, ome: { ...data.ome, requestTimeoutMs: 150_000 } },
        }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    stop = () => backend.stop();
    const client = new OmeWriteClient({
      ...services,
      consoleUrl: 'http://localhost:3000/ome',
    });
    isvcAction = createInferenceServiceAction(client) as any;
    modelAction = createModelAction(client) as any;
  });

  afterAll(async () => {
    await kubeRequest(clusterA, 'DELETE', `/api/v1/namespaces/${NAMESPACE}`);
    await stop?.();
  });

  it('declares its schemas and dry-run support', () => {
    expect(isvcAction.id).toBe('ome:inference-service:create');
    expect(isvcAction.supportsDryRun).toBe(true);
    expect(isvcAction.schema?.input).toMatchObject({
      required: expect.arrayContaining([
        'cluster',
        'namespace',
        'name',
        'model',
      ]),
    });
    expect(modelAction.id).toBe('ome:model:create');
    expect(modelAction.supportsDryRun).toBe(true);
  });

  it('creates a model and a service as a permitted user, with outputs', async () => {
    const model = context(
      {
        cluster: 'ome-dev-a',
        namespace: NAMESPACE,
        name: 'tpl-model',
        storageUri: 'hf://Qwen/Qwen2.5-0.5B-Instruct',
        vendor: 'qwen',
      },
      ALICE,
    );
    await modelAction.handler(model.ctx);
    expect(Object.fromEntries(model.output)).toEqual({
      name: 'tpl-model',
      kind: 'BaseModel',
      cluster: 'ome-dev-a',
      url: `http://localhost:3000/ome/basemodels/ome-dev-a/${NAMESPACE}/tpl-model`,
    });

    const isvc = context(
      {
        cluster: 'ome-dev-a',
        namespace: NAMESPACE,
        name: 'tpl-chat',
        model: 'tpl-model',
        modelKind: 'BaseModel',
        minReplicas: 1,
        maxReplicas: 2,
        labels: { 'ome.io/team': 'team-a' },
      },
      ALICE,
    );
    await isvcAction.handler(isvc.ctx);
    expect(Object.fromEntries(isvc.output)).toEqual({
      name: 'tpl-chat',
      cluster: 'ome-dev-a',
      namespace: NAMESPACE,
      url: `http://localhost:3000/ome/inferenceservices/ome-dev-a/${NAMESPACE}/tpl-chat`,
    });
    const stored = await kubeRequest(clusterA, 'GET', isvcPath('tpl-chat'));
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      metadata: { labels: { 'ome.io/team': 'team-a' } },
      spec: {
        model: { name: 'tpl-model', kind: 'BaseModel' },
        engine: { minReplicas: 1, maxReplicas: 2 },
      },
    });
  });

  it('writes nothing on a dry run', async () => {
    const { ctx, output } = context(
      {
        cluster: 'ome-dev-a',
        namespace: NAMESPACE,
        name: 'tpl-dry',
        model: 'tpl-model',
      },
      ALICE,
      { dryRun: true },
    );
    await isvcAction.handler(ctx);
    expect(output.get('name')).toBe('tpl-dry');
    expect(
      (await kubeRequest(clusterA, 'GET', isvcPath('tpl-dry'))).status,
    ).toBe(404);
  });

  it('refuses a user without create permission, writing nothing', async () => {
    const { ctx, output } = context(
      {
        cluster: 'ome-dev-a',
        namespace: NAMESPACE,
        name: 'tpl-bob',
        model: 'tpl-model',
      },
      BOB,
    );
    await expect(isvcAction.handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('HTTP 403'),
    });
    expect(output.size).toBe(0);
    expect(
      (await kubeRequest(clusterA, 'GET', isvcPath('tpl-bob'))).status,
    ).toBe(404);
  });

  it('rejects input that breaks the API rules, naming the field', async () => {
    const { ctx } = context(
      {
        cluster: 'ome-dev-a',
        namespace: NAMESPACE,
        name: `Bad_${'x'.repeat(60)}`,
        model: 'tpl-model',
      },
      ALICE,
    );
    await expect(isvcAction.handler(ctx)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'metadata.name must be a DNS-1035 label',
      ),
    });
  });
});
