import {
  OmeApiRouter,
  OmeRouteContext,
  credentialsOf,
  dryRunOf,
  reply,
} from './context';

/**
 * `/import`: a multi-document YAML, pasted or read from a URL, all or nothing, audited, with
 * `?dryRun=true`.
 */
export function registerImportRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  router.post('/import', async (req, res) => {
    const credentials = await credentialsOf(ctx, req);
    const dryRun = dryRunOf(req.query);
    const { cluster, namespace, url } = req.body;
    const result = await ctx.auditor.audited(
      'resource-import',
      req,
      { cluster, namespace, dryRun, ...(url !== undefined && { url }) },
      async () => {
        await ctx.clusters.known([cluster]);
        // decided before anything is read: a caller who may import nothing reads nothing
        const rights = await ctx.authorizer.importRights(credentials, cluster);
        const { yaml, field } = await ctx.importSources.importText(req.body);
        return ctx.importer.import(
          { cluster, namespace, yaml, dryRun, field },
          rights,
        );
      },
      r => ({
        applied: r.applied,
        documents: r.results
          .map(
            d =>
              `${d.kind ?? '?'}/${d.namespace ? `${d.namespace}/` : ''}${
                d.name ?? '?'
              }=${d.outcome}`,
          )
          .join(' '),
      }),
    );
    reply(res, result);
  });
}
