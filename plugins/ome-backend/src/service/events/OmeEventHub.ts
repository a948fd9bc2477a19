import { randomBytes } from 'node:crypto';
import {
  KubernetesObject,
  OmeStreamSubscription,
  omeChangeKey,
} from '@ome-console/plugin-ome-common';
import { OmeItemFilter } from '../authorization';
import { OmeCacheChange, OmeChangeFeed } from '../cache/types';
import { OmeHubEntry, clientEventOf } from './clientEvent';
import { EventConnection } from './EventConnection';
import { formatEventId, parseEventId } from './eventIds';
import { ReplayRing } from './ReplayRing';
import { OmeEventSink, sseFrame } from './sse';

/** A feed's change, possibly with the object's state before it (when the feed knows it). */
type FeedChange = OmeCacheChange & { previous?: KubernetesObject };

export interface OmeEventHubOptions {
  /** Changes kept for reconnecting clients (default 5,000). */
  replayCapacity?: number;
  /** Heartbeat interval (default 15 s, well under fetch's 300 s body timeout). */
  heartbeatMs?: number;
  /** Coalesced events one slow client may have pending before it gets `reset` (default 10,000). */
  maxPending?: number;
  /** Fixed instance id (tests); random per process by default. */
  instanceId?: string;
}

/**
 * Fans the cache's changes out to browser streams. One subscription to the feed for the
 * whole process; every change is numbered, stamped with each cluster's resourceVersion
 * and kept in a bounded replay ring; each connection filters it with its own read
 * decision and subscription. A `Last-Event-ID` of this process inside the ring gets
 * exactly the missed changes (coalesced per object); anything else gets `reset`.
 */
export class OmeEventHub {
  readonly instanceId: string;
  readonly #ring: ReplayRing<OmeHubEntry>;
  readonly #heartbeatMs: number;
  readonly #maxPending: number;
  readonly #connections = new Set<EventConnection>();
  /** Each cluster's resourceVersion as of the last change. */
  readonly #versions: Record<string, string> = {};
  /** The last state of every object seen changing, to tell a move out of scope. */
  readonly #lastSeen = new Map<string, KubernetesObject>();
  #seq = 0;
  #unsubscribe?: () => void;
  #heartbeat?: NodeJS.Timeout;

  constructor(options: OmeEventHubOptions = {}) {
    this.instanceId = options.instanceId ?? randomBytes(6).toString('hex');
    this.#ring = new ReplayRing(options.replayCapacity ?? 5000);
    this.#heartbeatMs = options.heartbeatMs ?? 15_000;
    this.#maxPending = options.maxPending ?? 10_000;
  }

  /** Subscribes to the feed (once; without one, streams carry only heartbeats) and starts the heartbeat. */
  start(feed?: OmeChangeFeed): void {
    if (this.#heartbeat) throw new Error('OmeEventHub already started');
    this.#unsubscribe = feed?.subscribe(change => this.publish(change));
    this.#heartbeat = setInterval(() => {
      for (const connection of this.#connections) connection.heartbeat();
    }, this.#heartbeatMs);
    this.#heartbeat.unref?.();
  }

  /** Unsubscribes and ends every stream (clients reconnect elsewhere and get `reset`). */
  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    for (const connection of this.#connections) connection.close();
    this.#connections.clear();
  }

  /** The id of the newest position: what a client that has seen everything holds. */
  headId(): string {
    return formatEventId({
      instance: this.instanceId,
      seq: this.#seq,
      versions: this.#versions,
    });
  }

  /** Numbers one change, keeps it for replay and offers it to every connection. */
  publish(change: FeedChange): void {
    const key = omeChangeKey(change);
    const previous = change.previous ?? this.#lastSeen.get(key);
    if (change.type === 'DELETED') this.#lastSeen.delete(key);
    else this.#lastSeen.set(key, change.object);
    this.#seq += 1;
    this.#versions[change.cluster] = change.resourceVersion;
    const entry: OmeHubEntry = {
      seq: this.#seq,
      id: this.headId(),
      key,
      change: {
        type: change.type,
        cluster: change.cluster,
        kind: change.kind,
        object: change.object,
        resourceVersion: change.resourceVersion,
      },
      ...(previous && { previous }),
    };
    this.#ring.push(entry);
    for (const connection of this.#connections) connection.offer(entry);
  }

  /**
   * Opens one client's stream: first what it missed since `lastEventId` (or `reset`), then
   * `ready`, then every change as it happens. Runs synchronously, so no change falls
   * between the replay and the live events.
   */
  connect(options: {
    mayRead: OmeItemFilter;
    subscription: OmeStreamSubscription;
    sink: OmeEventSink;
    lastEventId?: string;
  }): EventConnection {
    const connection = new EventConnection({
      mayRead: options.mayRead,
      subscription: options.subscription,
      sink: options.sink,
      maxPending: this.#maxPending,
      headId: () => this.headId(),
    });
    if (options.lastEventId) {
      const missed = this.#missedSince(options.lastEventId);
      if (missed === 'reset') {
        connection.send(
          sseFrame('reset', this.headId(), { reason: 'unknown-position' }),
        );
      } else {
        for (const entry of missed) {
          const event = clientEventOf(
            entry,
            options.mayRead,
            options.subscription,
          );
          if (event) connection.send(sseFrame('change', entry.id, event));
        }
      }
    }
    connection.send(
      sseFrame('ready', this.headId(), { instance: this.instanceId }),
    );
    this.#connections.add(connection);
    return connection;
  }

  disconnect(connection: EventConnection): void {
    this.#connections.delete(connection);
    connection.close();
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /**
   * The entries after a client's position, latest per object in id order, or `reset` when
   * the id is from another process, names a position this process never reached, or is
   * older than the ring (or the ring's entry there carries other resourceVersions).
   */
  #missedSince(lastEventId: string): OmeHubEntry[] | 'reset' {
    const position = parseEventId(lastEventId);
    if (!position || position.instance !== this.instanceId) return 'reset';
    if (position.seq > this.#seq) return 'reset';
    if (position.seq === this.#seq) {
      return formatEventId(position) === this.headId() ? [] : 'reset';
    }
    const oldest = this.#ring.oldestSeq();
    if (oldest === undefined || position.seq + 1 < oldest) return 'reset';
    if (position.seq >= oldest) {
      const at = this.#ring.get(position.seq);
      if (!at || at.id !== formatEventId(position)) return 'reset';
    }
    // Latest state per object, judged against the state before the FIRST missed change,
    // so a relabel out of scope followed by more changes still arrives as a delete.
    const latest = new Map<string, OmeHubEntry>();
    for (const entry of this.#ring.after(position.seq)) {
      const first = latest.get(entry.key);
      latest.delete(entry.key);
      latest.set(
        entry.key,
        first ? { ...entry, previous: first.previous } : entry,
      );
    }
    return [...latest.values()];
  }
}
