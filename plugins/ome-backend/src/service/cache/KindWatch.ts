import { LoggerService } from '@backstage/backend-plugin-api';
import {
  KubernetesObject,
  OmeKind,
  omeResourcePath,
} from '@ome-console/plugin-ome-common';
import { clusterFailureOf } from '../errors';
import { KubernetesProxyClient } from '../KubernetesProxyClient';
import { listAllPages } from '../listPages';
import { sanitizeObject } from '../sanitize';
import { KindStore, StoreChange, objectKey } from './KindStore';
import { ProxyStream, WatchEvent } from './ProxyStream';
import { CacheSettings, backoffMs, pause } from './settings';

/** `syncing`: never listed yet (or listing again after the CRD appeared). */
export type KindWatchState = 'syncing' | 'synced' | 'not-installed';

/**
 * How many recent versions a kind remembers as arrived: far more than a cluster writes to
 * one kind while a write waits for its own (`readYourWritesTimeoutMs`).
 */
const ARRIVED_VERSIONS = 10_000;

/** The watch answered that its resourceVersion expired (HTTP 410 or an in-stream ERROR). */
class ResourceVersionGone extends Error {}

interface Waiter {
  key: string;
  /** The version to wait for; undefined: wait for the object to be gone. */
  resourceVersion?: string;
  /** The written object's uid: another object of the same name is not it. */
  uid?: string;
  /** When it was registered (`#clock`): a list started later settles it. */
  seq: number;
  resolve: () => void;
}

/**
 * One kind in one cluster, kept current: list, then watch from the list's resourceVersion
 * with bookmarks and a bounded `timeoutSeconds`, re-watch from the last version seen,
 * relist when it expired (410, as an HTTP answer or an in-stream ERROR), reconnect with
 * backoff while the cluster fails. A relist yields only its differences to what was
 * stored. A missing CRD is `not-installed`, looked for again every `crdRecheckMs`.
 */
export class KindWatch {
  readonly cluster: string;
  readonly kind: OmeKind;
  readonly store = new KindStore();
  state: KindWatchState = 'syncing';
  /** Whether the store was ever filled by a list (its data can be served, maybe stale). */
  hasSynced = false;
  /** The last failure, while failing. */
  lastError?: string;

  readonly #client: KubernetesProxyClient;
  readonly #stream: ProxyStream;
  readonly #settings: CacheSettings;
  readonly #logger: LoggerService;
  readonly #emit: (changes: StoreChange[]) => void;
  readonly #onContact: () => void;
  readonly #onFailure: (error: unknown) => void;
  readonly #stopped = new AbortController();
  #attempt?: AbortController;
  #resourceVersion?: string;
  #relistWanted = false;
  /** Orders waiters and list starts. */
  #clock = 0;
  #waiters: Waiter[] = [];
  /**
   * `key@resourceVersion` of the versions the store took in lately (oldest first, bounded):
   * a write whose version the watch brought and a later write already replaced has arrived
   * too, and must not put its older answer back.
   */
  readonly #arrived = new Set<string>();
  #running?: Promise<void>;

  constructor(options: {
    cluster: string;
    kind: OmeKind;
    client: KubernetesProxyClient;
    stream: ProxyStream;
    settings: CacheSettings;
    logger: LoggerService;
    /** Changes taken in, in order. */
    emit: (changes: StoreChange[]) => void;
    /** The cluster answered (a list page, a watch event). */
    onContact: () => void;
    /** An attempt failed for another reason than an expired version or a missing CRD. */
    onFailure: (error: unknown) => void;
  }) {
    this.cluster = options.cluster;
    this.kind = options.kind;
    this.#client = options.client;
    this.#stream = options.stream;
    this.#settings = options.settings;
    this.#logger = options.logger;
    this.#emit = options.emit;
    this.#onContact = options.onContact;
    this.#onFailure = options.onFailure;
  }

  start(): void {
    this.#running ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped.abort();
    for (const w of this.#waiters) w.resolve();
    this.#waiters = [];
    await this.#running;
  }

  /** Lists again now (after the cluster was down: whatever the watch missed is found). */
  relist(): void {
    this.#relistWanted = true;
    this.#attempt?.abort();
  }

  async #run(): Promise<void> {
    let failures = 0;
    while (!this.#stopped.signal.aborted) {
      const attempt = new AbortController();
      this.#attempt = attempt;
      const signal = AbortSignal.any([attempt.signal, this.#stopped.signal]);
      try {
        if (this.#relistWanted || !this.#resourceVersion) {
          await this.#list(signal);
        }
        await this.#watch(signal);
        failures = 0;
        this.lastError = undefined;
      } catch (error) {
        if (signal.aborted) continue; // stopped, or asked to relist
        if (error instanceof ResourceVersionGone) {
          this.#resourceVersion = undefined;
          continue;
        }
        const failure = clusterFailureOf(error);
        if (failure?.statusCode === 410) {
          this.#resourceVersion = undefined;
          continue;
        }
        if (failure?.reason === 'not-installed') {
          failures = 0;
          this.lastError = undefined;
          this.#notInstalled();
          await pause(this.#settings.crdRecheckMs, signal);
          continue;
        }
        failures += 1;
        this.lastError = (error as Error)?.message ?? String(error);
        if (failures === 1) {
          this.#logger.warn(
            `OME cache: ${this.kind} on cluster '${this.cluster}': ${this.lastError}`,
          );
        }
        this.#onFailure(error);
        await pause(backoffMs(failures, this.#settings.maxBackoffMs), signal);
      }
    }
  }

  /** The CRD is gone (or never was): what was stored is gone with it. */
  #notInstalled(): void {
    const changes = this.store.clear(this.#resourceVersion ?? '');
    this.#resourceVersion = undefined;
    this.state = 'not-installed';
    this.hasSynced = false;
    this.#take(changes);
    for (const w of this.#waiters) w.resolve();
    this.#waiters = [];
  }

  async #list(signal: AbortSignal): Promise<void> {
    const started = ++this.#clock;
    const { items, resourceVersion } = await listAllPages(
      this.#client,
      this.cluster,
      this.kind,
      { asPlugin: true, signal },
    );
    signal.throwIfAborted();
    this.#onContact();
    const listVersion = resourceVersion ?? '';
    const changes = this.store.replace(
      items.map(o => sanitizeObject(this.kind, o)),
      listVersion,
    );
    this.#resourceVersion = resourceVersion;
    this.#relistWanted = false;
    this.state = 'synced';
    this.hasSynced = true;
    this.#take(changes);
    // A list started after a write completed holds that write (or something newer).
    this.#settle(w => w.seq < started);
  }

  async #watch(signal: AbortSignal): Promise<void> {
    const query = new URLSearchParams({
      watch: '1',
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(this.#settings.watchTimeoutSeconds),
      resourceVersion: this.#resourceVersion ?? '',
    });
    await this.#stream.watch(
      this.cluster,
      `${omeResourcePath(this.kind)}?${query}`,
      {
        signal,
        idleMs: (this.#settings.watchTimeoutSeconds + 30) * 1000,
        onEvent: event => this.#onEvent(event),
      },
    );
  }

  #onEvent(event: WatchEvent): void {
    const object = event.object;
    const version = object?.metadata?.resourceVersion;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        this.#take([this.store.put(sanitizeObject(this.kind, object))]);
        break;
      case 'DELETED':
        this.#take([this.store.remove(object, version)]);
        break;
      case 'BOOKMARK':
        break;
      case 'ERROR':
        if (object?.code === 410) {
          throw new ResourceVersionGone(object.message ?? 'Gone');
        }
        throw new Error(
          `watch of ${this.kind} failed: ${
            object?.message ?? JSON.stringify(object)
          }`,
        );
      default:
        return;
    }
    if (version) this.#resourceVersion = version;
    this.#onContact();
    this.#settle(() => false);
  }

  #take(changes: Array<StoreChange | undefined>): void {
    const real = changes.filter((c): c is StoreChange => !!c);
    for (const change of real) {
      if (change.type === 'DELETED') continue;
      const { namespace, name } = change.object.metadata ?? {};
      this.#arrived.add(
        `${objectKey(namespace, name ?? '')}@${change.resourceVersion}`,
      );
      if (this.#arrived.size > ARRIVED_VERSIONS) {
        this.#arrived.delete(this.#arrived.values().next().value!);
      }
    }
    if (real.length) this.#emit(real);
  }

  #satisfied(w: Waiter): boolean {
    const [namespace, name] = splitKey(w.key);
    const current = this.store.get(namespace, name);
    if (w.resourceVersion === undefined) {
      // gone, or replaced by a new object of the same name (created after the delete)
      return (
        !current || (w.uid !== undefined && current.metadata?.uid !== w.uid)
      );
    }
    return (
      current?.metadata?.resourceVersion === w.resourceVersion ||
      this.#arrived.has(`${w.key}@${w.resourceVersion}`)
    );
  }

  #settle(also: (w: Waiter) => boolean): void {
    if (!this.#waiters.length) return;
    this.#waiters = this.#waiters.filter(w => {
      if (!also(w) && !this.#satisfied(w)) return true;
      w.resolve();
      return false;
    });
  }

  /**
   * Read-your-writes: resolves once the store holds `written` (the write's answer, as
   * stored), or no longer holds it when `deleted`. If the watch does not bring it within
   * `readYourWritesTimeoutMs` (the cluster is slow or the watch is reconnecting), the
   * write's answer is put in the store itself. No wait before the first list.
   */
  async written(written: KubernetesObject, deleted: boolean): Promise<void> {
    if (!this.hasSynced || this.#stopped.signal.aborted) return;
    const waiter: Waiter = {
      key: objectKey(written.metadata?.namespace, written.metadata?.name ?? ''),
      resourceVersion: deleted ? undefined : written.metadata?.resourceVersion,
      uid: written.metadata?.uid,
      seq: ++this.#clock,
      resolve: () => {},
    };
    if (this.#satisfied(waiter)) return;
    let timer: NodeJS.Timeout | undefined;
    const arrived = await new Promise<boolean>(resolve => {
      waiter.resolve = () => resolve(true);
      this.#waiters.push(waiter);
      timer = setTimeout(
        () => resolve(false),
        this.#settings.readYourWritesTimeoutMs,
      );
    });
    clearTimeout(timer);
    if (arrived) return;
    this.#waiters = this.#waiters.filter(w => w !== waiter);
    if (this.#satisfied(waiter)) return;
    this.#take([
      deleted
        ? this.store.remove(written)
        : this.store.put(sanitizeObject(this.kind, written)),
    ]);
  }
}

function splitKey(key: string): [string | undefined, string] {
  const slash = key.indexOf('/');
  const namespace = key.slice(0, slash);
  return [namespace || undefined, key.slice(slash + 1)];
}
