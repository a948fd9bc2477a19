import {
  OmeChangeEvent,
  OmeStreamSubscription,
} from '@ome-console/plugin-ome-common';
import { OmeItemFilter } from '../authorization';
import { OmeHubEntry, clientEventOf } from './clientEvent';
import { OmeEventSink, sseFrame } from './sse';

/**
 * One client's stream: its read decision, its subscription, and the events not yet written,
 * coalesced per object (an object changed ten times while the client was not reading is
 * sent once, in its latest state). Frames are written as soon as the sink takes them.
 */
export class EventConnection {
  #mayRead: OmeItemFilter;
  readonly #subscription: OmeStreamSubscription;
  readonly #sink: OmeEventSink;
  readonly #maxPending: number;
  readonly #headId: () => string;
  /** Latest pending event per object key, in the order of their latest change. */
  readonly #pending = new Map<string, { id: string; event: OmeChangeEvent }>();
  #flushScheduled = false;
  #waitingForDrain = false;
  #closed = false;

  constructor(options: {
    mayRead: OmeItemFilter;
    subscription: OmeStreamSubscription;
    sink: OmeEventSink;
    maxPending: number;
    headId: () => string;
  }) {
    this.#mayRead = options.mayRead;
    this.#subscription = options.subscription;
    this.#sink = options.sink;
    this.#maxPending = options.maxPending;
    this.#headId = options.headId;
    this.#sink.onDrain(() => {
      this.#waitingForDrain = false;
      this.#flush();
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** A fresh read decision (namespace labels and policies change while a stream is open). */
  setReadDecision(mayRead: OmeItemFilter): void {
    this.#mayRead = mayRead;
  }

  /** Queues what this client is told about `entry` (nothing, when it may not know of it). */
  offer(entry: OmeHubEntry): void {
    if (this.#closed) return;
    const event = clientEventOf(entry, this.#mayRead, this.#subscription);
    if (!event) return;
    // Re-inserted at the end, so frames go out in increasing id order.
    this.#pending.delete(entry.key);
    this.#pending.set(entry.key, { id: entry.id, event });
    if (this.#pending.size > this.#maxPending) {
      // A client this far behind is better served by a refetch than by a backlog.
      this.#pending.clear();
      this.#write(sseFrame('reset', this.#headId(), { reason: 'backlog' }));
      return;
    }
    this.#scheduleFlush();
  }

  /** Writes a frame now (replay, `ready`, `reset`). */
  send(frame: string): void {
    this.#write(frame);
  }

  /** A heartbeat carrying the current position, only when nothing is pending for this client. */
  heartbeat(): void {
    if (this.#closed || this.#pending.size || this.#waitingForDrain) return;
    this.#write(sseFrame('heartbeat', this.#headId(), {}));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending.clear();
    this.#sink.end();
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled || this.#waitingForDrain) return;
    this.#flushScheduled = true;
    // Changes arriving in the same tick are coalesced before writing.
    setImmediate(() => {
      this.#flushScheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    for (const [key, { id, event }] of this.#pending) {
      if (this.#closed || this.#waitingForDrain) return;
      this.#pending.delete(key);
      this.#write(sseFrame('change', id, event));
    }
  }

  #write(frame: string): void {
    if (this.#closed) return;
    if (!this.#sink.write(frame)) this.#waitingForDrain = true;
  }
}
