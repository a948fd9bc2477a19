/*
 * HuggingFace import against the real control plane (kube-apiserver with OME's CRDs,
 * through the real kubernetes backend plugin) and the STAND-IN MODEL HUB (a loopback server
 * answering like the hub's API, started by this suite): search, inspect, import with and
 * without a token, all-or-nothing on a failure half-way, the Secret's clean-up, and a hub
 * that answers slowly, too much or garbage.
 */
import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import request from 'supertest';
import omePlugin from './index';
import {
  backendConfig,
  clusterA,
  clusterB,
  kubeRequest,
} from './__testUtils__/controlPlane';
import {
  STANDIN_HUB_TOKEN,
  StandinModelHub,
  startStandinModelHub,
} from './__testUtils__/standinModelHub';

jest.setTimeout(120_000);

const RUN = Date.now().toString(36);
const USER = mockCredentials.user.header('user:default/hf-tester');
const LABEL = 'ome-console/hub-token';

let hub: StandinModelHub;
let backend: Awaited<ReturnType<typeof startTestBackend>>;
const cleanup: Array<{ cluster: typeof clusterA; path: string }> = [];

beforeAll(async () => {
  hub = await startStandinModelHub();
  const base = backendConfig();
  backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      omePlugin,
      mockServices.rootConfig.factory({
        data: {
          ...base,
          ome: {
            ...base.ome,
            huggingFace: {
              baseUrl: hub.url,
              timeoutMs: 1500,
              maxResponseBytes: 1024 * 1024,
            },
            // Only cluster A has a Secret writer.
            clusters: [
              {
                name: 'ome-dev-a',
                secretWriter: { token: clusterA.tokens['ome-secret-writer'] },
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
});

afterAll(async () => {
  for (const { cluster, path } of cleanup.reverse()) {
    await kubeRequest(cluster, 'DELETE', path).catch(() => undefined);
  }
  await backend?.stop();
  await hub?.stop();
});

const api = () => request(backend.server);
const post = (path: string, body: object) =>
  api().post(`/api/ome${path}`).set('Authorization', USER).send(body);

/** The console's hub-token Secrets in `namespace` made for `kind/name`. */
async function ownSecrets(
  cluster: typeof clusterA,
  namespace: string,
  forModel: string,
) {
  const res = await kubeRequest(
    cluster,
    'GET',
    `/api/v1/namespaces/${namespace}/secrets?labelSelector=${encodeURIComponent(
      `${LABEL}=true`,
    )}`,
  );
  expect(res.status).toBe(200);
  return (res.body.items as any[]).filter(
    s => s.metadata.annotations?.['ome-console/created-for'] === forModel,
  );
}

const modelPath = (kind: 'ClusterBaseModel' | 'BaseModel', name: string, ns?: string) =>
  kind === 'ClusterBaseModel'
    ? `/apis/ome.io/v1beta1/clusterbasemodels/${name}`
    : `/apis/ome.io/v1beta1/namespaces/${ns}/basemodels/${name}`;

describe('HuggingFace hub reads', () => {
  it('searches the hub and needs a Backstage identity', async () => {
    const res = await api()
      .get('/api/ome/huggingface/models?search=qwen')
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((m: any) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['Qwen/Qwen2.5-0.5B-Instruct', 'Qwen/Qwen2.5-7B-Instruct-AWQ']),
    );
    expect(
      (await api().get('/api/ome/huggingface/models?search=qwen')).status,
    ).toBe(401);
    expect(
      (
        await api()
          .get('/api/ome/huggingface/models?search=qwen&limit=0')
          .set('Authorization', USER)
      ).status,
    ).toBe(400);
  });

  it('inspects a quantized model: format, architecture, size, context, quantization, licence', async () => {
    const res = await post('/huggingface/inspect', {
      modelId: 'Qwen/Qwen2.5-7B-Instruct-AWQ',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      config: 'read',
      storageUri: 'hf://Qwen/Qwen2.5-7B-Instruct-AWQ',
      suggestedName: 'qwen2-5-7b-instruct-awq',
      detection: {
        modelFormat: { name: 'safetensors' },
        modelArchitecture: 'Qwen2ForCausalLM',
        modelParameterSize: '7B',
        maxTokens: 32768,
        quantization: 'awq-int4',
        license: 'apache-2.0',
      },
    });
  });

  it('says a gated model needs a token, and reads it with one', async () => {
    const without = await post('/huggingface/inspect', {
      modelId: 'meta-llama/Llama-3.1-8B-Instruct',
    });
    expect(without.status).toBe(200);
    expect(without.body.model.gated).toBe('manual');
    expect(without.body.config).toBe('refused');
    expect(without.body.detection.modelArchitecture).toBeUndefined();
    expect(without.body.detection.notes[0]).toContain('is gated');
    const withToken = await post('/huggingface/inspect', {
      modelId: 'meta-llama/Llama-3.1-8B-Instruct',
      token: STANDIN_HUB_TOKEN,
    });
    expect(withToken.body).toMatchObject({
      config: 'read',
      detection: { modelArchitecture: 'LlamaForCausalLM', modelParameterSize: '8B', maxTokens: 131072 },
    });
    expect(withToken.text).not.toContain(STANDIN_HUB_TOKEN);
  });

  it('refuses bad ids with 400 naming the field, unknown models with 404', async () => {
    const bad = await post('/huggingface/inspect', { modelId: '../../etc/passwd' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('modelId');
    const unknown = await post('/huggingface/inspect', { modelId: 'nobody/nothing' });
    expect(unknown.status).toBe(404);
    const extra = await post('/huggingface/inspect', { modelId: 'gpt2', url: 'http://elsewhere' });
    expect(extra.status).toBe(400);
  });

  it.each([
    ['standin-tests/slow-model', 'did not answer within 1500 ms'],
    ['standin-tests/huge-model', 'answered more than 1048576 bytes'],
    ['standin-tests/garbage-model', 'something other than JSON'],
  ])('a hub that misbehaves (%s) is a clear 503 and nothing is written', async (modelId, message) => {
    const inspect = await post('/huggingface/inspect', { modelId });
    expect(inspect.status).toBe(503);
    expect(inspect.body.error.message).toContain(message);
    const name = `hf-bad-${RUN}-${modelId.length}`;
    const imp = await post('/huggingface/import', {
      cluster: 'ome-dev-a',
      kind: 'ClusterBaseModel',
      name,
      modelId,
      token: STANDIN_HUB_TOKEN,
    });
    expect(imp.status).toBe(503);
    expect((await kubeRequest(clusterA, 'GET', modelPath('ClusterBaseModel', name))).status).toBe(404);
    expect(await ownSecrets(clusterA, 'ome', `ClusterBaseModel/${name}`)).toEqual([]);
  });
});

describe('HuggingFace import', () => {
  it('creates a BaseModel with hf:// storage and the detected fields; a dry run writes nothing', async () => {
    const name = `hf-qwen-${RUN}`;
    const body = {
      cluster: 'ome-dev-a',
      kind: 'BaseModel',
      namespace: 'team-a',
      name,
      modelId: 'Qwen/Qwen2.5-0.5B-Instruct',
      revision: 'v1.1',
    };
    const dry = await api()
      .post('/api/ome/huggingface/import?dryRun=true')
      .set('Authorization', USER)
      .send(body);
    expect({ status: dry.status, body: dry.body }).toMatchObject({ status: 201 });
    expect(dry.body.model.dryRun).toBe(true);
    expect((await kubeRequest(clusterA, 'GET', modelPath('BaseModel', name, 'team-a'))).status).toBe(404);

    cleanup.push({ cluster: clusterA, path: modelPath('BaseModel', name, 'team-a') });
    const res = await post('/huggingface/import', body);
    expect(res.status).toBe(201);
    expect(res.body.secret).toBeUndefined();
    const stored = await kubeRequest(clusterA, 'GET', modelPath('BaseModel', name, 'team-a'));
    expect(stored.body.spec).toMatchObject({
      vendor: 'Qwen',
      modelFormat: { name: 'safetensors', version: '1.0.0' },
      modelFramework: { name: 'transformers', version: '4.43.1' },
      modelArchitecture: 'Qwen2ForCausalLM',
      modelParameterSize: '0.5B',
      maxTokens: 32768,
      storage: { storageUri: 'hf://Qwen/Qwen2.5-0.5B-Instruct@v1.1' },
    });
    expect(stored.body.spec.storage.key).toBeUndefined();
  });

  it('refuses a gated model without a token (400 naming token), writing nothing', async () => {
    const name = `hf-gated-nt-${RUN}`;
    const res = await post('/huggingface/import', {
      cluster: 'ome-dev-a',
      kind: 'ClusterBaseModel',
      name,
      modelId: 'meta-llama/Llama-3.1-8B-Instruct',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^token: .*gated/);
    expect((await kubeRequest(clusterA, 'GET', modelPath('ClusterBaseModel', name))).status).toBe(404);
  });

  it('refuses a wrong token before writing anything', async () => {
    const name = `hf-gated-wt-${RUN}`;
    const res = await post('/huggingface/import', {
      cluster: 'ome-dev-a',
      kind: 'ClusterBaseModel',
      name,
      modelId: 'meta-llama/Llama-3.1-8B-Instruct',
      token: 'hf_not_the_right_one',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('refused the token');
    expect(res.text).not.toContain('hf_not_the_right_one');
    expect(await ownSecrets(clusterA, 'ome', `ClusterBaseModel/${name}`)).toEqual([]);
  });

  it('stores a gated model token in a marked Secret in namespace ome, named by spec.storage.key; deleting the model deletes it once unused', async () => {
    const name = `hf-llama-${RUN}`;
    cleanup.push({ cluster: clusterA, path: modelPath('ClusterBaseModel', name) });
    const res = await post('/huggingface/import', {
      cluster: 'ome-dev-a',
      kind: 'ClusterBaseModel',
      name,
      modelId: 'meta-llama/Llama-3.1-8B-Instruct',
      token: STANDIN_HUB_TOKEN,
    });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    expect(res.text).not.toContain(STANDIN_HUB_TOKEN);
    expect(res.body.secret.namespace).toBe('ome');
    const secretName = res.body.secret.name;
    cleanup.push({ cluster: clusterA, path: `/api/v1/namespaces/ome/secrets/${secretName}` });
    const [secret] = await ownSecrets(clusterA, 'ome', `ClusterBaseModel/${name}`);
    expect(secret.metadata.name).toBe(secretName);
    expect(Buffer.from(secret.data.token, 'base64').toString()).toBe(STANDIN_HUB_TOKEN);
    const stored = await kubeRequest(clusterA, 'GET', modelPath('ClusterBaseModel', name));
    expect(stored.body.spec.storage).toEqual({
      storageUri: 'hf://meta-llama/Llama-3.1-8B-Instruct',
      key: secretName,
    });
    expect(stored.body.spec.modelArchitecture).toBe('LlamaForCausalLM');

    // A second model naming the same Secret keeps it alive when the first goes.
    const other = `hf-llama-other-${RUN}`;
    const planted = await kubeRequest(clusterA, 'POST', '/apis/ome.io/v1beta1/clusterbasemodels', {
      apiVersion: 'ome.io/v1beta1',
      kind: 'ClusterBaseModel',
      metadata: { name: other },
      spec: { storage: { storageUri: 'hf://meta-llama/Llama-3.1-8B', key: secretName } },
    });
    expect(planted.status).toBe(201);
    cleanup.push({ cluster: clusterA, path: modelPath('ClusterBaseModel', other) });
    const del1 = await api()
      .delete(`/api/ome/clusters/ome-dev-a/clusterbasemodels/${name}`)
      .set('Authorization', USER);
    expect(del1.status).toBe(200);
    expect(await ownSecrets(clusterA, 'ome', `ClusterBaseModel/${name}`)).toHaveLength(1);
    const del2 = await api()
      .delete(`/api/ome/clusters/ome-dev-a/clusterbasemodels/${other}`)
      .set('Authorization', USER);
    expect(del2.status).toBe(200);
    expect(await ownSecrets(clusterA, 'ome', `ClusterBaseModel/${name}`)).toEqual([]);
  });

  it('never deletes a Secret the console did not create', async () => {
    const secretName = `not-ours-${RUN}`;
    cleanup.push({ cluster: clusterA, path: `/api/v1/namespaces/team-a/secrets/${secretName}` });
    expect(
      (
        await kubeRequest(clusterA, 'POST', '/api/v1/namespaces/team-a/secrets', {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: secretName },
          stringData: { token: 'someone-elses' },
        })
      ).status,
    ).toBe(201);
    const name = `hf-foreign-${RUN}`;
    expect(
      (
        await kubeRequest(clusterA, 'POST', '/apis/ome.io/v1beta1/namespaces/team-a/basemodels', {
          apiVersion: 'ome.io/v1beta1',
          kind: 'BaseModel',
          metadata: { name },
          spec: { storage: { storageUri: 'hf://x/y', key: secretName } },
        })
      ).status,
    ).toBe(201);
    cleanup.push({ cluster: clusterA, path: modelPath('BaseModel', name, 'team-a') });
    const del = await api()
      .delete(`/api/ome/clusters/ome-dev-a/namespaces/team-a/basemodels/${name}`)
      .set('Authorization', USER);
    expect(del.status).toBe(200);
    expect(
      (await kubeRequest(clusterA, 'GET', `/api/v1/namespaces/team-a/secrets/${secretName}`)).status,
    ).toBe(200);
  });

  it('a failure half-way (the model exists already) leaves no Secret behind and the model untouched', async () => {
    const name = `hf-taken-${RUN}`;
    const existing = await kubeRequest(clusterA, 'POST', '/apis/ome.io/v1beta1/namespaces/team-a/basemodels', {
      apiVersion: 'ome.io/v1beta1',
      kind: 'BaseModel',
      metadata: { name },
      spec: { storage: { storageUri: 'hf://someone/else' } },
    });
    expect(existing.status).toBe(201);
    cleanup.push({ cluster: clusterA, path: modelPath('BaseModel', name, 'team-a') });
    const res = await post('/huggingface/import', {
      cluster: 'ome-dev-a',
      kind: 'BaseModel',
      namespace: 'team-a',
      name,
      modelId: 'meta-llama/Llama-3.1-8B-Instruct',
      token: STANDIN_HUB_TOKEN,
    });
    expect(res.status).toBe(409);
    expect(res.text).not.toContain(STANDIN_HUB_TOKEN);
    expect(await ownSecrets(clusterA, 'team-a', `BaseModel/${name}`)).toEqual([]);
    const stored = await kubeRequest(clusterA, 'GET', modelPath('BaseModel', name, 'team-a'));
    expect(stored.body.spec.storage).toEqual({ storageUri: 'hf://someone/else' });
  });

  it('refuses a token on a cluster without a Secret writer, writing nothing', async () => {
    const name = `hf-nowriter-${RUN}`;
    const res = await post('/huggingface/import', {
      cluster: 'ome-dev-b',
      kind: 'ClusterBaseModel',
      name,
      modelId: 'meta-llama/Llama-3.1-8B-Instruct',
      token: STANDIN_HUB_TOKEN,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('secretWriter');
    expect((await kubeRequest(clusterB, 'GET', modelPath('ClusterBaseModel', name))).status).toBe(404);
  });

  it('checks kind and namespace (400 naming the field)', async () => {
    const res = await post('/huggingface/import', {
      cluster: 'ome-dev-a',
      kind: 'BaseModel',
      name: `hf-nons-${RUN}`,
      modelId: 'Qwen/Qwen2.5-0.5B-Instruct',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('namespace');
    const kind = await post('/huggingface/import', {
      cluster: 'ome-dev-a',
      kind: 'InferenceService',
      name: `hf-kind-${RUN}`,
      modelId: 'Qwen/Qwen2.5-0.5B-Instruct',
    });
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toContain('kind');
  });
});

describe('HuggingFace import without ome.secret.create', () => {
  let denying: Awaited<ReturnType<typeof startTestBackend>>;
  beforeAll(async () => {
    const base = backendConfig();
    // Everything allowed but storing a token: the Secret's own permission decides alone.
    const permissions = {
      async authorize(requests: Array<{ permission: { name: string } }>) {
        return requests.map(r => ({
          result:
            r.permission.name === 'ome.secret.create'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }));
      },
      async authorizeConditional(requests: unknown[]) {
        return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
      },
    } as unknown as PermissionsService;
    denying = await startTestBackend({
      features: [
        kubernetesPlugin,
        omePlugin,
        mockServices.rootConfig.factory({
          data: {
            ...base,
            ome: {
              ...base.ome,
              huggingFace: { baseUrl: hub.url },
              clusters: [
                {
                  name: 'ome-dev-a',
                  secretWriter: { token: clusterA.tokens['ome-secret-writer'] },
                },
              ],
            },
          },
        }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => permissions,
        }),
      ],
    });
  });
  afterAll(() => denying?.stop());

  it('refuses a token (403) but imports an open model, and writes nothing for the refusal', async () => {
    const name = `hf-nosecret-${RUN}`;
    const refused = await request(denying.server)
      .post('/api/ome/huggingface/import')
      .set('Authorization', USER)
      .send({
        cluster: 'ome-dev-a',
        kind: 'ClusterBaseModel',
        name,
        modelId: 'meta-llama/Llama-3.1-8B-Instruct',
        token: STANDIN_HUB_TOKEN,
      });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('ome.secret.create');
    expect((await kubeRequest(clusterA, 'GET', modelPath('ClusterBaseModel', name))).status).toBe(404);
    expect(await ownSecrets(clusterA, 'ome', `ClusterBaseModel/${name}`)).toEqual([]);
    const open = await request(denying.server)
      .post('/api/ome/huggingface/import?dryRun=true')
      .set('Authorization', USER)
      .send({
        cluster: 'ome-dev-a',
        kind: 'ClusterBaseModel',
        name,
        modelId: 'microsoft/phi-2',
      });
    expect({ status: open.status, body: open.body }).toMatchObject({ status: 201 });
  });
});
