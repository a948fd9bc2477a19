import {
  OmeKind,
  OmeStreamSubscription,
  omeKindByPlural,
  omeResourceReadPermission,
} from '@ome-console/plugin-ome-common';
import { Request, Response } from 'express';
import { OmeEventHub } from '../service/events/OmeEventHub';
import { OmeEventSink } from '../service/events/sse';
import { OmeApiRouter, OmeRouteContext, credentialsOf, listOf } from './context';

/** How often an open stream's read decision is taken again (policies and labels change). */
const DECISION_REFRESH_MS = 30_000;

/** The subscription a request's query names (the validator has checked the plurals). */
function subscriptionOf(query: Record<string, unknown>): OmeStreamSubscription {
  const kinds = listOf(query.kind)
    ?.map(plural => omeKindByPlural(plural)?.kind)
    .filter((k): k is OmeKind => !!k);
  return {
    ...(kinds?.length && { kinds }),
    ...(listOf(query.cluster) && { clusters: listOf(query.cluster) }),
    ...(listOf(query.namespace) && { namespaces: listOf(query.namespace) }),
  };
}

/** An HTTP response as an event sink: each frame written and flushed at once. */
function responseSink(res: Response): OmeEventSink {
  const flush = () => (res as Response & { flush?: () => void }).flush?.();
  return {
    write(frame) {
      const ok = res.write(frame);
      // Backstage's root router compresses; `no-transform` keeps it out, and when a
      // compression middleware is there anyway, flush pushes the frame through it.
      flush();
      return ok;
    },
    onDrain(listener) {
      res.on('drain', listener);
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}

/**
 * `GET /events`: the change stream of one browser tab (server-sent events over fetch).
 * A tab changes what it follows by opening a new stream with the union of what it shows
 * and its last event id; the old one is closed. Nothing is replayed unless asked with
 * `Last-Event-ID`.
 */
export function registerEventRoutes(
  router: OmeApiRouter,
  ctx: OmeRouteContext,
  hub: OmeEventHub,
): void {
  router.get('/events', async (req, res) => {
    const request = req as unknown as Request;
    const response = res as unknown as Response;
    const credentials = await credentialsOf(ctx, req);
    const mayRead = await ctx.authorizer.requireAny(
      credentials,
      omeResourceReadPermission,
    );
    response.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    request.socket.setNoDelay(true);
    const connection = hub.connect({
      mayRead,
      subscription: subscriptionOf(req.query as Record<string, unknown>),
      sink: responseSink(response),
      lastEventId: request.header('last-event-id') ?? undefined,
    });
    const refresh = setInterval(async () => {
      try {
        connection.setReadDecision(
          await ctx.authorizer.requireAny(
            credentials,
            omeResourceReadPermission,
          ),
        );
      } catch {
        // No longer allowed to read anything (or the decision failed): end the stream;
        // the client's reconnect is then decided afresh.
        hub.disconnect(connection);
      }
    }, DECISION_REFRESH_MS);
    refresh.unref?.();
    // The stream ends with the caller's token; the client reconnects with a fresh one.
    const expiry = credentials.expiresAt
      ? setTimeout(
          () => hub.disconnect(connection),
          Math.max(0, credentials.expiresAt.getTime() - Date.now()),
        )
      : undefined;
    expiry?.unref?.();
    response.on('close', () => {
      clearInterval(refresh);
      if (expiry) clearTimeout(expiry);
      hub.disconnect(connection);
    });
  });
}
