import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  omeOpenApiSpec,
  omeResourceReadPermission,
} from '@ome-console/plugin-ome-common';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import { NamespaceLabels } from './permissions/NamespaceLabels';
import { OmePermissionResource, OmeResourceQuery } from './permissions/rules';
import { OmeRouteContext, credentialsOf } from './routes/context';
import { registerAttentionRoutes } from './routes/attention';
import { registerClusterRoutes } from './routes/clusters';
import { registerCountRoutes } from './routes/counts';
import { registerEventRoutes } from './routes/events';
import { registerImportRoutes } from './routes/import';
import { registerHuggingFaceRoutes } from './routes/huggingface';
import { registerOperateRoutes } from './routes/operate';
import { registerPermissionRoutes } from './routes/permissions';
import { registerResourceRoutes } from './routes/resources';
import { registerRuntimeSelectionRoutes } from './routes/runtimes';
import { registerWriteRoutes } from './routes/writes';
import { AttentionService } from './service/AttentionService';
import { WriteAuditor } from './service/audit';
import { OmeAuthorizer } from './service/authorization';
import { OmeAccess } from './service/OmeAccess';
import { ClusterService } from './service/ClusterService';
import { omeErrorHandler } from './service/errorHandler';
import { OmeEventHub } from './service/events/OmeEventHub';
import { ActingUser, actingUserOf } from './service/impersonation';
import { ImportService } from './service/ImportService';
import { ImportSourceReader } from './service/ImportSourceReader';
import { HubTokenSecrets } from './service/HubTokenSecrets';
import { HuggingFaceService } from './service/HuggingFaceService';
import { KindSchemaService } from './service/KindSchemaService';
import { KubernetesProxyClient } from './service/KubernetesProxyClient';
import { OmeResourceService } from './service/OmeResourceService';
import { OmeResourceWriter } from './service/OmeResourceWriter';
import { RuntimeSelectionService } from './service/RuntimeSelectionService';
import { OperateService } from './service/OperateService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  ruleset: PermissionRuleset<OmePermissionResource, OmeResourceQuery, string>;
  clusters: ClusterService;
  resources: OmeResourceService;
  writer: OmeResourceWriter;
  importer: ImportService;
  importSources: ImportSourceReader;
  schemas: KindSchemaService;
  huggingFace: HuggingFaceService;
  hubTokens: HubTokenSecrets;
  namespaceLabels: NamespaceLabels;
  /** Pods, events, logs and model progress (the operate views). */
  operate: OperateService;
  auditor: AuditorService;
  userInfo: UserInfoService;
  /** Whether any cluster impersonates users (then the acting user is resolved per request). */
  impersonating?: boolean;
  config: RootConfigService;
  logger: LoggerService;
  /** The browser change stream's hub (`GET /events`); without one the stream carries heartbeats only. */
  events?: OmeEventHub;
}

/** Bodies of import requests can hold many large runtimes. */
const BODY_LIMIT = '10mb';

/**
 * The OME backend's router. Every request is first validated against the OpenAPI document
 * in ome-common (an undocumented query parameter or a body that breaks its schema is a 400
 * before any handler runs); each route group registers its typed handlers.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const authorizer = new OmeAuthorizer(options);
  const ctx: OmeRouteContext = {
    httpAuth: options.httpAuth,
    authorizer,
    access: new OmeAccess({
      authorizer,
      clusters: options.clusters,
      resources: options.resources,
      writer: options.writer,
    }),
    auditor: new WriteAuditor(options.auditor),
    clusters: options.clusters,
    resources: options.resources,
    writer: options.writer,
    importer: options.importer,
    importSources: options.importSources,
    schemas: options.schemas,
    selection: new RuntimeSelectionService({ resources: options.resources }),

    huggingFace: options.huggingFace,
    hubTokens: options.hubTokens,
    permissions: options.permissions,
    attention: new AttentionService({ resources: options.resources }),
  };

  const api = createValidatedOpenApiRouter(omeOpenApiSpec, {
    middleware: [express.json({ limit: BODY_LIMIT })],
  });
  // Fixed paths before `/{plural}`: Express tries routes in the order they are added.
  registerClusterRoutes(api, ctx);
  registerPermissionRoutes(api, ctx);
  registerCountRoutes(api, ctx);
  registerEventRoutes(api, ctx, options.events ?? new OmeEventHub());
  registerAttentionRoutes(api, ctx);
  registerImportRoutes(api, ctx);
  registerRuntimeSelectionRoutes(api, ctx);

  registerHuggingFaceRoutes(api, ctx);
  registerOperateRoutes(api, ctx, options.operate);
  registerResourceRoutes(api, ctx);
  registerWriteRoutes(api, ctx);

  /** The acting user of a request, for impersonation (service principals act as the plugin). */
  async function actingUser(req: Request): Promise<ActingUser | undefined> {
    if (!options.impersonating || req.path === '/health') return undefined;
    return actingUserOf(options.userInfo, await credentialsOf(ctx, req));
  }

  const router = Router();
  // Every cluster request made for this request acts as its user (impersonated where
  // configured); without one, as the OME backend itself.
  router.use(async (req: Request, _res: Response, next: NextFunction) => {
    const actor = await actingUser(req);
    KubernetesProxyClient.runAs(actor, () => next());
  });
  // The document is served by the validating router; reading it takes a read decision.
  router.get(
    '/openapi.json',
    async (req: Request, _res: Response, next: NextFunction) => {
      await authorizer.requireAny(
        await credentialsOf(ctx, req),
        omeResourceReadPermission,
      );
      next();
    },
  );
  router.use(api);
  router.use(omeErrorHandler());
  router.use(
    MiddlewareFactory.create({
      config: options.config,
      logger: options.logger,
    }).error(),
  );
  return router;
}
