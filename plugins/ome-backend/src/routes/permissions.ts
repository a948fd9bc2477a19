import { OmeKind } from '@ome-console/plugin-ome-common';
import { OmeApiRouter, OmeRouteContext, credentialsOf, reply,
} from './context';

/** `/permissions/create`: may the caller create this kind there (for showing create actions). */
export function registerPermissionRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  router.get('/permissions/create', async (req, res) => {
    const credentials = await credentialsOf(ctx, req);
    const { kind, cluster, namespace } = req.query;
    await ctx.clusters.known([cluster]);
    reply(res, 
      await ctx.authorizer.createDecision(credentials, {
        kind: kind as OmeKind,
        cluster,
        namespace,
      }),
    );
  });
}
