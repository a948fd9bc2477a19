import {
  OmeListItem,
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
import {
  OmeObjectRef,
  formatOmeResourceRef,
} from '@ome-console/plugin-ome-common';

/** Reads: the cross-cluster list of a kind and one object. */
export function registerResourceRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  const { authorizer, clusters, resources } = ctx;

  /**
   * One decision call for reading and for the actions offered on what is read; a caller who
   * may read nothing at all is refused before any cluster is asked.
   */
  const decideReadAndActions = async (req: object) => {
    const [mayRead, mayUpdate, mayDelete] = await authorizer.decide(
      await credentialsOf(ctx, req),
      [
        omeResourceReadPermission,
        omeResourceUpdatePermission,
        omeResourceDeletePermission,
      ],
    );
    if (mayRead.denied) {
      throw new NotAllowedError(
        `Not allowed: ${omeResourceReadPermission.name}`,
      );
    }
    return {
      mayRead,
      actionsOn: (item: OmeListItem) => ({
        update: mayUpdate(item),
        delete: mayDelete(item),
      }),
    };
  };

  router.get('/:plural', async (req, res) => {
    const kind = kindOfPlural(req.params.plural);
    const { mayRead, actionsOn } = await decideReadAndActions(req);
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
        actions: actionsOn(item),
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
    const { mayRead, actionsOn } = await decideReadAndActions(req);
    // 404 for a missing object first; then the decision on the object in hand.
    const item = await resources.getOrThrow(ref);
    if (!mayRead(item)) {
      throw new NotAllowedError(
        `Not allowed: ${
          omeResourceReadPermission.name
        } on ${formatOmeResourceRef(ref)}`,
      );
    }
    return { ...item, actions: actionsOn(item) };
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
