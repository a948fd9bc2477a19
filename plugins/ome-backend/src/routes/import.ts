import { OmeApiRouter, OmeRouteContext, credentialsOf, dryRunOf, reply,
} from './context';

/** `/import`: a multi-document YAML, all or nothing, audited, with `?dryRun=true`. */
export function registerImportRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  router.post('/import', async (req, res) => {
    const credentials = await credentialsOf(ctx, req);
    const dryRun = dryRunOf(req.query);
    const { cluster, namespace, yaml } = req.body;
    const result = await ctx.auditor.audited(
      'resource-import',
      req,
      { cluster, namespace, dryRun },
      async () => {
        await ctx.clusters.known([cluster]);
        const rights = await ctx.authorizer.importRights(credentials, cluster);
        return ctx.importer.import({ cluster, namespace, yaml, dryRun }, rights);
      },
      r => ({
        applied: r.applied,
        documents: r.results
          .map(
            d =>
              `${d.kind ?? '?'}/${d.namespace ? `${d.namespace}/` : ''}${d.name ?? '?'}=${d.outcome}`,
          )
          .join(' '),
      }),
    );
    reply(res, result);
  });
}
