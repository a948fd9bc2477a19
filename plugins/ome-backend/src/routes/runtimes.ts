import { OmeObjectRef } from '@ome-console/plugin-ome-common';
import { OmeApiRouter, OmeRouteContext, credentialsOf, reply } from './context';

/**
 * Runtime selection (issue 10): for a model, the runtimes OME would pick from, ranked, with
 * the reasons for the others; for a runtime, the models it can serve. Both need read on the
 * object asked about; the answers list only what the caller may read and count the rest.
 */
export function registerRuntimeSelectionRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
): void {
  const { access, selection } = ctx;

  /** The object, if the caller may read it (404 before 403, as for a get). */
  const readable = async (ref: OmeObjectRef, req: object) =>
    access.readable(await credentialsOf(ctx, req), ref);

  router.get(
    '/clusters/:cluster/clusterbasemodels/:name/runtimes',
    async (req, res) => {
      const { cluster, name } = req.params;
      const { item, mayRead } = await readable(
        { cluster, kind: 'ClusterBaseModel', name },
        req,
      );
      const namespace = req.query.namespace as string | undefined;
      reply(res, await selection.forModel(item, mayRead, namespace));
    },
  );

  router.get(
    '/clusters/:cluster/namespaces/:namespace/basemodels/:name/runtimes',
    async (req, res) => {
      const { cluster, namespace, name } = req.params;
      const { item, mayRead } = await readable(
        { cluster, kind: 'BaseModel', namespace, name },
        req,
      );
      reply(res, await selection.forModel(item, mayRead, namespace));
    },
  );

  router.get(
    '/clusters/:cluster/clusterservingruntimes/:name/models',
    async (req, res) => {
      const { cluster, name } = req.params;
      const { item, mayRead } = await readable(
        { cluster, kind: 'ClusterServingRuntime', name },
        req,
      );
      reply(res, await selection.forRuntime(item, mayRead));
    },
  );

  router.get(
    '/clusters/:cluster/namespaces/:namespace/servingruntimes/:name/models',
    async (req, res) => {
      const { cluster, namespace, name } = req.params;
      const { item, mayRead } = await readable(
        { cluster, kind: 'ServingRuntime', namespace, name },
        req,
      );
      reply(res, await selection.forRuntime(item, mayRead));
    },
  );
}
