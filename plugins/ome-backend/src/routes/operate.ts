import {
  OmeListItem,
  OmeObjectRef,
  omeResourceOperationalReadPermission,
  omeResourceReadPermission,
} from '@ome-console/plugin-ome-common';
import { Response } from 'express';
import { Readable } from 'node:stream';
import { OperateService } from '../service/OperateService';
import { OmeApiRouter, OmeRouteContext, credentialsOf, reply } from './context';

/**
 * The operate views: pods, events and container logs of an InferenceService and the download
 * progress of a model. Each decides `ome.resource.operational.read` on the service or model
 * the data belongs to (403 when denied outright before any cluster is asked; then 404 for a
 * missing object, 403 for one outside the caller's scope).
 */
export function registerOperateRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
  operate: OperateService,
): void {
  const { authorizer, resources } = ctx;
  const permission = omeResourceOperationalReadPermission;

  /** The object in hand once the caller may see its operational data. */
  const authorizedObject = async (req: object, ref: OmeObjectRef) => {
    const credentials = await credentialsOf(ctx, req);
    const decision = await authorizer.requireAny(credentials, permission);
    const item = await resources.getOrThrow(ref);
    authorizer.assertAllowed(permission, decision, item);
    return { item, credentials };
  };

  const serviceOf = (params: {
    cluster: string;
    namespace: string;
    name: string;
  }) => ({
    cluster: params.cluster,
    namespace: params.namespace,
    name: params.name,
  });
  const isvcRef = (params: {
    cluster: string;
    namespace: string;
    name: string;
  }): OmeObjectRef => ({ ...serviceOf(params), kind: 'InferenceService' });

  router.get(
    '/clusters/:cluster/namespaces/:namespace/inferenceservices/:name/pods',
    async (req, res) => {
      await authorizedObject(req, isvcRef(req.params));
      reply(res, { items: await operate.pods(serviceOf(req.params)) });
    },
  );

  router.get(
    '/clusters/:cluster/namespaces/:namespace/inferenceservices/:name/events',
    async (req, res) => {
      await authorizedObject(req, isvcRef(req.params));
      reply(res, { items: await operate.events(serviceOf(req.params)) });
    },
  );

  router.get(
    '/clusters/:cluster/namespaces/:namespace/inferenceservices/:name/pods/:pod/log',
    async (req, res) => {
      await authorizedObject(req, isvcRef(req.params));
      const q = req.query as Record<string, unknown>;
      const flag = (v: unknown) => String(v) === 'true';
      // the client leaving ends the upstream request (a followed log would run on otherwise)
      const upstream = new AbortController();
      (res as unknown as Response).on('close', () => upstream.abort());
      const answer = await operate.openLog(
        serviceOf(req.params),
        req.params.pod,
        {
          ...(typeof q.container === 'string' && { container: q.container }),
          ...(q.tailLines !== undefined && { tailLines: Number(q.tailLines) }),
          follow: flag(q.follow),
          timestamps: flag(q.timestamps),
          previous: flag(q.previous),
        },
        upstream.signal,
      );
      await streamText(res as unknown as Response, answer, upstream);
    },
  );

  const modelProgress = async (req: object, ref: OmeObjectRef) => {
    const { item, credentials } = await authorizedObject(req, ref);
    // the services shown are those the caller may read
    const mayRead = await authorizer.filter(
      credentials,
      omeResourceReadPermission,
    );
    return operate.modelProgress(item, (i: OmeListItem) => mayRead(i));
  };

  router.get(
    '/clusters/:cluster/clusterbasemodels/:name/progress',
    async (req, res) => {
      reply(
        res,
        await modelProgress(req, {
          cluster: req.params.cluster,
          kind: 'ClusterBaseModel',
          name: req.params.name,
        }),
      );
    },
  );

  router.get(
    '/clusters/:cluster/namespaces/:namespace/basemodels/:name/progress',
    async (req, res) => {
      reply(
        res,
        await modelProgress(req, {
          cluster: req.params.cluster,
          kind: 'BaseModel',
          namespace: req.params.namespace,
          name: req.params.name,
        }),
      );
    },
  );
}

/**
 * Copies a log answer to the client as it arrives: plain text, not compressed
 * (`no-transform` keeps Backstage's compression away, which would buffer it), each chunk
 * written at once. Ends when the cluster ends the log or the client leaves.
 */
async function streamText(
  res: Response,
  answer: globalThis.Response,
  upstream: AbortController,
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  if (!answer.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(
    answer.body as unknown as import('node:stream/web').ReadableStream,
  );
  await new Promise<void>(resolve => {
    const finish = () => {
      if (!res.writableEnded) res.end();
      resolve();
    };
    body.on('data', chunk => res.write(chunk));
    body.on('end', finish);
    body.on('error', finish);
    res.on('close', () => {
      upstream.abort();
      body.destroy();
      resolve();
    });
  });
}
