import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  omeResourceCreatePermission,
  omeResourceReadPermission,
  omeSecretCreatePermission,
} from '@ome-console/plugin-ome-common';
import {
  OmeApiRouter,
  OmeRouteContext,
  asItem,
  created,
  credentialsOf,
  dryRunOf,
  reply,
} from './context';

/**
 * `/huggingface/*`: search and inspect the configured model hub (read), import a hub model
 * as a ClusterBaseModel or BaseModel (create, decided on the object about to be created;
 * a token Secret needs `ome.secret.create` too). The token is never in a URL, an answer,
 * a log line or an audit record.
 */
export function registerHuggingFaceRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  router.get('/huggingface/models', async (req, res) => {
    const credentials = await credentialsOf(ctx, req);
    await ctx.authorizer.requireAny(credentials, omeResourceReadPermission);
    const { search, limit } = req.query;
    reply(res, {
      items: await ctx.huggingFace.search(search, Number(limit ?? 20)),
    });
  });

  router.post('/huggingface/inspect', async (req, res) => {
    const credentials = await credentialsOf(ctx, req);
    await ctx.authorizer.requireAny(credentials, omeResourceReadPermission);
    const { modelId, revision, token } = req.body;
    reply(res, await ctx.huggingFace.inspect(modelId, revision, token));
  });

  router.post('/huggingface/import', async (req, res) => {
    const credentials = await credentialsOf(ctx, req);
    const dryRun = dryRunOf(req.query);
    const body = req.body;
    const result = await ctx.auditor.audited(
      'huggingface-import',
      req,
      {
        cluster: body.cluster,
        kind: body.kind,
        namespace: body.namespace,
        name: body.name,
        modelId: body.modelId,
        withToken: !!body.token,
        dryRun,
      },
      async () => {
        await ctx.clusters.known([body.cluster]);
        const mayCreate = await ctx.authorizer.requireAny(
          credentials,
          omeResourceCreatePermission,
        );
        return ctx.huggingFace.import(body, {
          dryRun,
          authorize: async object =>
            ctx.authorizer.assertAllowed(
              omeResourceCreatePermission,
              mayCreate,
              asItem(body.cluster, object),
            ),
          authorizeSecret: async () => {
            const [decision] = await ctx.permissions.authorize(
              [{ permission: omeSecretCreatePermission }],
              { credentials },
            );
            if (decision.result !== AuthorizeResult.ALLOW) {
              throw new NotAllowedError(
                `Not allowed: ${omeSecretCreatePermission.name} (storing a hub token in a Secret)`,
              );
            }
          },
        });
      },
      r => ({
        changed: r.model.changed,
        ...(r.secret && { secret: `${r.secret.namespace}/${r.secret.name}` }),
      }),
    );
    created(res, result);
  });
}
