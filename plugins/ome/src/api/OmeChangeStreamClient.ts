import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  OmeChangeEvent,
  OmeKind,
  omeKindInfo,
} from '@ome-console/plugin-ome-common';
import {
  OmeChangeFilter,
  OmeChangeNotice,
  OmeChangeStreamApi,
  omeChangeMatches,
} from './OmeChangeStreamApi';
import { ServerSentEventParser } from './serverSentEvents';

interface Subscriber {
  filter: OmeChangeFilter;
  listener: (notice: OmeChangeNotice) => void;
}

/** Waits `ms`, or less when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * The tab's one change stream: server-sent events read over Backstage's fetch API (which
 * adds the user's token; `EventSource` cannot send it). The connection carries the union
 * of the subscribers' kinds; when a subscriber adds a kind, a new stream is opened with the
 * last event id (so nothing is missed) and the old one closed. A dropped stream reconnects
 * with `Last-Event-ID` after a backoff (1 s doubling to 30 s, back to 1 s once connected);
 * the backend replays what was missed or answers `reset`, which every subscriber gets.
 * With no subscribers left the stream closes after a grace period (page changes re-use it).
 * @public
 */
export class OmeChangeStreamClient implements OmeChangeStreamApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;
  readonly #initialBackoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #idleCloseMs: number;
  readonly #subscribers = new Set<Subscriber>();
  /** The kinds the open stream carries. */
  #kinds = new Set<OmeKind>();
  #lastEventId: string | undefined;
  #connection: AbortController | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    initialBackoffMs?: number;
    maxBackoffMs?: number;
    idleCloseMs?: number;
  }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
    this.#initialBackoffMs = options.initialBackoffMs ?? 1000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.#idleCloseMs = options.idleCloseMs ?? 10_000;
  }

  subscribe(
    filter: OmeChangeFilter,
    listener: (notice: OmeChangeNotice) => void,
  ): () => void {
    const subscriber = { filter, listener };
    this.#subscribers.add(subscriber);
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
    if (!this.#connection || filter.kinds.some(k => !this.#kinds.has(k))) {
      this.#open();
    }
    return () => {
      this.#subscribers.delete(subscriber);
      if (!this.#subscribers.size && !this.#idleTimer) {
        this.#idleTimer = setTimeout(() => {
          this.#idleTimer = undefined;
          if (!this.#subscribers.size) this.#close();
        }, this.#idleCloseMs);
      }
    };
  }

  /** Opens a stream for the current union of kinds, replacing the open one. */
  #open(): void {
    this.#close();
    this.#kinds = new Set([...this.#subscribers].flatMap(s => s.filter.kinds));
    const connection = new AbortController();
    this.#connection = connection;
    this.#run(connection.signal, [...this.#kinds].sort());
  }

  #close(): void {
    this.#connection?.abort();
    this.#connection = undefined;
  }

  /** Connects, reads, and reconnects with backoff until `signal` aborts. */
  async #run(signal: AbortSignal, kinds: OmeKind[]): Promise<void> {
    let backoff = this.#initialBackoffMs;
    while (!signal.aborted) {
      try {
        const connected = await this.#readOnce(signal, kinds);
        if (connected) backoff = this.#initialBackoffMs;
      } catch {
        // network error or refusal: retried below
      }
      if (signal.aborted) return;
      await sleep(backoff, signal);
      backoff = Math.min(backoff * 2, this.#maxBackoffMs);
    }
  }

  /** One connection, read to its end; whether it got as far as `ready`. */
  async #readOnce(signal: AbortSignal, kinds: OmeKind[]): Promise<boolean> {
    const base = await this.#discoveryApi.getBaseUrl('ome');
    const query = new URLSearchParams();
    for (const kind of kinds) query.append('kind', omeKindInfo(kind).plural);
    const response = await this.#fetchApi.fetch(
      `${base}/events${kinds.length ? `?${query}` : ''}`,
      {
        headers: {
          Accept: 'text/event-stream',
          ...(this.#lastEventId && { 'Last-Event-ID': this.#lastEventId }),
        },
        cache: 'no-store',
        signal,
      },
    );
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`Change stream answered ${response.status}`);
    }
    const reader = response.body.getReader();
    signal.addEventListener('abort', () => reader.cancel().catch(() => {}), {
      once: true,
    });
    const decoder = new TextDecoder();
    const parser = new ServerSentEventParser();
    let connected = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal.aborted) break;
      for (const event of parser.push(
        decoder.decode(value, { stream: true }),
      )) {
        if (signal.aborted) break;
        if (event.id !== undefined) this.#lastEventId = event.id;
        if (event.event === 'ready') connected = true;
        else if (event.event === 'reset') this.#notify({ type: 'reset' });
        else if (event.event === 'change') {
          this.#dispatch(JSON.parse(event.data) as OmeChangeEvent);
        }
      }
    }
    return connected;
  }

  #dispatch(change: OmeChangeEvent): void {
    for (const s of [...this.#subscribers]) {
      if (omeChangeMatches(s.filter, change)) {
        s.listener({ type: 'change', change });
      }
    }
  }

  #notify(notice: OmeChangeNotice): void {
    for (const s of [...this.#subscribers]) s.listener(notice);
  }
}
