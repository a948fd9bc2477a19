/*
 * Permissions end to end, with `permission.enabled: true`: the REAL permission backend plugin
 * with OME's example policy (plus two test-only users, see TestPolicy), the REAL kubernetes
 * backend plugin and the OME backend, against the real local control plane. Also covers
 * impersonation against the real apiserver's RBAC, the auditor, and a scan of every response
 * body, log line and audit record for secret values.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  AuditorService,
  HttpAuthService,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import permissionPlugin from '@backstage/plugin-permission-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  KubernetesObject,
  OME_KINDS,
  OME_RESOURCE_TYPE,
  OmeKind,
  OmeListResponse,
  omeKindInfo,
} from '@ome-console/plugin-ome-common';
import request from 'supertest';
import omePlugin, {
  OmeExamplePolicy,
  createOmeConditionalDecision,
  omeConditions,
} from './index';
import { OmeOperation, omeOperations } from './schema/operations';
import {
  StandinModelHub,
  startStandinModelHub,
} from './__testUtils__/standinModelHub';
import {
  backendConfig,
  clusterA,
  clusterB,
  kubeRequest,
} from './__testUtils__/controlPlane';

jest.setTimeout(300_000);

const RUN = `p${Date.now().toString(36).slice(-6)}`;
/** The secret the suite plants in a model and a Secret; it must never come out. */
const SECRET = `hf_secret_${RUN}_${Math.random().toString(36).slice(2)}`;
const SECRET_B64 = Buffer.from(SECRET).toString('base64');

const ADMIN = 'user:default/olga';
const WRITER = 'user:default/alice';
const READER = 'user:default/rita';
/** Test-only: reads only namespaces labelled team-a (conditional read). */
const NS_READER = 'user:default/carol';
/** Test-only: writes only objects labelled ome.io/team=team-a (HAS_LABEL). */
const LABEL_WRITER = 'user:default/dave';

const GROUPS: Record<string, string[]> = {
  [ADMIN]: ['group:default/ome-admins'],
  [WRITER]: ['group:default/team-a'],
  [READER]: [],
  [NS_READER]: [],
  [LABEL_WRITER]: [],
};

// ---------------------------------------------------------------- collectors (secret scan)
const responses: string[] = [];
const logLines: string[] = [];
const auditRecords: Array<Record<string, unknown>> = [];

function recordingLogger(meta: Record<string, unknown> = {}): LoggerService {
  const log = (level: string) => (message: string, extra?: unknown) => {
    let text: string;
    try {
      text = JSON.stringify({ level, message, meta, extra }, (_k, v) =>
        v instanceof Error
          ? { name: v.name, message: v.message, stack: v.stack }
          : v,
      );
    } catch {
      text = `${level} ${message} ${String(extra)}`;
    }
    logLines.push(text);
  };
  return {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: (m: Record<string, unknown>) => recordingLogger({ ...meta, ...m }),
  };
}

const loggerFactory = createServiceFactory({
  service: coreServices.logger,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => recordingLogger({ plugin: plugin.getId() }),
});

const auditorFactory = createServiceFactory({
  service: coreServices.auditor,
  deps: {
    plugin: coreServices.pluginMetadata,
    httpAuth: coreServices.httpAuth,
  },
  factory: ({ plugin, httpAuth }): AuditorService => ({
    async createEvent(options) {
      let actor: string | undefined;
      if (options.request) {
        const creds = await httpAuth
          .credentials(options.request as any)
          .catch(() => undefined);
        const principal = creds?.principal as
          | { type: string; userEntityRef?: string }
          | undefined;
        actor =
          principal?.type === 'user'
            ? principal.userEntityRef
            : principal?.type;
      }
      const base = {
        plugin: plugin.getId(),
        eventId: options.eventId,
        severityLevel: options.severityLevel,
        actor,
        meta: options.meta,
        url: options.request?.originalUrl,
      };
      return {
        async success(o) {
          auditRecords.push({ ...base, status: 'succeeded', outcome: o?.meta });
        },
        async fail(o) {
          auditRecords.push({
            ...base,
            status: 'failed',
            outcome: o.meta,
            error: { name: o.error.name, message: o.error.message },
          });
        },
      };
    },
  }),
});

function userInfoFactory(groups: Record<string, string[]>) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: (): UserInfoService => ({
      async getUserInfo(credentials) {
        const ref = (credentials.principal as { userEntityRef?: string })
          .userEntityRef;
        if (!ref) throw new Error('not a user');
        return {
          userEntityRef: ref,
          ownershipEntityRefs: [ref, ...(groups[ref] ?? [])],
        };
      },
    }),
  });
}

/** OME's example policy, plus the two test-only users. */
class TestPolicy implements PermissionPolicy {
  constructor(private readonly example: OmeExamplePolicy) {}
  async handle(req: PolicyQuery, user?: PolicyQueryUser) {
    const ref = (user?.credentials.principal as { userEntityRef?: string })
      ?.userEntityRef;
    const p = req.permission;
    if (isResourcePermission(p, OME_RESOURCE_TYPE)) {
      // Test-only: the plain reader may not see pods, events, logs or model progress.
      if (p.name === 'ome.resource.operational.read' && ref === READER) {
        return { result: AuthorizeResult.DENY };
      }
      if (ref === NS_READER) {
        return p.attributes.action === 'read'
          ? createOmeConditionalDecision(
              p,
              omeConditions.namespaceHasLabel({
                key: 'ome.io/team',
                values: ['team-a'],
              }),
            )
          : { result: AuthorizeResult.DENY };
      }
      if (ref === LABEL_WRITER && p.attributes.action !== 'read') {
        return createOmeConditionalDecision(
          p,
          omeConditions.hasLabel({ key: 'ome.io/team', values: ['team-a'] }),
        );
      }
    }
    return this.example.handle(req, user);
  }
}

const policyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'ome-test-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy(new TestPolicy(new OmeExamplePolicy({ userInfo })));
      },
    });
  },
});

/**
 * Mock httpAuth that, like the real one, gives a user principal reached through a plugin's
 * on-behalf-of token an `actor` (the permission backend refuses resource permissions
 * without a resourceRef from users who call it directly).
 */
const OBO_PREFIX = 'mock-service-token:';
const httpAuthFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }): HttpAuthService => {
    const inner = mockServices.httpAuth({
      pluginId: plugin.getId(),
      defaultCredentials: mockCredentials.none(),
    });
    return {
      issueUserCookie: (res, options) => inner.issueUserCookie(res, options),
      async credentials(req: any, options?: any) {
        const creds = await inner.credentials(req, options);
        const principal = creds.principal as {
          type: string;
          userEntityRef?: string;
        };
        const token = /^Bearer\s+(\S+)$/i.exec(
          req.headers.authorization ?? '',
        )?.[1];
        if (principal.type === 'user' && token?.startsWith(OBO_PREFIX)) {
          return mockCredentials.user(principal.userEntityRef!, {
            actor: { subject: 'plugin:obo' },
          }) as any;
        }
        return creds as any;
      },
    } as HttpAuthService;
  },
});

async function startBackend(
  extraOmeConfig: Record<string, unknown> = {},
  groups = GROUPS,
) {
  const base = backendConfig();
  return startTestBackend({
    features: [
      kubernetesPlugin,
      omePlugin,
      permissionPlugin,
      policyModule,
      mockServices.rootConfig.factory({
        data: {
          ...base,
          permission: { enabled: true },
          ome: { ...base.ome, ...extraOmeConfig },
        },
      }),
      httpAuthFactory,
      userInfoFactory(groups),
      loggerFactory,
      auditorFactory,
    ],
  });
}

type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];

/** A request as `user` (undefined: unauthenticated); records the response body for the scan. */
async function call(
  server: Server,
  user: string | undefined,
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  let req = request(server)[method](path);
  if (user) req = req.set('Authorization', mockCredentials.user.header(user));
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  const res = body === undefined ? await req : await req.send(body as object);
  responses.push(res.text ?? '');
  return res;
}

/**
 * A request to a route that answers with a stream that stays open (`GET /events`): the
 * status and, for an error, its body; a stream is closed once its first event arrived.
 */
async function callStream(
  server: Server,
  user: string | undefined,
  path: string,
) {
  const { port } = server.address() as import('node:net').AddressInfo;
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    headers: user ? { Authorization: mockCredentials.user.header(user) } : {},
    signal: controller.signal,
  });
  let text = '';
  if (res.status === 200) {
    const reader = res.body!.getReader();
    const first = await reader.read();
    text = new TextDecoder().decode(first.value);
    controller.abort();
  } else {
    text = await res.text();
  }
  responses.push(text);
  return { status: res.status, text, body: undefined as any };
}

// ---------------------------------------------------------------- fixtures in the clusters
const plural = (kind: OmeKind) => omeKindInfo(kind).plural;
function kubePath(kind: OmeKind, namespace?: string, name?: string) {
  const ns = namespace ? `/namespaces/${namespace}` : '';
  return `/apis/ome.io/v1beta1${ns}/${plural(kind)}${name ? `/${name}` : ''}`;
}
/** An object as a new one (no server fields, no status) under another name. */
function fresh(
  o: KubernetesObject,
  name: string,
  namespace?: string,
): KubernetesObject {
  const { status: _s, ...rest } = o as KubernetesObject & { status?: unknown };
  return {
    ...rest,
    metadata: {
      name,
      ...(namespace && { namespace }),
      ...(o.metadata.labels && { labels: o.metadata.labels }),
    },
  };
}
const created: Array<{ cluster: typeof clusterA; path: string }> = [];
async function plant(
  cluster: typeof clusterA,
  kind: OmeKind | 'Secret',
  object: any,
) {
  const path =
    kind === 'Secret'
      ? `/api/v1/namespaces/${object.metadata.namespace}/secrets`
      : kubePath(kind, object.metadata.namespace);
  const res = await kubeRequest(cluster, 'POST', path, object);
  if (res.status !== 201)
    throw new Error(
      `planting ${kind}: ${res.status} ${JSON.stringify(res.body)}`,
    );
  created.push({ cluster, path: `${path}/${object.metadata.name}` });
  return res.body;
}

/** Per kind: an object on ome-dev-a the matrix acts on (namespaced kinds: in team-a). */
const fixtures = new Map<OmeKind, KubernetesObject>();

beforeAll(async () => {
  for (const { kind, namespaced } of OME_KINDS) {
    const list = await kubeRequest(
      clusterA,
      'GET',
      `${kubePath(kind)}?limit=50`,
    );
    const items = (list.body?.items ?? []) as KubernetesObject[];
    const noToken = (o: any) => !o.spec?.storage?.parameters?.token;
    // Namespaced kinds: in team-a where the seed has one (else elsewhere: then only admins write).
    const pick =
      (namespaced &&
        items.find(o => o.metadata.namespace === 'team-a' && noToken(o))) ||
      items.find(noToken);
    if (!pick) throw new Error(`no ${kind} on ome-dev-a`);
    // A copy of its own: the catalog round-trip suite edits catalog objects at the same time,
    // which would make the matrix's resourceVersions stale.
    const copy = await plant(
      clusterA,
      kind,
      fresh(
        { ...pick, apiVersion: 'ome.io/v1beta1', kind },
        `mx-fixture-${RUN}`,
        pick.metadata.namespace,
      ),
    );
    fixtures.set(kind, { ...copy, apiVersion: 'ome.io/v1beta1', kind });
  }
  // The secrets: a model with a plaintext HF token and a Secret, in team-a on ome-dev-a.
  const model = fixtures.get('BaseModel')!;
  const withToken = fresh(model, `secret-model-${RUN}`, 'team-a') as any;
  withToken.spec = {
    ...withToken.spec,
    storage: {
      ...withToken.spec?.storage,
      parameters: { ...withToken.spec?.storage?.parameters, token: SECRET },
    },
  };
  await plant(clusterA, 'BaseModel', withToken);
  await plant(clusterA, 'Secret', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `hf-${RUN}`, namespace: 'team-a' },
    data: { token: SECRET_B64 },
  });
});

afterAll(async () => {
  for (const { cluster, path } of created.reverse()) {
    await kubeRequest(cluster, 'DELETE', path).catch(() => undefined);
  }
});

// ---------------------------------------------------------------- the matrix
type Role = 'unauthenticated' | 'reader' | 'writer' | 'admin';
const ROLE_USER: Record<Role, string | undefined> = {
  unauthenticated: undefined,
  reader: READER,
  writer: WRITER,
  admin: ADMIN,
};

/** What the example policy allows `role` for `action` on an object in `namespace`. */
function allowed(
  role: Role,
  action: 'read' | 'write' | 'operational',
  namespace?: string,
): boolean {
  if (role === 'unauthenticated') return false;
  if (action === 'operational') return role !== 'reader';
  if (role === 'admin' || action === 'read') return true;
  return role === 'writer' && namespace === 'team-a';
}

/** The kind whose fixture the runtime-selection operations ask about. */
const SELECTION_SUBJECT: Record<string, OmeKind> = {
  getClusterBaseModelRuntimes: 'ClusterBaseModel',
  getBaseModelRuntimes: 'BaseModel',
  getClusterServingRuntimeModels: 'ClusterServingRuntime',
  getServingRuntimeModels: 'ServingRuntime',
};

/** What an operation does, whatever the scope of its kind. */
function verbOf(operationId: string): string {
  return operationId.replace(/(ClusterScoped|Namespaced)Resource$/, '');
}

/** A path template filled with cluster ome-dev-a and the object's namespace and name. */
function fillObject(template: string, o: KubernetesObject): string {
  return template
    .replace('{cluster}', 'ome-dev-a')
    .replace('{namespace}', o.metadata.namespace ?? '')
    .replace('{name}', o.metadata.name);
}

function instance(route: OmeOperation, n: number) {
  const fill = (o: KubernetesObject) =>
    route.path
      .replace('{cluster}', 'ome-dev-a')
      .replace('{namespace}', o.metadata.namespace ?? '')
      .replace('{name}', o.metadata.name);
  const kind = route.kind;
  const o = kind ? fixtures.get(kind)! : undefined;
  const ns = o?.metadata.namespace;
  const newName = `mx-${RUN}-${n}`;
  switch (verbOf(route.operationId)) {
    case 'getHealth':
    case 'getOpenApiDocument':
    case 'listClusters':
      return { path: route.path, ok: 200 };
    case 'listNamespaces':
    case 'getCounts':
    case 'getAttention':
      return { path: `${route.path}?cluster=ome-dev-a`, ok: 200 };
    case 'getKindSchema':
      return { path: fill(o!), ok: 200 };
    case 'getCreateDecision':
      return {
        path: `${route.path}?kind=InferenceService&cluster=ome-dev-a&namespace=team-a`,
        ok: 200,
      };
    case 'listResources':
      return { path: `${route.path}?cluster=ome-dev-a&limit=1`, ok: 200 };
    case 'streamChanges':
      return { path: `${route.path}?cluster=ome-dev-a`, ok: 200, stream: true };
    case 'get':
      return { path: fill(o!), ok: 200, action: 'read' as const, ns };
    case 'create':
      return {
        path: `${fill(o!)}?dryRun=true`,
        body: fresh(o!, newName, ns),
        ok: 201,
        action: 'write' as const,
        ns,
      };
    case 'update': {
      const edited = {
        ...o!,
        metadata: {
          ...o!.metadata,
          labels: { ...o!.metadata.labels, 'ome-console/matrix': RUN },
        },
      };
      return {
        path: `${fill(o!)}?dryRun=true`,
        body: edited,
        ok: 200,
        action: 'write' as const,
        ns,
      };
    }
    case 'delete':
      return {
        path: `${fill(o!)}?dryRun=true`,
        ok: 200,
        action: 'write' as const,
        ns,
      };
    case 'clone':
      return {
        path: `${fill(o!)}?dryRun=true`,
        body: { name: newName },
        ok: 201,
        action: 'write' as const,
        ns,
      };
    case 'importYaml': {
      const isvc = fresh(fixtures.get('InferenceService')!, newName, 'team-a');
      return {
        path: `${route.path}?dryRun=true`,
        body: { cluster: 'ome-dev-a', yaml: JSON.stringify(isvc) },
        ok: 200,
        action: 'write' as const,
        ns: 'team-a',
      };
    }
    // Runtime selection (issue 10): reads about one model or runtime.
    case 'getClusterBaseModelRuntimes':
    case 'getBaseModelRuntimes':
    case 'getClusterServingRuntimeModels':
    case 'getServingRuntimeModels': {
      const subject = fixtures.get(SELECTION_SUBJECT[route.operationId])!;
      return {
        path: fill(subject),
        ok: 200,
        action: 'read' as const,
        ns: subject.metadata.namespace,
      };
    }

    // HuggingFace import (the stand-in model hub answers): reading the hub is decided by
    // read, the import by create on the model about to be created.
    case 'searchHuggingFaceModels':
      return { path: `${route.path}?search=qwen`, ok: 200 };
    case 'inspectHuggingFaceModel':
      return {
        path: route.path,
        body: { modelId: 'Qwen/Qwen2.5-0.5B-Instruct' },
        ok: 200,
      };
    case 'importHuggingFaceModel':
      return {
        path: `${route.path}?dryRun=true`,
        body: {
          cluster: 'ome-dev-a',
          kind: 'BaseModel',
          namespace: 'team-a',
          name: newName,
          modelId: 'Qwen/Qwen2.5-0.5B-Instruct',
        },
        ok: 201,
        action: 'write' as const,
        ns: 'team-a',
      };
    // operate views: ome.resource.operational.read on the service or model
    case 'listInferenceServicePods':
    case 'listInferenceServiceEvents': {
      const isvc = fixtures.get('InferenceService')!;
      return {
        path: fillObject(route.path, isvc),
        ok: 200,
        action: 'operational' as const,
        ns: isvc.metadata.namespace,
      };
    }
    case 'getInferenceServicePodLog': {
      // decided before the pod is looked up: a pod that is not the service's is a 404
      const isvc = fixtures.get('InferenceService')!;
      return {
        path: fillObject(route.path, isvc).replace('{pod}', `no-such-pod-${RUN}`),
        ok: 404,
        action: 'operational' as const,
        ns: isvc.metadata.namespace,
      };
    }
    case 'getClusterBaseModelProgress':
    case 'getBaseModelProgress': {
      const model = fixtures.get(
        route.operationId === 'getBaseModelProgress'
          ? 'BaseModel'
          : 'ClusterBaseModel',
      )!;
      return {
        path: fillObject(route.path, model),
        ok: 200,
        action: 'operational' as const,
        ns: model.metadata.namespace,
      };
    }
    default:
      throw new Error(
        `the matrix does not know operation ${route.operationId}: add it`,
      );
  }
}

describe('permission matrix over the route table (permission.enabled: true)', () => {
  let server: Server;
  let stop: () => Promise<void>;
  let hub: StandinModelHub | undefined;
  beforeAll(async () => {
    hub = await startStandinModelHub();
    const backend = await startBackend({ huggingFace: { baseUrl: hub.url } });
    server = backend.server;
    stop = () => backend.stop();
  });
  afterAll(async () => {
    await stop?.();
    await hub?.stop();
  });

  it('gives every route x role the expected status, with real denials for every non-admin role', async () => {
    const routes = omeOperations();
    expect(routes.length).toBeGreaterThan(40);
    const results: string[] = [];
    const mismatches: string[] = [];
    const denials: Record<Role, number> = {
      unauthenticated: 0,
      reader: 0,
      writer: 0,
      admin: 0,
    };
    let n = 0;
    for (const route of routes) {
      const inst = instance(route, n++);
      for (const role of Object.keys(ROLE_USER) as Role[]) {
        let expected: number;
        if (route.permission === 'none') expected = 200;
        else if (role === 'unauthenticated') expected = 401;
        else if (!inst.action) expected = inst.ok;
        else expected = allowed(role, inst.action, inst.ns) ? inst.ok : 403;
        const path = `/api/ome${inst.path.replace(/^\/api\/ome/, '')}`;
        const res =
          'stream' in inst
            ? await callStream(server, ROLE_USER[role], path)
            : await call(
                server,
                ROLE_USER[role],
                route.method,
                path,
                inst.body,
              );
        if (res.status === 401 || res.status === 403) denials[role]++;
        const line = `${route.method.toUpperCase()} ${route.path} ${role}: ${
          res.status
        }`;
        results.push(line);
        if (res.status !== expected) {
          mismatches.push(
            `${line} (expected ${expected}) ${res.text.slice(0, 300)}`,
          );
        }
        if (
          route.operationId === 'getCreateDecision' &&
          res.status === 200 &&
          res.body.allowed !== allowed(role, 'write', 'team-a')
        ) {
          mismatches.push(`${line}: allowed ${res.body.allowed}`);
        }
      }
    }
    // eslint-disable-next-line no-console
    console.log(
      `permission matrix: ${results.length} cases, denials ${JSON.stringify(
        denials,
      )}`,
    );
    expect(mismatches).toEqual([]);
    expect(denials.unauthenticated).toBeGreaterThan(0);
    expect(denials.reader).toBeGreaterThan(0);
    expect(denials.writer).toBeGreaterThan(0);
    // The example policy grants admins everything: their denials come from the cluster
    // (see impersonation below), none from Backstage.
    expect(denials.admin).toBe(0);
  });

  it('answers "may I create" per kind and place', async () => {
    const ask = (user: string, q: string) =>
      call(server, user, 'get', `/api/ome/permissions/create?${q}`);
    const inA = await ask(
      WRITER,
      'kind=BaseModel&cluster=ome-dev-b&namespace=team-a',
    );
    expect(inA.body).toEqual({ allowed: true, conditional: true });
    const inB = await ask(
      WRITER,
      'kind=BaseModel&cluster=ome-dev-a&namespace=team-b',
    );
    expect(inB.body).toMatchObject({
      allowed: false,
      conditional: true,
      reason: expect.stringContaining("namespace 'team-b'"),
    });
    const clusterScoped = await ask(
      WRITER,
      'kind=ClusterBaseModel&cluster=ome-dev-a',
    );
    expect(clusterScoped.body.allowed).toBe(false);
    const reader = await ask(READER, 'kind=ClusterBaseModel&cluster=ome-dev-a');
    expect(reader.body).toEqual({
      allowed: false,
      conditional: false,
      reason: 'You may not create OME resources',
    });
    expect(
      (await ask(ADMIN, 'kind=ClusterBaseModel&cluster=ome-dev-a')).body,
    ).toEqual({ allowed: true, conditional: false });
    expect((await ask(WRITER, 'kind=Nope&cluster=ome-dev-a')).status).toBe(400);
    expect((await ask(WRITER, 'kind=BaseModel&cluster=ome-dev-a')).status).toBe(
      400,
    );
  });

  it('filters a list, its total and its statistics by a conditional read decision, on both clusters', async () => {
    // An InferenceService in team-a on ome-dev-b too, so both clusters hold some.
    const isvc = fixtures.get('InferenceService')!;
    await plant(
      clusterB,
      'InferenceService',
      fresh(isvc, `nsr-${RUN}`, 'team-a'),
    );
    const count = async (cluster: typeof clusterA, ns?: string) =>
      (
        (await kubeRequest(cluster, 'GET', kubePath('InferenceService', ns)))
          .body.items as unknown[]
      ).length;
    const expectA = await count(clusterA, 'team-a');
    const expectB = await count(clusterB, 'team-a');
    expect(expectA).toBeGreaterThan(0);
    expect(expectB).toBeGreaterThan(0);
    expect((await count(clusterA)) + (await count(clusterB))).toBeGreaterThan(
      expectA + expectB,
    );

    const res = await call(
      server,
      NS_READER,
      'get',
      '/api/ome/inferenceservices?limit=1',
    );
    expect(res.status).toBe(200);
    const body = res.body as OmeListResponse;
    expect(body.items).toHaveLength(1);
    expect(body.totalCount).toBe(expectA + expectB);
    expect(body.stats.total).toBe(expectA + expectB);
    expect(body.stats.byCluster).toEqual({
      'ome-dev-a': expectA,
      'ome-dev-b': expectB,
    });
    const stateTotal = Object.values(body.stats.byState ?? {}).reduce(
      (a, b) => a + b,
      0,
    );
    expect(stateTotal).toBe(expectA + expectB);
    const all = await call(
      server,
      NS_READER,
      'get',
      '/api/ome/inferenceservices',
    );
    expect(
      new Set(all.body.items.map((i: any) => i.object.metadata.namespace)),
    ).toEqual(new Set(['team-a']));
    // Cluster-scoped kinds: nothing (the namespace rule never matches them), counts 0.
    const cbm = await call(
      server,
      NS_READER,
      'get',
      '/api/ome/clusterbasemodels',
    );
    expect(cbm.body.items).toEqual([]);
    expect(cbm.body.totalCount).toBe(0);
    expect(cbm.body.stats.total).toBe(0);
    // A single object outside the scope: 403 by resource ref.
    const other = await call(
      server,
      NS_READER,
      'get',
      `/api/ome/clusters/ome-dev-b/namespaces/team-b/inferenceservices/team-b-chat`,
    );
    expect(other.status).toBe(403);
    const mine = await call(
      server,
      NS_READER,
      'get',
      `/api/ome/clusters/ome-dev-b/namespaces/team-a/inferenceservices/nsr-${RUN}`,
    );
    expect(mine.status).toBe(200);
    // The actions on each item follow the update/delete decisions (DENY for this user).
    expect(mine.body.actions).toEqual({ update: false, delete: false });
  });

  it('lets a namespace-scoped writer create in its namespace only, on any cluster', async () => {
    const model = fixtures.get('BaseModel')!;
    for (const cluster of ['ome-dev-a', 'ome-dev-b']) {
      const name = `w-${RUN}-${cluster.slice(-1)}`;
      const ok = await call(
        server,
        WRITER,
        'post',
        `/api/ome/clusters/${cluster}/namespaces/team-a/basemodels`,
        fresh(model, name, 'team-a'),
      );
      expect(ok.status).toBe(201);
      created.push({
        cluster: cluster === 'ome-dev-a' ? clusterA : clusterB,
        path: kubePath('BaseModel', 'team-a', name),
      });
      const denied = await call(
        server,
        WRITER,
        'post',
        `/api/ome/clusters/${cluster}/namespaces/team-b/basemodels`,
        fresh(model, name, 'team-b'),
      );
      expect(denied.status).toBe(403);
      const cl = cluster === 'ome-dev-a' ? clusterA : clusterB;
      expect(
        (await kubeRequest(cl, 'GET', kubePath('BaseModel', 'team-b', name)))
          .status,
      ).toBe(404);
    }
    // In list answers, actions show what the writer may do per item.
    const teamA = new Set<string>();
    for (const cl of [clusterA, clusterB]) {
      for (const ns of (await kubeRequest(cl, 'GET', '/api/v1/namespaces')).body
        .items) {
        if (ns.metadata.labels?.['ome.io/team'] === 'team-a')
          teamA.add(`${cl.name}/${ns.metadata.name}`);
      }
    }
    const list = await call(server, WRITER, 'get', '/api/ome/basemodels');
    for (const item of list.body.items) {
      const mine = teamA.has(
        `${item.cluster}/${item.object.metadata.namespace}`,
      );
      expect(item.actions).toEqual({ update: mine, delete: mine });
    }
    const cbm = await call(
      server,
      WRITER,
      'get',
      '/api/ome/clusterbasemodels?limit=3',
    );
    for (const item of cbm.body.items)
      expect(item.actions).toEqual({ update: false, delete: false });
  });

  it("refuses to relabel an object out of or into a label-scoped writer's scope", async () => {
    const model = fixtures.get('BaseModel')!;
    const labelled = (name: string, team: string) => {
      const o = fresh(model, name, 'team-a');
      return {
        ...o,
        metadata: {
          ...o.metadata,
          labels: { ...o.metadata.labels, 'ome.io/team': team },
        },
      };
    };
    const inScope = await plant(
      clusterA,
      'BaseModel',
      labelled(`in-${RUN}`, 'team-a'),
    );
    const outOfScope = await plant(
      clusterA,
      'BaseModel',
      labelled(`out-${RUN}`, 'team-b'),
    );
    const put = (
      o: KubernetesObject,
      team: string,
      extra: Record<string, string> = {},
    ) =>
      call(
        server,
        LABEL_WRITER,
        'put',
        `/api/ome/clusters/ome-dev-a/namespaces/team-a/basemodels/${o.metadata.name}`,
        {
          ...o,
          metadata: {
            ...o.metadata,
            labels: { ...o.metadata.labels, 'ome.io/team': team, ...extra },
          },
        },
      );
    // Out of its scope: the object as it will be is not allowed.
    expect((await put(inScope, 'team-b')).status).toBe(403);
    // Into its scope: the object as it is is not allowed.
    expect((await put(outOfScope, 'team-a')).status).toBe(403);
    // Staying in scope is fine.
    const ok = await put(inScope, 'team-a', { 'ome-console/note': RUN });
    expect(ok.status).toBe(200);
    expect(ok.body.changed).toBe(true);
    const now = await kubeRequest(
      clusterA,
      'GET',
      kubePath('BaseModel', 'team-a', `out-${RUN}`),
    );
    expect(now.body.metadata.labels['ome.io/team']).toBe('team-b');
    // Creating: decided on the object about to be created.
    const create = (team: string, name: string) =>
      call(
        server,
        LABEL_WRITER,
        'post',
        '/api/ome/clusters/ome-dev-a/namespaces/team-a/basemodels?dryRun=true',
        labelled(name, team),
      );
    expect((await create('team-b', `c1-${RUN}`)).status).toBe(403);
    expect((await create('team-a', `c2-${RUN}`)).status).toBe(201);
  });

  it('records every write with the auditor: who, what, where, outcome', async () => {
    const writes = auditRecords.filter(r => r.plugin === 'ome');
    expect(writes.length).toBeGreaterThan(0);
    const record = writes.find(
      r =>
        r.eventId === 'resource-create' &&
        r.actor === WRITER &&
        r.status === 'succeeded' &&
        (r.meta as any).namespace === 'team-a' &&
        (r.meta as any).dryRun === false,
    );
    expect(record).toMatchObject({
      severityLevel: 'medium',
      meta: {
        cluster: expect.any(String),
        kind: 'BaseModel',
        namespace: 'team-a',
        name: expect.any(String),
        dryRun: false,
      },
      outcome: { changed: true },
    });
    const refused = writes.find(
      r =>
        r.eventId === 'resource-create' &&
        r.actor === WRITER &&
        r.status === 'failed',
    );
    expect(refused).toMatchObject({
      error: {
        name: 'NotAllowedError',
        message: expect.stringContaining('ome.resource.create'),
      },
    });
    for (const id of [
      'resource-update',
      'resource-delete',
      'resource-clone',
      'resource-import',
    ]) {
      expect(writes.some(r => r.eventId === id)).toBe(true);
    }
  });
});

// ---------------------------------------------------------------- impersonation
describe('impersonation against the real apiserver', () => {
  let server: Server;
  let stop: () => Promise<void>;
  // alice is an ome-admin in Backstage here, and in the cluster only what RBAC gives user
  // alice in group ome-admins: nothing of ome.io. bob (team-b) is a team-b writer in both.
  // (One group each: the kubernetes proxy joins repeated Impersonate-Group headers.)
  const BOB = 'user:default/bob';
  const groups = {
    ...GROUPS,
    [WRITER]: ['group:default/ome-admins'],
    [BOB]: ['group:default/team-b'],
  };
  beforeAll(async () => {
    const backend = await startBackend(
      {
        clusters: [
          {
            name: 'ome-dev-a',
            impersonation: {
              enabled: true,
              token: clusterA.tokens['ome-impersonator'],
            },
          },
        ],
      },
      groups,
    );
    server = backend.server;
    stop = () => backend.stop();
  });
  afterAll(() => stop?.());

  it('sends the Backstage user as the Kubernetes user: Backstage allows, RBAC denies, 403 with the reason, nothing written', async () => {
    const isvc = fixtures.get('InferenceService')!;
    const name = `imp-${RUN}`;
    const res = await call(
      server,
      WRITER,
      'post',
      '/api/ome/clusters/ome-dev-a/namespaces/team-b/inferenceservices',
      fresh(isvc, name, 'team-b'),
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'User "alice" cannot create resource "inferenceservices"',
    );
    expect(res.body.error.message).toContain('"team-b"');
    expect(
      (
        await kubeRequest(
          clusterA,
          'GET',
          kubePath('InferenceService', 'team-b', name),
        )
      ).status,
    ).toBe(404);
    // The same write on ome-dev-b (no impersonation) goes through as the kubernetes plugin.
    const b = await call(
      server,
      WRITER,
      'post',
      '/api/ome/clusters/ome-dev-b/namespaces/team-b/inferenceservices?dryRun=true',
      fresh(isvc, name, 'team-b'),
    );
    expect(b.status).toBe(201);
    // A cluster-scoped write: RBAC gives alice no cluster-scoped write.
    const cbm = fixtures.get('ClusterBaseModel')!;
    const scoped = await call(
      server,
      WRITER,
      'post',
      '/api/ome/clusters/ome-dev-a/clusterbasemodels?dryRun=true',
      fresh(cbm, name),
    );
    expect(scoped.status).toBe(403);
    expect(scoped.body.error.message).toContain('User "alice"');
    // Reads are hers too: the cluster does not let her list InferenceServices.
    const list = await call(
      server,
      WRITER,
      'get',
      '/api/ome/inferenceservices?cluster=ome-dev-a&limit=1',
    );
    expect(list.status).toBe(200);
    expect(list.body.errors).toEqual([
      expect.objectContaining({
        cluster: 'ome-dev-a',
        reason: 'forbidden',
        message: expect.stringContaining('User "alice" cannot list'),
      }),
    ]);
  });

  it('lets the impersonated user write where the cluster allows it (its groups arrive)', async () => {
    const isvc = fixtures.get('InferenceService')!;
    const res = await call(
      server,
      BOB,
      'post',
      '/api/ome/clusters/ome-dev-a/namespaces/team-b/inferenceservices?dryRun=true',
      fresh(isvc, `imp2-${RUN}`, 'team-b'),
    );
    expect(res.status).toBe(201);
    const list = await call(
      server,
      BOB,
      'get',
      '/api/ome/inferenceservices?cluster=ome-dev-a&limit=1',
    );
    expect(list.body.errors).toEqual([]);
  });

  it('never forwards Impersonate-* headers a caller sends', async () => {
    const isvc = fixtures.get('InferenceService')!;
    const name = `inj-${RUN}`;
    const res = await call(
      server,
      WRITER,
      'post',
      '/api/ome/clusters/ome-dev-a/namespaces/team-b/inferenceservices',
      fresh(isvc, name, 'team-b'),
      {
        'Impersonate-User': 'ome-admin',
        'Impersonate-Group': 'system:masters',
        'Backstage-Kubernetes-Authorization': `Bearer ${clusterA.tokens['ome-admin']}`,
      },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('User "alice"');
    expect(
      (
        await kubeRequest(
          clusterA,
          'GET',
          kubePath('InferenceService', 'team-b', name),
        )
      ).status,
    ).toBe(404);
  });
});

// ---------------------------------------------------------------- last: the secret scan
describe('secrets', () => {
  it('a model with a plaintext token is served redacted', async () => {
    const backend = await startBackend();
    try {
      const path = `/api/ome/clusters/ome-dev-a/namespaces/team-a/basemodels/secret-model-${RUN}`;
      const got = await call(backend.server, ADMIN, 'get', path);
      expect(got.status).toBe(200);
      expect(got.body.object.spec.storage.parameters.token).not.toBe(SECRET);
      await call(backend.server, ADMIN, 'get', '/api/ome/basemodels');
      const edited = {
        ...got.body.object,
        metadata: { ...got.body.object.metadata, labels: { x: RUN } },
      };
      expect(
        (
          await call(
            backend.server,
            ADMIN,
            'put',
            `${path}?dryRun=true`,
            edited,
          )
        ).status,
      ).toBe(200);
      expect(
        (
          await call(
            backend.server,
            ADMIN,
            'post',
            `${path}/clone?dryRun=true`,
            { name: `sc-${RUN}` },
          )
        ).status,
      ).toBe(201);
      expect(
        (await call(backend.server, ADMIN, 'delete', `${path}?dryRun=true`))
          .status,
      ).toBe(200);
    } finally {
      await backend.stop();
    }
  });

  it('no secret value in any response body, log line or audit record of this suite', () => {
    expect(responses.length).toBeGreaterThan(100);
    expect(logLines.length).toBeGreaterThan(0);
    expect(auditRecords.length).toBeGreaterThan(0);
    const leaks = (texts: string[]) =>
      texts.filter(t => t.includes(SECRET) || t.includes(SECRET_B64));
    expect(leaks(responses)).toEqual([]);
    expect(leaks(logLines)).toEqual([]);
    expect(leaks(auditRecords.map(r => JSON.stringify(r)))).toEqual([]);
    // The impersonator's token is a secret too.
    const token = clusterA.tokens['ome-impersonator'];
    expect([...responses, ...logLines].filter(t => t.includes(token))).toEqual(
      [],
    );
  });
});
