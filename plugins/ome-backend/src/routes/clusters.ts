import {
  OmeClustersResponse,
  omeResourceReadPermission,
} from '@ome-console/plugin-ome-common';
import {
  OmeApiRouter,
  OmeRouteContext,
  credentialsOf,
  kindOfPlural,
  listOf,
  reply,
} from './context';

/** `/health`, `/clusters`, `/namespaces` and the kinds' schemas as each cluster serves them. */
export function registerClusterRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  const { authorizer, clusters, resources, schemas } = ctx;

  router.get('/health', async (_req, res) => {
    reply(res, { status: 'ok' });
  });

  // Any non-DENY read decision may see clusters, namespaces and schemas: they are not OME
  // resources, and conditions cannot be applied to them.
  router.get('/clusters', async (req, res) => {
    await authorizer.requireAny(await credentialsOf(ctx, req), omeResourceReadPermission);
    const body: OmeClustersResponse = { items: await clusters.listClusters() };
    reply(res, body);
  });

  router.get('/namespaces', async (req, res) => {
    await authorizer.requireAny(await credentialsOf(ctx, req), omeResourceReadPermission);
    const requested = await clusters.known(listOf(req.query.cluster));
    reply(res, await resources.listNamespaces({ clusters: requested }));
  });

  router.get('/clusters/:cluster/schemas/:plural', async (req, res) => {
    await authorizer.requireAny(await credentialsOf(ctx, req), omeResourceReadPermission);
    const { cluster, plural } = req.params;
    reply(res, await schemas.get(cluster, kindOfPlural(plural)));
  });
}
