import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  OmeClustersResponse,
  OmeKind,
  OmeListItem,
  OmeListResponse,
  omeKindInfo,
  omeResourceReadPermission,
} from '@ome-console/plugin-ome-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { OmeResourceQuery } from './permissions/rules';
import { ClusterService } from './service/ClusterService';
import { OmeResourceService } from './service/OmeResourceService';

/**
 * The kinds with routes so far (`GET /<plural>`). The services are generic over `OME_KINDS`;
 * adding a kind here routes it.
 */
export const ROUTED_KINDS: readonly OmeKind[] = ['ClusterBaseModel'];

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  ruleset: PermissionRuleset<OmeListItem, OmeResourceQuery, string>;
  clusters: ClusterService;
  resources: OmeResourceService;
  config: RootConfigService;
  logger: LoggerService;
}

/** Reads `?cluster=a&cluster=b` (or `?cluster=a`); undefined when absent. */
function parseClusterQuery(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  if (!values.every(v => typeof v === 'string' && v.length > 0)) {
    throw new InputError(
      'query parameter cluster: must be a cluster name (repeat it for several clusters)',
    );
  }
  return [...new Set(values as string[])];
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, ruleset, clusters, resources } = options;
  const authorizeCondition = createConditionAuthorizer(ruleset);

  /**
   * Requires a user or service principal and a non-DENY decision for `permission`; returns
   * the filter a CONDITIONAL decision implies (everything passes on ALLOW).
   */
  async function authorizeCollection(
    req: Request,
    permission: ResourcePermission<'ome-resource'>,
  ): Promise<(item: OmeListItem) => boolean> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    if (decision.result === AuthorizeResult.ALLOW) {
      return () => true;
    }
    return item => authorizeCondition(decision, item);
  }

  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/clusters', async (req, res) => {
    // Any non-DENY read decision may see the cluster list: cluster names and versions are
    // not OME resources, and conditions (e.g. IS_NAMESPACE) cannot be applied to them.
    await authorizeCollection(req, omeResourceReadPermission);
    const body: OmeClustersResponse = { items: await clusters.listClusters() };
    res.json(body);
  });

  for (const kind of ROUTED_KINDS) {
    const info = omeKindInfo(kind);
    router.get(`/${info.plural}`, async (req, res) => {
      const allowed = await authorizeCollection(req, omeResourceReadPermission);
      const requested = parseClusterQuery(req.query.cluster);
      let targets: string[] | undefined;
      if (requested) {
        const known = new Set(await clusters.listClusterNames());
        const unknown = requested.filter(c => !known.has(c));
        if (unknown.length) {
          throw new InputError(
            `query parameter cluster: unknown cluster${
              unknown.length > 1 ? 's' : ''
            } ${unknown.map(c => `'${c}'`).join(', ')}`,
          );
        }
        targets = requested;
      }
      const result = await resources.list(kind, { clusters: targets });
      const body: OmeListResponse = {
        items: result.items.filter(allowed),
        errors: result.errors,
      };
      res.json(body);
    });
  }

  router.use(
    MiddlewareFactory.create({
      config: options.config,
      logger: options.logger,
    }).error(),
  );
  return router;
}
