import { omeResourceReadPermission } from '@ome-console/plugin-ome-common';
import {
  OmeApiRouter,
  OmeRouteContext,
  credentialsOf,
  listOf,
  reply,
} from './context';

/**
 * `/attention`: the dashboard's "needs attention" list, over what the caller may read (one
 * conditional read decision applied to every object, as lists do).
 */
export function registerAttentionRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  router.get('/attention', async (req, res) => {
    const credentials = await credentialsOf(ctx, req);
    const mayRead = await ctx.authorizer.requireAny(
      credentials,
      omeResourceReadPermission,
    );
    const clusters = await ctx.clusters.known(listOf(req.query.cluster));
    reply(res, await ctx.attention.list(mayRead, { clusters }));
  });
}
