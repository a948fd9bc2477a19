import { LoggerService } from '@backstage/backend-plugin-api';
import { OME_KINDS, OmeKind } from '@ome-console/plugin-ome-common';
import { KubernetesProxyClient } from '../KubernetesProxyClient';
import { StoreChange } from './KindStore';
import { KindWatch } from './KindWatch';
import { ProxyStream } from './ProxyStream';
import { CacheSettings, pause } from './settings';

/** Probes in a row without an answer in time that mark a cluster down. */
const SLOW_PROBES_DOWN = 3;

/** Since when and why a cached cluster is down. */
export interface ClusterDown {
  since: Date;
  message: string;
}

/**
 * The cache of one cluster: a KindWatch per OME kind, and a probe of the apiserver's
 * `/readyz` (which includes etcd: with etcd down, an apiserver still serves watches from
 * its own watch cache, silently). A failed probe marks it down; the first good probe after
 * that relists every kind, so whatever the watches missed meanwhile is found (and only the
 * differences are emitted).
 */
export class ClusterCache {
  readonly name: string;
  readonly watches: Map<OmeKind, KindWatch>;
  /** Set while the cluster is down. */
  down?: ClusterDown;
  /** When the cluster last answered while up: the age of data served while down. */
  lastContact?: Date;

  readonly #stream: ProxyStream;
  readonly #settings: CacheSettings;
  readonly #logger: LoggerService;
  readonly #stopped = new AbortController();
  #probing?: Promise<void>;
  /** Probes in a row that got no answer in time. */
  #slowProbes = 0;

  constructor(options: {
    name: string;
    client: KubernetesProxyClient;
    stream: ProxyStream;
    settings: CacheSettings;
    logger: LoggerService;
    emit: (kind: OmeKind, changes: StoreChange[]) => void;
  }) {
    this.name = options.name;
    this.#stream = options.stream;
    this.#settings = options.settings;
    this.#logger = options.logger;
    this.watches = new Map(
      OME_KINDS.map(({ kind }) => [
        kind,
        new KindWatch({
          cluster: options.name,
          kind,
          client: options.client,
          stream: options.stream,
          settings: options.settings,
          logger: options.logger,
          emit: changes => options.emit(kind, changes),
          onContact: () => this.#contact(),
          // Only the probe decides that the cluster is down: one slow list or watch of a
          // busy cluster is that kind's trouble (it retries), not an outage.
          onFailure: () => {},
        }),
      ]),
    );
  }

  start(): void {
    for (const w of this.watches.values()) w.start();
    this.#probing ??= this.#probe();
  }

  async stop(): Promise<void> {
    this.#stopped.abort();
    await Promise.all([
      this.#probing,
      ...[...this.watches.values()].map(w => w.stop()),
    ]);
  }

  #contact(): void {
    if (!this.down) this.lastContact = new Date();
  }

  #markDown(message: string): void {
    if (this.down) return;
    this.down = { since: new Date(), message };
    this.#logger.warn(`OME cache: cluster '${this.name}' is down: ${message}`);
  }

  async #probe(): Promise<void> {
    const signal = this.#stopped.signal;
    while (!signal.aborted) {
      try {
        await this.#stream.ready(
          this.name,
          AbortSignal.any([
            signal,
            AbortSignal.timeout(this.#settings.probeTimeoutMs),
          ]),
        );
        if (this.down) {
          this.#logger.info(
            `OME cache: cluster '${this.name}' is back; listing every kind again`,
          );
          this.down = undefined;
          for (const w of this.watches.values()) w.relist();
        }
        this.#slowProbes = 0;
        this.#contact();
      } catch (error) {
        if (signal.aborted) break;
        const name = (error as Error)?.name;
        if (name === 'TimeoutError' || name === 'AbortError') {
          // A busy apiserver (or a busy backend) can miss one probe's deadline: only
          // SLOW_PROBES_DOWN in a row are an outage. A refused connection or a failing
          // /readyz (etcd down) is one at once.
          this.#slowProbes += 1;
          if (this.#slowProbes >= SLOW_PROBES_DOWN) {
            this.#markDown(
              `Cluster '${this.name}' did not answer /readyz within ${
                this.#settings.probeTimeoutMs
              } ms, ${this.#slowProbes} times in a row`,
            );
          }
        } else {
          this.#markDown((error as Error)?.message ?? String(error));
        }
      }
      await pause(this.#settings.probeIntervalMs, signal);
    }
  }
}
