import {
  OmeListItem,
  OmeListResponse,
  OmeObjectRef,
  omeResourceDeletePermission,
  omeResourceUpdatePermission,
} from '@ome-console/plugin-ome-common';
import { OmeDecision } from '../service/authorization';
import { applyListQuery, parseListQuery } from '../service/listQuery';
import {
  OmeApiRouter,
  OmeRouteContext,
  credentialsOf,
  kindOfPlural,
  objectRefOf,
  reply,
} from './context';

/** Reads: the cross-cluster list of a kind and one object. */
export function registerResourceRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  const { access } = ctx;
  const ACTIONS = [omeResourceUpdatePermission, omeResourceDeletePermission];

  /** The actions offered on what is read, from the decisions made with the read. */
  const actionsOf =
    ([mayUpdate, mayDelete]: OmeDecision[]) =>
    (item: OmeListItem) => ({
      update: mayUpdate(item),
      delete: mayDelete(item),
    });

  router.get('/:plural', async (req, res) => {
    const kind = kindOfPlural(req.params.plural);
    const credentials = await credentialsOf(ctx, req);
    const query = parseListQuery(kind, req.query as Record<string, unknown>);
    const result = await access.listReadable(
      credentials,
      kind,
      {
        clusters: query.cluster,
        labelSelector: query.labelSelector,
        namespaces: query.namespace,
      },
      ACTIONS,
    );
    const actionsOn = actionsOf(result.others);
    const page = applyListQuery(kind, result.items, query);
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
    const { item, others } = await access.readable(
      await credentialsOf(ctx, req),
      ref,
      ACTIONS,
    );
    return { ...item, actions: actionsOf(others)(item) };
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
