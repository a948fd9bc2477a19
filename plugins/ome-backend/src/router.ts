import {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { serializeError } from '@backstage/errors';
import {
  KubernetesObject,
  OmeClustersResponse,
  OmeKind,
  OmeListItem,
  OmeListResponse,
  omeKindInfo,
  omeResourceCreatePermission,
  omeResourceDeletePermission,
  omeResourceReadPermission,
  omeResourceUpdatePermission,
} from '@ome-console/plugin-ome-common';
import express, { ErrorRequestHandler, Request, Response } from 'express';
import Router from 'express-promise-router';
import { OmeResourceQuery } from './permissions/rules';
import { OmeRoute, OmeRouteHandler, omeOpenApiDocument, omeRoutes } from './schema/openapi';
import { OmeAuthorizer } from './service/authorization';
import { ClusterService } from './service/ClusterService';
import { OmeHttpError, badRequest } from './service/errors';
import { ImportService } from './service/ImportService';
import { applyListQuery, parseListQuery } from './service/listQuery';
import { OmeResourceService } from './service/OmeResourceService';
import { ObjectTarget, OmeResourceWriter } from './service/OmeResourceWriter';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import { ClusterRequestError } from './service/KubernetesProxyClient';
import { toHttpError } from './service/errors';
import { sanitizeObject } from './service/sanitize';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  ruleset: PermissionRuleset<OmeListItem, OmeResourceQuery, string>;
  clusters: ClusterService;
  resources: OmeResourceService;
  writer: OmeResourceWriter;
  importer: ImportService;
  config: RootConfigService;
  logger: LoggerService;
}

/** Bodies of import requests can hold many large runtimes. */
const BODY_LIMIT = '10mb';

function dryRunFlag(value: unknown): boolean {
  if (value === undefined) return false;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest("query parameter dryRun: must be 'true' or 'false'");
}

function kindOf(route: OmeRoute): OmeKind {
  if (!route.kind) throw new Error(`route ${route.operationId} has no kind`);
  return route.kind;
}

/**
 * Answers OME's own errors (and cluster failures) with Backstage's error body plus
 * `details`; everything else goes on to Backstage's error handler.
 */
function omeErrorHandler(): ErrorRequestHandler {
  return (rawError, req, res, next) => {
    const error =
      rawError instanceof ClusterRequestError ? toHttpError(rawError) : rawError;
    if (!(error instanceof OmeHttpError) || res.headersSent) {
      next(rawError);
      return;
    }
    const { name, message } = serializeError(error);
    res.status(error.statusCode).json({
      error: { name, message },
      request: { method: req.method, url: req.url },
      response: { statusCode: error.statusCode },
      ...(error.details && { details: error.details }),
    });
  };
}

/** Builds the router from the OpenAPI route table: every operation there has a handler here. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, clusters, resources, writer, importer } = options;
  const authorizer = new OmeAuthorizer(options);

  const credentials = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function knownClusters(requested: string[] | undefined): Promise<string[] | undefined> {
    if (!requested) return undefined;
    const known = new Set(await clusters.listClusterNames());
    const unknown = requested.filter(c => !known.has(c));
    if (unknown.length) {
      throw badRequest(
        `query parameter cluster: unknown cluster${unknown.length > 1 ? 's' : ''} ${unknown
          .map(c => `'${c}'`)
          .join(', ')}`,
      );
    }
    return requested;
  }

  function target(route: OmeRoute, req: Request): ObjectTarget {
    const kind = kindOf(route);
    return {
      cluster: req.params.cluster,
      kind,
      ...(omeKindInfo(kind).namespaced && { namespace: req.params.namespace }),
      name: req.params.name,
    };
  }

  /** Attaches the caller's update/delete rights to each item (two decisions per request). */
  async function withActions(creds: BackstageCredentials, items: OmeListItem[]): Promise<OmeListItem[]> {
    const [mayUpdate, mayDelete] = await Promise.all([
      authorizer.filter(creds, omeResourceUpdatePermission),
      authorizer.filter(creds, omeResourceDeletePermission),
    ]);
    return items.map(item => ({
      ...item,
      actions: { update: mayUpdate(item), delete: mayDelete(item) },
    }));
  }

  const asItem = (cluster: string, object: KubernetesObject): OmeListItem => ({ cluster, object });

  const handlers: Record<OmeRouteHandler, (route: OmeRoute, req: Request, res: Response) => Promise<void>> = {
    health: async (_route, _req, res) => {
      res.json({ status: 'ok' });
    },
    openapi: async (_route, req, res) => {
      await authorizer.requireAny(await credentials(req), omeResourceReadPermission);
      res.json(omeOpenApiDocument);
    },
    listClusters: async (_route, req, res) => {
      // Any non-DENY read decision may see the cluster list: cluster names and versions are
      // not OME resources, and conditions cannot be applied to them.
      await authorizer.requireAny(await credentials(req), omeResourceReadPermission);
      const body: OmeClustersResponse = { items: await clusters.listClusters() };
      res.json(body);
    },
    listNamespaces: async (_route, req, res) => {
      await authorizer.requireAny(await credentials(req), omeResourceReadPermission);
      const requested = parseListQuery('ClusterBaseModel', { cluster: req.query.cluster }).cluster;
      res.json(await resources.listNamespaces({ clusters: await knownClusters(requested) }));
    },
    list: async (route, req, res) => {
      const kind = kindOf(route);
      const creds = await credentials(req);
      const allowed = await authorizer.requireAny(creds, omeResourceReadPermission);
      const query = parseListQuery(kind, req.query as Record<string, unknown>);
      const result = await resources.list(kind, {
        clusters: await knownClusters(query.cluster),
        labelSelector: query.labelSelector,
      });
      if (
        query.labelSelector &&
        result.items.length === 0 &&
        result.errors.length > 0 &&
        result.errors.every(e => e.statusCode === 400)
      ) {
        throw badRequest(`query parameter labelSelector: ${result.errors[0].message}`);
      }
      const page = applyListQuery(kind, result.items.filter(allowed), query);
      const body: OmeListResponse = {
        items: await withActions(creds, page.items),
        totalCount: page.totalCount,
        offset: query.offset ?? 0,
        ...(query.limit !== undefined && { limit: query.limit }),
        stats: page.stats,
        errors: result.errors,
        notInstalled: result.notInstalled,
      };
      res.json(body);
    },
    get: async (route, req, res) => {
      const creds = await credentials(req);
      await authorizer.requireAny(creds, omeResourceReadPermission);
      const t = target(route, req);
      const item = asItem(t.cluster, sanitizeObject(t.kind, await writer.getStored(t)));
      await authorizer.require(creds, omeResourceReadPermission, item);
      const [withRights] = await withActions(creds, [item]);
      res.json(withRights);
    },
    create: async (route, req, res) => {
      const creds = await credentials(req);
      await authorizer.requireAny(creds, omeResourceCreatePermission);
      const kind = kindOf(route);
      const t = { cluster: req.params.cluster, kind, namespace: req.params.namespace };
      const result = await writer.create(t, req.body, {
        dryRun: dryRunFlag(req.query.dryRun),
        authorize: object => authorizer.require(creds, omeResourceCreatePermission, asItem(t.cluster, object)),
      });
      res.status(201).json(result);
    },
    update: async (route, req, res) => {
      const creds = await credentials(req);
      await authorizer.requireAny(creds, omeResourceUpdatePermission);
      const t = target(route, req);
      const result = await writer.update(t, req.body, {
        dryRun: dryRunFlag(req.query.dryRun),
        // Allowed for the object as it is and as it will be: a relabel cannot move it into
        // (or out of) someone's scope.
        authorize: (before, after) =>
          authorizer.require(creds, omeResourceUpdatePermission, asItem(t.cluster, before), asItem(t.cluster, after)),
      });
      res.json(result);
    },
    delete: async (route, req, res) => {
      const creds = await credentials(req);
      await authorizer.requireAny(creds, omeResourceDeletePermission);
      const t = target(route, req);
      const resourceVersion = req.query.resourceVersion;
      if (resourceVersion !== undefined && (typeof resourceVersion !== 'string' || !resourceVersion)) {
        throw badRequest('query parameter resourceVersion: must be given once');
      }
      const result = await writer.delete(t, {
        dryRun: dryRunFlag(req.query.dryRun),
        resourceVersion,
        authorize: stored => authorizer.require(creds, omeResourceDeletePermission, asItem(t.cluster, stored)),
      });
      res.json(result);
    },
    clone: async (route, req, res) => {
      const creds = await credentials(req);
      await authorizer.requireAny(creds, omeResourceCreatePermission);
      const source = target(route, req);
      const result = await writer.clone(source, req.body, {
        authorize: async (stored, copy, copyCluster) => {
          await authorizer.require(creds, omeResourceReadPermission, asItem(source.cluster, stored));
          await authorizer.require(creds, omeResourceCreatePermission, asItem(copyCluster, copy));
        },
      });
      res.status(201).json(result);
    },
    import: async (_route, req, res) => {
      const creds = await credentials(req);
      const mayCreate = await authorizer.requireAny(creds, omeResourceCreatePermission);
      const mayUpdate = await authorizer.filter(creds, omeResourceUpdatePermission);
      const cluster = (req.body as { cluster?: unknown })?.cluster;
      if (typeof cluster === 'string' && cluster) await knownClusters([cluster]);
      res.json(
        await importer.import(req.body, {
          mayCreate: object => mayCreate(asItem(String(cluster), object)),
          // Namespaces are not OME objects: only an unconditional create right covers them.
          mayCreateNamespace: mayCreate.unconditional,
          mayUpdate: (before, after) =>
            mayUpdate(asItem(String(cluster), before)) && mayUpdate(asItem(String(cluster), after)),
        }),
      );
    },
  };

  const router = Router();
  router.use(express.json({ limit: BODY_LIMIT }));
  for (const route of omeRoutes()) {
    const handle = handlers[route.handler];
    router[route.method](route.expressPath, (req: Request, res: Response) => handle(route, req, res));
  }
  router.use(omeErrorHandler());
  router.use(
    MiddlewareFactory.create({
      config: options.config,
      logger: options.logger,
    }).error(),
  );
  return router;
}
