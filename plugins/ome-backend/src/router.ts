import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { NotAllowedError, serializeError } from '@backstage/errors';
import {
  KubernetesObject,
  OmeClustersResponse,
  OmeKind,
  OmeListItem,
  OmeListResponse,
  OME_API_GROUP,
  OME_API_VERSION,
  OME_KINDS,
  omeKindInfo,
  omeResourceCreatePermission,
  omeResourceDeletePermission,
  omeResourceReadPermission,
  omeResourceUpdatePermission,
} from '@ome-console/plugin-ome-common';
import express, { ErrorRequestHandler, Request, Response } from 'express';
import Router from 'express-promise-router';
import { OmePermissionResource, OmeResourceQuery } from './permissions/rules';
import { NamespaceLabels } from './permissions/NamespaceLabels';
import { ActingUser } from './service/impersonation';
import { OmeRoute, OmeRouteHandler, omeOpenApiDocument, omeRoutes } from './schema/openapi';
import { OmeAuthorizer } from './service/authorization';
import { ClusterService } from './service/ClusterService';
import { OmeHttpError, badRequest } from './service/errors';
import { ImportService } from './service/ImportService';
import { applyListQuery, parseListQuery } from './service/listQuery';
import { OmeResourceService } from './service/OmeResourceService';
import { ObjectTarget, OmeResourceWriter } from './service/OmeResourceWriter';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import { ClusterRequestError, KubernetesProxyClient } from './service/KubernetesProxyClient';
import { toHttpError } from './service/errors';
import { sanitizeObject } from './service/sanitize';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  ruleset: PermissionRuleset<OmePermissionResource, OmeResourceQuery, string>;
  clusters: ClusterService;
  resources: OmeResourceService;
  writer: OmeResourceWriter;
  importer: ImportService;
  namespaceLabels: NamespaceLabels;
  auditor: AuditorService;
  userInfo: UserInfoService;
  /** Whether any cluster impersonates users (then the acting user is resolved per request). */
  impersonating?: boolean;
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
 * The error as recorded in an audit event: its name, status and, for the OME backend's own
 * refusals, its message; a cluster's message can quote the values of the object.
 */
function auditError(error: unknown): Error {
  const name = (error as Error)?.name ?? 'Error';
  const status = error instanceof OmeHttpError ? error.statusCode : undefined;
  const own = error instanceof NotAllowedError;
  const message = own ? (error as Error).message : `${name}${status ? ` (HTTP ${status})` : ''}`;
  const recorded = new Error(message);
  recorded.name = name;
  return recorded;
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
  const { httpAuth, clusters, resources, writer, importer, auditor } = options;
  const authorizer = new OmeAuthorizer(options);

  /**
   * Records a write (who: the request's principal; what and where: `meta`; the outcome) with
   * the auditor. Meta and error texts never carry object bodies, so no secret value.
   */
  async function audited<T>(
    eventId: string,
    req: Request,
    meta: Record<string, string | boolean | undefined>,
    write: () => Promise<T>,
    outcome: (result: T) => Record<string, string | number | boolean> = () => ({}),
  ): Promise<T> {
    const clean = Object.fromEntries(
      Object.entries(meta).filter(([, v]) => v !== undefined),
    ) as Record<string, string | boolean>;
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta: clean,
    });
    try {
      const result = await write();
      await event.success({ meta: outcome(result) });
      return result;
    } catch (rawError) {
      const error =
        rawError instanceof ClusterRequestError ? toHttpError(rawError) : rawError;
      await event.fail({ error: auditError(error) });
      throw rawError;
    }
  }

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
      // 404 for a missing object first (a resource decision on a missing object is DENY).
      const item = asItem(t.cluster, sanitizeObject(t.kind, await writer.getStored(t)));
      await authorizer.requireRef(creds, omeResourceReadPermission, t);
      const [withRights] = await withActions(creds, [item]);
      res.json(withRights);
    },
    mayCreate: async (_route, req, res) => {
      const creds = await credentials(req);
      const { kind, cluster, namespace } = req.query;
      const info = typeof kind === 'string' ? OME_KINDS.find(k => k.kind === kind) : undefined;
      if (!info) {
        throw badRequest(`query parameter kind: must be one of ${OME_KINDS.map(k => k.kind).join(', ')}`);
      }
      if (typeof cluster !== 'string' || !cluster) throw badRequest('query parameter cluster: is required');
      if (info.namespaced && (typeof namespace !== 'string' || !namespace)) {
        throw badRequest(`query parameter namespace: is required for ${info.kind}`);
      }
      if (!info.namespaced && namespace !== undefined) {
        throw badRequest(`query parameter namespace: ${info.kind} is cluster-scoped`);
      }
      await knownClusters([cluster]);
      const mayCreate = await authorizer.filter(creds, omeResourceCreatePermission);
      const probe = asItem(cluster, {
        apiVersion: `${OME_API_GROUP}/${OME_API_VERSION}`,
        kind: info.kind,
        metadata: { name: '', ...(info.namespaced && { namespace: String(namespace) }) },
      });
      const allowed = mayCreate(probe);
      const where = info.namespaced ? `namespace '${namespace}' of cluster '${cluster}'` : `cluster '${cluster}'`;
      const body: { allowed: boolean; conditional: boolean; reason?: string } = {
        allowed,
        conditional: !mayCreate.unconditional && !mayCreate.denied,
        ...(!allowed && {
          reason: mayCreate.denied
            ? 'You may not create OME resources'
            : `You may not create ${info.kind} objects in ${where}`,
        }),
      };
      res.json(body);
    },
    create: async (route, req, res) => {
      const creds = await credentials(req);
      const kind = kindOf(route);
      const t = { cluster: req.params.cluster, kind, namespace: req.params.namespace };
      const dryRun = dryRunFlag(req.query.dryRun);
      const name = (req.body as { metadata?: { name?: unknown } })?.metadata?.name;
      const result = await audited(
        'resource-create',
        req,
        { ...t, name: typeof name === 'string' ? name : undefined, dryRun },
        async () => {
          await authorizer.requireAny(creds, omeResourceCreatePermission);
          return writer.create(t, req.body, {
            dryRun,
            // The conditional decision applied to the object about to be created.
            authorize: object => authorizer.require(creds, omeResourceCreatePermission, asItem(t.cluster, object)),
          });
        },
        r => ({ changed: r.changed }),
      );
      res.status(201).json(result);
    },
    update: async (route, req, res) => {
      const creds = await credentials(req);
      const t = target(route, req);
      const dryRun = dryRunFlag(req.query.dryRun);
      const result = await audited('resource-update', req, { ...t, dryRun }, async () => {
        await authorizer.requireAny(creds, omeResourceUpdatePermission);
        return writer.update(t, req.body, {
          dryRun,
          // Allowed for the object as it is and as it will be: a relabel cannot move it into
          // (or out of) someone's scope.
          authorize: (before, after) =>
            authorizer.require(creds, omeResourceUpdatePermission, asItem(t.cluster, before), asItem(t.cluster, after)),
        });
      }, r => ({ changed: r.changed, changedPaths: r.patch.map(p => p.path).join(' ') }));
      res.json(result);
    },
    delete: async (route, req, res) => {
      const creds = await credentials(req);
      const t = target(route, req);
      const resourceVersion = req.query.resourceVersion;
      if (resourceVersion !== undefined && (typeof resourceVersion !== 'string' || !resourceVersion)) {
        throw badRequest('query parameter resourceVersion: must be given once');
      }
      const dryRun = dryRunFlag(req.query.dryRun);
      const result = await audited('resource-delete', req, { ...t, dryRun }, async () => {
        await authorizer.requireAny(creds, omeResourceDeletePermission);
        return writer.delete(t, {
          dryRun,
          resourceVersion,
          // Decided by resource ref once the object is known to exist (else 404).
          authorize: () => authorizer.requireRef(creds, omeResourceDeletePermission, t),
        });
      });
      res.json(result);
    },
    clone: async (route, req, res) => {
      const creds = await credentials(req);
      const source = target(route, req);
      const request = (req.body ?? {}) as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const result = await audited(
        'resource-clone',
        req,
        {
          ...source,
          copyName: str(request.name),
          copyCluster: str(request.cluster),
          copyNamespace: str(request.namespace),
          dryRun: request.dryRun === true,
        },
        async () => {
          await authorizer.requireAny(creds, omeResourceCreatePermission);
          return writer.clone(source, req.body, {
            authorize: async (stored, copy, copyCluster) => {
              await authorizer.require(creds, omeResourceReadPermission, asItem(source.cluster, stored));
              await authorizer.require(creds, omeResourceCreatePermission, asItem(copyCluster, copy));
            },
          });
        },
      );
      res.status(201).json(result);
    },
    import: async (_route, req, res) => {
      const creds = await credentials(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const cluster = body.cluster;
      const result = await audited(
        'resource-import',
        req,
        {
          cluster: typeof cluster === 'string' ? cluster : undefined,
          namespace: typeof body.namespace === 'string' ? body.namespace : undefined,
          dryRun: body.dryRun === true,
        },
        async () => {
          const mayCreate = await authorizer.requireAny(creds, omeResourceCreatePermission);
          const mayUpdate = await authorizer.filter(creds, omeResourceUpdatePermission);
          if (typeof cluster === 'string' && cluster) await knownClusters([cluster]);
          return importer.import(req.body, {
            mayCreate: object => mayCreate(asItem(String(cluster), object)),
            // Namespaces are not OME objects: only an unconditional create right covers them.
            mayCreateNamespace: mayCreate.unconditional,
            mayUpdate: (before, after) =>
              mayUpdate(asItem(String(cluster), before)) && mayUpdate(asItem(String(cluster), after)),
          });
        },
        r => ({
          applied: r.applied,
          documents: r.results.map(d => `${d.kind ?? '?'}/${d.namespace ? `${d.namespace}/` : ''}${d.name ?? '?'}=${d.outcome}`).join(' '),
        }),
      );
      res.json(result);
    },
  };

  /** The acting user of a request, for impersonation (service principals act as the plugin). */
  async function actingUser(req: Request): Promise<ActingUser | undefined> {
    if (!options.impersonating) return undefined;
    const creds = await credentials(req);
    if (creds.principal.type !== 'user') return undefined;
    const info = await options.userInfo.getUserInfo(creds);
    return {
      userEntityRef: info.userEntityRef,
      ownershipEntityRefs: info.ownershipEntityRefs,
    };
  }

  const router = Router();
  router.use(express.json({ limit: BODY_LIMIT }));
  for (const route of omeRoutes()) {
    const handle = handlers[route.handler];
    router[route.method](route.expressPath, async (req: Request, res: Response) => {
      const actor = route.handler === 'health' ? undefined : await actingUser(req);
      // Every cluster request made for this request acts as `actor` (impersonated where
      // configured); without one, as the OME backend itself.
      await KubernetesProxyClient.runAs(actor, () => handle(route, req, res));
    });
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
