/*
 * A test client of the OME backend's change stream (GET /api/ome/events): reads the
 * server-sent events over fetch, as the browser does, and lets a test wait for a frame.
 */
import { mockCredentials } from '@backstage/backend-test-utils';

/** One server-sent event as the stream sends it (`data` parsed). */
export interface EventFrame {
  event: string;
  id: string;
  data: any;
}

export interface EventStream {
  /** Every frame received so far, in order. */
  frames: EventFrame[];
  /** The response (headers) once the stream is open. */
  opened: Promise<Response>;
  /** Waits until a frame matching `predicate` has arrived; returns it. Throws if the stream ends first. */
  next(predicate: (frame: EventFrame) => boolean): Promise<EventFrame>;
  /** Whether the stream has ended (closed by either side, or failed). */
  ended(): boolean;
  /** Ends the stream; resolves when reading has stopped. */
  close(): Promise<void>;
}

/**
 * Opens GET `${base}/api/ome/events?${query}` as `user` (a mock user token), resuming after
 * `lastEventId` when given.
 */
export function openEventStream(options: {
  base: string;
  user: string;
  query: string;
  lastEventId?: string;
}): EventStream {
  const { base, user, query, lastEventId } = options;
  const frames: EventFrame[] = [];
  const controller = new AbortController();
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of waiters) w();
    waiters.clear();
  };
  const arrival = () => new Promise<void>(r => waiters.add(r));
  let ended = false;
  let failure: unknown;
  const opened = fetch(`${base}/api/ome/events?${query}`, {
    headers: {
      Authorization: mockCredentials.user.header(user),
      ...(lastEventId && { 'Last-Event-ID': lastEventId }),
    },
    signal: controller.signal,
  });
  const done = (async () => {
    const res = await opened;
    if (res.status !== 200)
      throw new Error(`events: ${res.status} ${await res.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const fields = Object.fromEntries(
          block
            .split('\n')
            .map(l => [
              l.slice(0, l.indexOf(':')),
              l.slice(l.indexOf(':') + 2),
            ]),
        );
        frames.push({
          event: fields.event,
          id: fields.id,
          data: JSON.parse(fields.data),
        });
      }
      wake();
    }
  })()
    .catch(e => {
      if (!controller.signal.aborted) failure = e;
    })
    .finally(() => {
      ended = true;
      wake();
    });
  return {
    frames,
    opened,
    ended: () => ended,
    async next(predicate) {
      // bounded by the stream: each pass waits for a new chunk or the end
      for (;;) {
        const found = frames.find(predicate);
        if (found) return found;
        if (ended) {
          throw (
            failure ?? new Error('the stream ended before the awaited event')
          );
        }
        await arrival();
      }
    },
    close() {
      controller.abort();
      return done;
    },
  };
}
