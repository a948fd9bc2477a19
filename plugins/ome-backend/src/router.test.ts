import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { omeResourceReadPermission } from '@ome-console/plugin-ome-common';
import { OperateService } from './service/OperateService';
import { NamespaceLabels } from './permissions/NamespaceLabels';
import express from 'express';
import request from 'supertest';
import {
  createOmeConditionalDecision,
  omeConditions,
  omePermissionRules,
} from './permissions/rules';
import { createRouter } from './router';
import { ClusterService } from './service/ClusterService';
import { OmeResourceService } from './service/OmeResourceService';
import { OmeResourceWriter } from './service/OmeResourceWriter';
import { ImportService } from './service/ImportService';
import { KindSchemaService } from './service/KindSchemaService';
import { omeOperations } from './schema/operations';
import { HubTokenSecrets } from './service/HubTokenSecrets';
import { HuggingFaceService } from './service/HuggingFaceService';
import { ImportSourceReader } from './service/ImportSourceReader';

// Each test builds a router, whose validator compiles the whole OpenAPI document on its
// first request: seconds on a loaded machine, beyond jest's 5 s default.
jest.setTimeout(60_000);

const ruleset = {
  getRuleByName: (name: string) =>
    Object.values(omePermissionRules).find(r => r.name === name)!,
};

function object(name: string) {
  return {
    apiVersion: 'ome.io/v1beta1',
    kind: 'ClusterBaseModel',
    metadata: { name },
  };
}

async function setup(
  decision:
    | { result: AuthorizeResult.ALLOW | AuthorizeResult.DENY }
    | ReturnType<typeof createOmeConditionalDecision> = {
    result: AuthorizeResult.ALLOW,
  },
) {
  const permissions = mockServices.permissions.mock({
    authorizeConditional: jest.fn(async (requests: unknown[]) =>
      requests.map(() => decision as any),
    ),
  });
  const listClusterNames = jest.fn(async () => ['a', 'b']);
  const clusters = {
    listClusterNames,
    // The real rule, over the mocked names.
    known: (requested: string[] | undefined) =>
      ClusterService.prototype.known.call({ listClusterNames }, requested),
    listClusters: jest.fn(async () => [
      { name: 'a', reachable: true, version: 'v1.37.2' },
      { name: 'b', reachable: false, error: 'down' },
    ]),
  } as unknown as ClusterService;
  const list = jest.fn(
    async (_kind: string, opts: { clusters?: string[] }) => ({
      items: (opts.clusters ?? ['a', 'b']).map(cluster => ({
        cluster,
        object: object(`${cluster}-model`),
      })),
      errors: [],
      notInstalled: [],
    }),
  );
  const resources = { list } as unknown as OmeResourceService;
  const writer = {} as OmeResourceWriter;
  const importer = {
    import: jest.fn(async (req: { cluster: string; dryRun: boolean }) => ({
      cluster: req.cluster,
      dryRun: req.dryRun,
      applied: true,
      results: [],
    })),
  } as unknown as ImportService;
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    permissions,
    ruleset: ruleset as any,
    clusters,
    resources,
    writer,
    importer,
    importSources: new ImportSourceReader({
      urlReader: {
        readUrl: async (url: string) => {
          throw new NotAllowedError(`Reading from '${url}' is not allowed`);
        },
      } as unknown as UrlReaderService,
    }),
    schemas: {} as KindSchemaService,
    huggingFace: {} as HuggingFaceService,
    hubTokens: {} as HubTokenSecrets,
    namespaceLabels: {} as NamespaceLabels,
    operate: {} as OperateService,
    auditor: mockServices.auditor.mock(),
    userInfo: mockServices.userInfo(),
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  const app = express().use(router).use(mockErrorHandler());
  return { app, router, permissions, list, clusters, importer };
}

describe('router', () => {
  it('answers health', async () => {
    const { app } = await setup();
    const res = await request(app).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('lists clusters', async () => {
    const { app } = await setup();
    const res = await request(app).get('/clusters');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
  });

  it('lists clusterbasemodels for users and services', async () => {
    const { app, permissions } = await setup();
    const res = await request(app).get('/clusterbasemodels');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          cluster: 'a',
          object: object('a-model'),
          actions: { update: true, delete: true },
        },
        {
          cluster: 'b',
          object: object('b-model'),
          actions: { update: true, delete: true },
        },
      ],
      totalCount: 2,
      offset: 0,
      stats: { total: 2, byCluster: { a: 1, b: 1 }, byState: { Unknown: 2 } },
      errors: [],
      notInstalled: [],
    });
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      expect.arrayContaining([{ permission: omeResourceReadPermission }]),
      { credentials: mockCredentials.user() },
    );
    await request(app)
      .get('/clusterbasemodels')
      .set('Authorization', mockCredentials.service.header())
      .expect(200);
  });

  it('rejects callers without credentials', async () => {
    const { app } = await setup();
    const res = await request(app)
      .get('/clusterbasemodels')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    await request(app)
      .get('/clusters')
      .set('Authorization', mockCredentials.none.header())
      .expect(401);
  });

  it('answers 403 on DENY', async () => {
    const { app, list } = await setup({ result: AuthorizeResult.DENY });
    const res = await request(app).get('/clusterbasemodels');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(list).not.toHaveBeenCalled();
    await request(app).get('/clusters').expect(403);
  });

  it('filters by a CONDITIONAL decision', async () => {
    const { app } = await setup(
      createOmeConditionalDecision(
        omeResourceReadPermission,
        omeConditions.isCluster({ clusters: ['b'] }),
      ),
    );
    const res = await request(app).get('/clusterbasemodels');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.cluster)).toEqual(['b']);
  });

  it('filters by ?cluster=', async () => {
    const { app, list } = await setup();
    const res = await request(app).get('/clusterbasemodels?cluster=b');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.cluster)).toEqual(['b']);
    expect(list).toHaveBeenCalledWith('ClusterBaseModel', {
      clusters: ['b'],
      labelSelector: undefined,
      namespaces: undefined,
    });
    await request(app)
      .get('/clusterbasemodels?cluster=a&cluster=b')
      .expect(200);
  });

  it('answers 400 naming the field for an unknown cluster or a malformed filter', async () => {
    const { app, list } = await setup();
    const res = await request(app).get('/clusterbasemodels?cluster=nope');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: "query parameter cluster: unknown cluster 'nope'",
    });
    const two = await request(app).get(
      '/clusterbasemodels?cluster=a&cluster=x&cluster=y',
    );
    expect(two.status).toBe(400);
    expect(two.body.error.message).toBe(
      "query parameter cluster: unknown clusters 'x', 'y'",
    );
    for (const query of ['cluster=', 'cluster[x]=1']) {
      const malformed = await request(app).get(`/clusterbasemodels?${query}`);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('cluster'),
      });
    }
    expect(list).not.toHaveBeenCalled();
  });

  it('answers 503 when the kubernetes backend cannot list clusters', async () => {
    const { app, clusters } = await setup();
    const down = new ServiceUnavailableError(
      'The kubernetes backend could not list clusters: fetch failed',
    );
    (clusters.listClusters as jest.Mock).mockRejectedValue(down);
    (clusters.listClusterNames as jest.Mock).mockRejectedValue(down);
    for (const path of ['/clusters', '/clusterbasemodels?cluster=a']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({
        name: 'ServiceUnavailableError',
        message: down.message,
      });
    }
  });

  it('refuses an undocumented query parameter with a 400 naming it, before any handler', async () => {
    const { app, list, permissions } = await setup();
    const res = await request(app).get('/clusterbasemodels?colour=blue');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining("'colour'"),
    });
    expect(list).not.toHaveBeenCalled();
    expect(permissions.authorizeConditional).not.toHaveBeenCalled();
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['offset=-1', 'offset'],
    ['order=up', 'order'],
    ['limit=x', 'limit'],
  ])('answers 400 naming the parameter for %s', async (query, parameter) => {
    const { app } = await setup();
    const res = await request(app).get(`/clusterbasemodels?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(parameter);
  });

  it('refuses clone and import bodies with an unknown field (dryRun is a query parameter)', async () => {
    const { app, permissions } = await setup();
    const clone = await request(app)
      .post('/clusters/a/clusterbasemodels/m/clone')
      .send({ name: 'copy', dryRun: true });
    expect(clone.status).toBe(400);
    expect(clone.body.error.message).toMatch(/additional properties/i);
    const imported = await request(app)
      .post('/import')
      .send({ cluster: 'a', yaml: 'a: 1', dryRun: true });
    expect(imported.status).toBe(400);
    expect(imported.body.error.message).toMatch(/additional properties/i);
    expect(permissions.authorizeConditional).not.toHaveBeenCalled();
  });

  it('reads an import from a URL only through the UrlReaderService: a refused host is a 400 naming body.url', async () => {
    const { app, importer } = await setup();
    const refused = await request(app)
      .post('/import')
      .send({ cluster: 'a', url: 'https://not-integrated.example/x.yaml' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      "body.url: Reading from 'https://not-integrated.example/x.yaml' is not allowed",
    );
    const both = await request(app)
      .post('/import')
      .send({ cluster: 'a', yaml: 'a: 1', url: 'https://x.example/y' });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/^body: give exactly one of yaml/);
    expect(importer.import).not.toHaveBeenCalled();
  });

  it('answers 400 naming the parameter for a plural that names no kind of the scope', async () => {
    const { app } = await setup();
    const unknown = await request(app).get('/nosuchkinds');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('plural');
    const wrongScope = await request(app).get('/clusters/a/basemodels/x');
    expect(wrongScope.status).toBe(400);
    expect(wrongScope.body.error.message).toContain('clusterPlural');
  });

  it('decides read, update and delete of a list in one permission call', async () => {
    const { app, permissions } = await setup();
    await request(app).get('/clusterbasemodels').expect(200);
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    expect(
      (permissions.authorizeConditional as jest.Mock).mock.calls[0][0].map(
        (r: any) => r.permission.name,
      ),
    ).toEqual([
      'ome.resource.read',
      'ome.resource.update',
      'ome.resource.delete',
    ]);
  });

  it('registers exactly the operations of the OpenAPI document', async () => {
    const { router } = await setup();
    const registered = new Set<string>();
    // The validating router is mounted inside ours; its layers hold the routes.
    const walk = (stack: any[]) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const method of Object.keys(layer.route.methods)) {
            registered.add(`${method} ${layer.route.path}`);
          }
        } else if (layer.handle?.stack) {
          walk(layer.handle.stack);
        }
      }
    };
    walk((router as any).stack);
    // Our own guard in front of the document route is a middleware of the same path.
    const documented = new Set(
      omeOperations().map(
        o => `${o.method} ${o.template.replace(/\{([^}]+)\}/g, ':$1')}`,
      ),
    );
    expect([...registered].sort()).toEqual([...documented].sort());
  });

  it('takes bodies beyond the 100 kB default (imports of many runtimes), with the dry run from the query', async () => {
    const { app, importer } = await setup();
    const yaml = `# ${'x'.repeat(300_000)}\nkind: Namespace\n`;
    const res = await request(app)
      .post('/import?dryRun=true')
      .send({ cluster: 'a', yaml });
    expect(res.status).toBe(200);
    expect(importer.import).toHaveBeenCalledWith(
      {
        cluster: 'a',
        namespace: undefined,
        yaml,
        dryRun: true,
        field: 'body.yaml',
      },
      expect.anything(),
    );
  });
});
