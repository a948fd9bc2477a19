import { omeResourceReadPermission } from '@ome-console/plugin-ome-common';
import { OmeApiRouter, OmeRouteContext, credentialsOf, listOf, reply,
} from './context';

/** `/counts`: per kind, cluster and state, what the caller may read (for the overview). */
export function registerCountRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  router.get('/counts', async (req, res) => {
    const credentials = await credentialsOf(ctx, req);
    const mayRead = await ctx.authorizer.requireAny(credentials, omeResourceReadPermission);
    const clusters = await ctx.clusters.known(listOf(req.query.cluster));
    reply(res, { items: await ctx.resources.counts(mayRead, { clusters }) });
  });
}
