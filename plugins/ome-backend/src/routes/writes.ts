import {
  KubernetesObject,
  OmeKind,
  omeResourceCreatePermission,
  omeResourceDeletePermission,
  omeResourceReadPermission,
  omeResourceUpdatePermission,
} from '@ome-console/plugin-ome-common';
import {
  OmeApiRouter,
  OmeRouteContext,
  asItem,
  credentialsOf,
  dryRunOf,
  kindOfPlural,
  objectRefOf,
  created,
  reply,
} from './context';

/** What the shared write handlers read of a (validated) request. */
interface WriteRequest {
  query: { dryRun?: unknown; resourceVersion?: string };
  body?: unknown;
}

/** Create, update, delete and clone; each one audited, each one with `?dryRun=true`. */
export function registerWriteRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  const { authorizer, auditor, writer } = ctx;

  const create = async (
    req: WriteRequest,
    place: { cluster: string; kind: OmeKind; namespace?: string },
  ) => {
    const credentials = await credentialsOf(ctx, req);
    const dryRun = dryRunOf(req.query);
    const name = (req.body as { metadata?: { name?: unknown } })?.metadata
      ?.name;
    return auditor.audited(
      'resource-create',
      req,
      { ...place, name: typeof name === 'string' ? name : undefined, dryRun },
      () => ctx.access.create(credentials, place, req.body, { dryRun }),
      r => ({ changed: r.changed }),
    );
  };

  router.post('/clusters/:cluster/:clusterPlural', async (req, res) => {
    const { cluster, clusterPlural } = req.params;
    created(
      res,
      await create(req, { cluster, kind: kindOfPlural(clusterPlural) }),
    );
  });
  router.post(
    '/clusters/:cluster/namespaces/:namespace/:namespacedPlural',
    async (req, res) => {
      const { cluster, namespace, namespacedPlural } = req.params;
      created(
        res,
        await create(req, {
          cluster,
          kind: kindOfPlural(namespacedPlural),
          namespace,
        }),
      );
    },
  );

  const update = async (
    req: WriteRequest,
    params: Parameters<typeof objectRefOf>[0],
  ) => {
    const credentials = await credentialsOf(ctx, req);
    const ref = objectRefOf(params);
    const dryRun = dryRunOf(req.query);
    return auditor.audited(
      'resource-update',
      req,
      { ...ref, dryRun },
      async () => {
        const mayUpdate = await authorizer.requireAny(
          credentials,
          omeResourceUpdatePermission,
        );
        return writer.update(ref, req.body, {
          dryRun,
          // Allowed for the object as it is and as it will be: a relabel cannot move it into
          // (or out of) someone's scope.
          authorize: async (before, after) =>
            authorizer.assertAllowed(
              omeResourceUpdatePermission,
              mayUpdate,
              asItem(ref.cluster, before),
              asItem(ref.cluster, after),
            ),
        });
      },
      r => ({
        changed: r.changed,
        changedPaths: r.patch.map(p => p.path).join(' '),
      }),
    );
  };
  router.put('/clusters/:cluster/:clusterPlural/:name', async (req, res) => {
    reply(res, await update(req, req.params));
  });
  router.put(
    '/clusters/:cluster/namespaces/:namespace/:namespacedPlural/:name',
    async (req, res) => {
      reply(res, await update(req, req.params));
    },
  );

  const remove = async (
    req: WriteRequest,
    params: Parameters<typeof objectRefOf>[0],
  ) => {
    const credentials = await credentialsOf(ctx, req);
    const ref = objectRefOf(params);
    const dryRun = dryRunOf(req.query);
    const resourceVersion = req.query.resourceVersion as string | undefined;
    return auditor.audited(
      'resource-delete',
      req,
      { ...ref, dryRun },
      async () => {
        const mayDelete = await authorizer.requireAny(
          credentials,
          omeResourceDeletePermission,
        );
        let deleted: KubernetesObject | undefined;
        const result = await writer.delete(ref, {
          dryRun,
          resourceVersion,
          // Decided on the stored object, once it is known to exist (else 404).
          authorize: async stored => {
            authorizer.assertAllowed(
              omeResourceDeletePermission,
              mayDelete,
              asItem(ref.cluster, stored),
            );
            deleted = stored;
          },
        });
        // Nothing collects garbage for the hub-token Secret the console made with a
        // HuggingFace import: it goes with its model when no other model names it.
        if (!dryRun && deleted) {
          // The model is gone either way; a Secret left behind is reported by nobody but
          // harms nothing, so its clean-up never fails the delete.
          await ctx.hubTokens
            .deleteIfUnused(ref.cluster, deleted)
            .catch(() => undefined);
        }
        return result;
      },
    );
  };
  router.delete('/clusters/:cluster/:clusterPlural/:name', async (req, res) => {
    reply(res, await remove(req, req.params));
  });
  router.delete(
    '/clusters/:cluster/namespaces/:namespace/:namespacedPlural/:name',
    async (req, res) => {
      reply(res, await remove(req, req.params));
    },
  );

  const clone = async (
    req: WriteRequest,
    params: Parameters<typeof objectRefOf>[0],
  ) => {
    const credentials = await credentialsOf(ctx, req);
    const source = objectRefOf(params);
    const dryRun = dryRunOf(req.query);
    const request = req.body as {
      name: string;
      cluster?: string;
      namespace?: string;
    };
    return auditor.audited(
      'resource-clone',
      req,
      {
        ...source,
        copyName: request.name,
        copyCluster: request.cluster,
        copyNamespace: request.namespace,
        dryRun,
      },
      async () => {
        const [mayRead, mayCreate] = await authorizer.decide(credentials, [
          omeResourceReadPermission,
          omeResourceCreatePermission,
        ]);
        authorizer.assertNotDenied(omeResourceCreatePermission, mayCreate);
        return writer.clone(source, request, {
          dryRun,
          authorize: async (stored, copy, copyCluster) => {
            authorizer.assertAllowed(
              omeResourceReadPermission,
              mayRead,
              asItem(source.cluster, stored),
            );
            authorizer.assertAllowed(
              omeResourceCreatePermission,
              mayCreate,
              asItem(copyCluster, copy),
            );
          },
        });
      },
    );
  };
  router.post(
    '/clusters/:cluster/:clusterPlural/:name/clone',
    async (req, res) => {
      created(res, await clone(req, req.params));
    },
  );
  router.post(
    '/clusters/:cluster/namespaces/:namespace/:namespacedPlural/:name/clone',
    async (req, res) => {
      created(res, await clone(req, req.params));
    },
  );
}
