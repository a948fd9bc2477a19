import {
  OmeListResponse,
  omeResourceDeletePermission,
  omeResourceReadPermission,
  omeResourceUpdatePermission,
} from '@ome-console/plugin-ome-common';
import { NotAllowedError } from '@backstage/errors';
import { applyListQuery, parseListQuery } from '../service/listQuery';
import {
  OmeApiRouter,
  OmeRouteContext,
  credentialsOf,
  kindOfPlural,
  objectRefOf,
  reply,
} from './context';
import { OmeObjectRef, formatOmeResourceRef } from '@ome-console/plugin-ome-common';

/** Reads: the cross-cluster list of a kind and one object. */
export function registerResourceRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  const { authorizer, clusters, resources } = ctx;

  router.get('/:plural', async (req, res) => {
    const kind = kindOfPlural(req.params.plural);
    const credentials = await credentialsOf(ctx, req);
    // One decision call for reading the list and the actions on its items.
    const [mayRead, mayUpdate, mayDelete] = await authorizer.decide(credentials, [
      omeResourceReadPermission,
      omeResourceUpdatePermission,
      omeResourceDeletePermission,
    ]);
    if (mayRead.denied) {
      throw new NotAllowedError(`Not allowed: ${omeResourceReadPermission.name}`);
    }
    const query = parseListQuery(kind, req.query as Record<string, unknown>);
    const result = await resources.list(kind, {
      clusters: await clusters.known(query.cluster),
      labelSelector: query.labelSelector,
      namespaces: query.namespace,
    });
    const page = applyListQuery(kind, result.items.filter(mayRead), query);
    const body: OmeListResponse = {
      items: page.items.map(item => ({
        ...item,
        actions: { update: mayUpdate(item), delete: mayDelete(item) },
      })),
      totalCount: page.totalCount,
      offset: query.offset ?? 0,
      ...(query.limit !== undefined && { limit: query.limit }),
      stats: page.stats,
      errors: result.errors,
      notInstalled: result.notInstalled,
    };
    reply(res, body);
  });

  const getOne = async (ref: OmeObjectRef, req: object) => {
    const credentials = await credentialsOf(ctx, req);
    const [mayRead, mayUpdate, mayDelete] = await authorizer.decide(credentials, [
      omeResourceReadPermission,
      omeResourceUpdatePermission,
      omeResourceDeletePermission,
    ]);
    if (mayRead.denied) {
      throw new NotAllowedError(`Not allowed: ${omeResourceReadPermission.name}`);
    }
    // 404 for a missing object first; then the decision on the object in hand.
    const item = await resources.getOrThrow(ref);
    if (!mayRead(item)) {
      throw new NotAllowedError(
        `Not allowed: ${omeResourceReadPermission.name} on ${formatOmeResourceRef(ref)}`,
      );
    }
    return { ...item, actions: { update: mayUpdate(item), delete: mayDelete(item) } };
  };

  router.get('/clusters/:cluster/:clusterPlural/:name', async (req, res) => {
    reply(res, await getOne(objectRefOf(req.params), req));
  });

  router.get(
    '/clusters/:cluster/namespaces/:namespace/:namespacedPlural/:name',
    async (req, res) => {
      reply(res, await getOne(objectRefOf(req.params), req));
    },
  );
}
