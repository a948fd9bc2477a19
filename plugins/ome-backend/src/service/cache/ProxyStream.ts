import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { KubernetesObject } from '@ome-console/plugin-ome-common';
import { HEADER_KUBERNETES_CLUSTER } from '../KubernetesProxyClient';
import { classifyProxyError, kindOfApiPath, toHttpError } from '../proxyErrors';
import { ClusterRequestError } from '../proxyErrors';
import { untilAborted } from '../untilAborted';

/** One event of a Kubernetes watch stream. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubernetesObject & {
    /** ERROR events carry a Status. */
    code?: number;
    message?: string;
  };
}

/**
 * Long-lived requests through the kubernetes backend's proxy (watches, readiness probes),
 * which `KubernetesProxyClient.request` (one buffered JSON answer) cannot carry: the body
 * is read as it arrives, uncompressed (`Accept-Encoding: identity`, since a compressed
 * watch would be buffered by the hops in between), with a fresh plugin token per request.
 * Failures become the same errors as `KubernetesProxyClient`'s (see `toHttpError`).
 */
export class ProxyStream {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #pluginId: string;
  readonly #fetch: typeof fetch;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    kubernetesPluginId?: string;
    fetch?: typeof fetch;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#pluginId = options.kubernetesPluginId ?? 'kubernetes';
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  async #open(cluster: string, path: string, signal: AbortSignal) {
    const base = await this.#discovery.getBaseUrl(this.#pluginId);
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: this.#pluginId,
    });
    try {
      return await untilAborted(
        this.#fetch(`${base}/proxy${path}`, {
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            'Accept-Encoding': 'identity',
            [HEADER_KUBERNETES_CLUSTER]: cluster,
          },
          signal,
        }),
        signal,
      );
    } catch (error) {
      signal.throwIfAborted();
      const cause = (error as { cause?: { message?: string } })?.cause?.message;
      throw toHttpError(
        new ClusterRequestError(
          cluster,
          'unreachable',
          `Could not reach the ${
            this.#pluginId
          } backend for cluster '${cluster}': ${(error as Error)?.message}${
            cause ? `: ${cause}` : ''
          }`,
          undefined,
          undefined,
          error,
        ),
      );
    }
  }

  /** Resolves when the cluster's apiserver answers `/readyz` with 200 (etcd included). */
  async ready(cluster: string, signal: AbortSignal): Promise<void> {
    const res = await this.#open(cluster, '/readyz', signal);
    const text = await untilAborted(res.text(), signal);
    if (!res.ok) {
      throw toHttpError(
        classifyProxyError(cluster, res.status, text, '/readyz'),
      );
    }
  }

  /**
   * Watches `path` (query included) and calls `onEvent` per event until the server ends
   * the stream (its `timeoutSeconds`), `signal` aborts, or no byte arrives for `idleMs`.
   * @throws the HTTP error of a refused watch (e.g. 410 Gone for an expired resourceVersion)
   */
  async watch(
    cluster: string,
    path: string,
    options: {
      signal: AbortSignal;
      idleMs: number;
      onEvent: (event: WatchEvent) => void;
    },
  ): Promise<void> {
    const abort = new AbortController();
    const stop = () => abort.abort(options.signal.reason);
    options.signal.addEventListener('abort', stop, { once: true });
    let idle: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(
        () => abort.abort(new Error(`watch silent for ${options.idleMs} ms`)),
        options.idleMs,
      );
    };
    try {
      arm();
      const res = await this.#open(cluster, path, abort.signal);
      if (!res.ok || !res.body) {
        const text = await untilAborted(res.text(), abort.signal);
        throw toHttpError(classifyProxyError(cluster, res.status, text, path), {
          kind: kindOfApiPath(path),
        });
      }
      const decoder = new TextDecoder();
      let buffered = '';
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await untilAborted(
            reader.read(),
            abort.signal,
          );
          if (done) break;
          arm();
          buffered += decoder.decode(value, { stream: true });
          let newline = buffered.indexOf('\n');
          while (newline >= 0) {
            const line = buffered.slice(0, newline).trim();
            buffered = buffered.slice(newline + 1);
            if (line) options.onEvent(JSON.parse(line) as WatchEvent);
            newline = buffered.indexOf('\n');
          }
        }
      } finally {
        reader.cancel().catch(() => {});
      }
      const rest = buffered.trim();
      if (rest) options.onEvent(JSON.parse(rest) as WatchEvent);
    } finally {
      clearTimeout(idle);
      options.signal.removeEventListener('abort', stop);
    }
  }
}
