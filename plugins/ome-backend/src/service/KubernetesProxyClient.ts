import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  backstageError,
  ClusterRequestError,
  classifyProxyError,
  kindOfApiPath,
  toHttpError,
} from './proxyErrors';
import { untilAborted } from './untilAborted';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  ActingUser,
  ImpersonationSettings,
  impersonationHeaders,
} from './impersonation';

/** The header the kubernetes backend's proxy routes a request by. */
export const HEADER_KUBERNETES_CLUSTER = 'Backstage-Kubernetes-Cluster';

/**
 * A value an HTTP header carries unchanged: visible Latin-1 characters with inner spaces
 * (fetch refuses control characters and anything beyond Latin-1, and trims outer spaces).
 */
const HEADER_SAFE =
  /^[\x21-\x7e\x80-\xff](?:[\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?$/;

function isDotSegment(segment: string): boolean {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded === '.' || decoded === '..';
  } catch {
    return false;
  }
}

/**
 * Why a request cannot go to this cluster and path at all (undefined: it can). The cluster
 * name travels in a header, so a name a header cannot carry is no cluster of the kubernetes
 * backend (fetch threw on it: a 500). A `.` or `..` path segment (a name Kubernetes never
 * gives an object) would be folded away by URL parsing and address another resource.
 */
function unaddressable(
  cluster: string,
  path: string,
): ClusterRequestError | undefined {
  if (!HEADER_SAFE.test(cluster)) {
    return new ClusterRequestError(
      cluster,
      'unknown-cluster',
      `The kubernetes backend does not know cluster '${cluster}' (a cluster name has no control characters, characters beyond Latin-1 or outer spaces)`,
      404,
    );
  }
  const segments = path.split('?')[0].split('/');
  if (segments.some(isDotSegment)) {
    return new ClusterRequestError(
      cluster,
      'not-found',
      `No Kubernetes object is named '.' or '..' (${path.split('?')[0]})`,
      404,
    );
  }
  return undefined;
}

/** One cluster as the kubernetes backend's `GET /clusters` lists it. */
export interface KubernetesClusterSummary {
  name: string;
  title?: string;
  authProvider?: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Options of one proxied request. */
export interface ProxyRequestOptions {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the client's default timeout. */
  timeoutMs?: number;
  /**
   * Send as the OME backend itself even when a user is acting (no impersonation): for reads
   * whose answer is shared between users (caches, the permission system's own lookups).
   */
  asPlugin?: boolean;
  /**
   * Bearer token of a credential of the OME backend's own (e.g. the Secret writer of
   * HuggingFace imports), sent as `Backstage-Kubernetes-Authorization` so that the proxy uses
   * it instead of its cluster credential; never impersonates.
   */
  credential?: string;
  /** Ends the request early (e.g. a cache that stops): answered like a timeout. */
  signal?: AbortSignal;
}

/** Headers a caller's options may never set: identity is the client's business. */
const RESERVED_HEADER =
  /^(impersonate-|authorization$|backstage-kubernetes-authorization)/i;

const actingUsers = new AsyncLocalStorage<ActingUser | undefined>();

/**
 * Reaches Kubernetes clusters only through the kubernetes backend plugin over HTTP
 * (`GET /clusters` and `/proxy/<api path>`), authenticated as the OME backend's own service
 * principal. Callers do their own permission checks for the user first.
 */
export class KubernetesProxyClient {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #pluginId: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #logger?: LoggerService;
  readonly #impersonation: Map<string, ImpersonationSettings>;

  /**
   * Runs `fn` with `user` as the acting user of every cluster request made inside it (also
   * in async continuations): on clusters with impersonation enabled those requests carry
   * the user's Impersonate-* headers. `undefined` acts as the OME backend itself.
   */
  static runAs<T>(user: ActingUser | undefined, fn: () => T): T {
    return actingUsers.run(user, fn);
  }

  /** The user cluster requests are currently made for, if any. */
  static actingUser(): ActingUser | undefined {
    return actingUsers.getStore();
  }

  /** Whether requests to `cluster` impersonate the acting user. */
  impersonates(cluster: string): boolean {
    return this.#impersonation.has(cluster);
  }

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** The kubernetes backend's plugin id, `kubernetes` by default. */
    kubernetesPluginId?: string;
    /** Default timeout of one request in ms. */
    timeoutMs?: number;
    logger?: LoggerService;
    fetch?: typeof fetch;
    /** Per cluster name: impersonate the acting user there (defence in depth). */
    impersonation?: Map<string, ImpersonationSettings>;
  }) {
    this.#impersonation = options.impersonation ?? new Map();
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#pluginId = options.kubernetesPluginId ?? 'kubernetes';
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#logger = options.logger;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  /**
   * One HTTP exchange with the kubernetes backend: the status and body text, or why there was
   * no answer (a timeout, or a network failure with fetch's cause spelled out).
   */
  async #send(
    url: string,
    init: {
      method?: string;
      headers: Record<string, string> | Headers;
      body?: string;
      timeoutMs: number;
      signal?: AbortSignal;
    },
  ): Promise<
    | { status: number; ok: boolean; text: string; warnings: string[] }
    | { failure: 'timeout' | 'network'; message: string; error: unknown }
  > {
    const signal = init.signal
      ? AbortSignal.any([init.signal, AbortSignal.timeout(init.timeoutMs)])
      : AbortSignal.timeout(init.timeoutMs);
    // Uncompressed: this hop is loopback (or in-cluster), where compressing costs CPU on
    // both ends and buys nothing.
    const headers = new Headers(init.headers);
    headers.set('Accept-Encoding', 'identity');
    try {
      const res = await untilAborted(
        this.#fetch(url, {
          method: init.method,
          headers,
          body: init.body,
          signal,
        }),
        signal,
      );
      return {
        status: res.status,
        ok: res.ok,
        text: await untilAborted(res.text(), signal),
        warnings: parseWarningHeader(res.headers.get('warning')),
      };
    } catch (error) {
      const name = (error as { name?: string })?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        return { failure: 'timeout', message: 'timeout', error };
      }
      // fetch's own message is "fetch failed"; the reason (ECONNREFUSED, ...) is its cause.
      const cause = (error as { cause?: { message?: unknown } })?.cause
        ?.message;
      return {
        failure: 'network',
        message: `${(error as Error)?.message ?? error}${
          typeof cause === 'string' && cause ? `: ${cause}` : ''
        }`,
        error,
      };
    }
  }

  async #headers(): Promise<Record<string, string>> {
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: this.#pluginId,
    });
    return { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  }

  /**
   * The clusters the kubernetes backend knows.
   * @throws ServiceUnavailableError (503) when the kubernetes backend cannot be reached, does
   * not answer in time, fails or answers with something other than a cluster list.
   */
  async listClusters(): Promise<KubernetesClusterSummary[]> {
    const unavailable = (detail: string) =>
      new ServiceUnavailableError(
        `The ${this.#pluginId} backend could not list clusters: ${detail}`,
      );
    const base = await this.#discovery.getBaseUrl(this.#pluginId);
    const answer = await this.#send(`${base}/clusters`, {
      headers: await this.#headers(),
      timeoutMs: this.#timeoutMs,
    });
    if ('failure' in answer) {
      throw unavailable(
        answer.failure === 'timeout'
          ? `no answer within ${this.#timeoutMs} ms`
          : answer.message,
      );
    }
    const { status, ok, text } = answer;
    if (!ok) {
      const message =
        backstageError(parseJson(text))?.message ?? text.trim().slice(0, 200);
      throw unavailable(`HTTP ${status}${message ? ` ${message}` : ''}`);
    }
    const body = parseJson(text) as { items?: unknown } | undefined;
    if (!body || !Array.isArray(body.items)) {
      throw unavailable('GET /clusters answered without items');
    }
    return body.items
      .filter(
        (c): c is KubernetesClusterSummary =>
          !!c && typeof (c as { name?: unknown }).name === 'string',
      )
      .map(c => ({
        name: c.name,
        ...(c.title && { title: c.title }),
        ...(c.authProvider && { authProvider: c.authProvider }),
      }));
  }

  /**
   * Sends one request to a cluster's Kubernetes API (`path` starts with `/api` or `/apis`,
   * query string included) and returns the parsed JSON answer.
   * @throws the `@backstage/errors` error of the cluster's answer (see `toHttpError`)
   */
  async request<T = unknown>(
    cluster: string,
    path: string,
    options: ProxyRequestOptions = {},
  ): Promise<T> {
    return (await this.exchange<T>(cluster, path, options)).body;
  }

  /**
   * Like {@link KubernetesProxyClient.request}, also returning the apiserver's warnings
   * (`Warning` headers, e.g. of a ValidatingAdmissionPolicy in Warn mode).
   * @throws the `@backstage/errors` error of the cluster's answer (see `toHttpError`)
   */
  async exchange<T = unknown>(
    cluster: string,
    path: string,
    options: ProxyRequestOptions = {},
  ): Promise<{ body: T; warnings: string[] }> {
    try {
      const refused = unaddressable(cluster, path);
      if (refused) throw refused;
      return await this.#exchange<T>(cluster, path, options);
    } catch (error) {
      // The one place a cluster's answer becomes the error the OME backend answers with.
      if (error instanceof ClusterRequestError) {
        throw toHttpError(error, { kind: kindOfApiPath(path) });
      }
      throw error;
    }
  }

  /** The headers of one proxied request: the caller's own, identity, cluster, impersonation. */
  async #proxyHeaders(
    cluster: string,
    options: Pick<ProxyRequestOptions, 'headers' | 'asPlugin' | 'credential'>,
  ): Promise<Headers> {
    const own = Object.fromEntries(
      Object.entries(options.headers ?? {}).filter(
        ([name]) => !RESERVED_HEADER.test(name),
      ),
    );
    const headers = new Headers({
      ...own,
      ...(await this.#headers()),
      [HEADER_KUBERNETES_CLUSTER]: cluster,
    });
    const impersonation = this.#impersonation.get(cluster);
    const actor =
      options.asPlugin || options.credential
        ? undefined
        : actingUsers.getStore();
    if (options.credential) {
      headers.set(
        'Backstage-Kubernetes-Authorization',
        `Bearer ${options.credential}`,
      );
    } else if (impersonation && actor) {
      // The impersonator credential is the OME backend's own; the kubernetes plugin's
      // cluster credential never needs (and must not have) the impersonate verb.
      for (const [name, value] of impersonationHeaders(impersonation, actor)) {
        headers.append(name, value);
      }
    }
    return headers;
  }

  /**
   * Opens a GET whose answer is a stream (a followed container log): resolves once the
   * cluster has answered with a success status, with the response whose body the caller
   * reads; `signal` ends it. Asks for `Accept-Encoding: identity`, so nothing between the
   * apiserver and here buffers the stream to compress it. The answer's headers must come
   * within the request timeout (a silent kubelet or cluster is a 503 naming the cluster, not
   * a request that hangs); the body then streams for as long as the caller reads it.
   * @throws the `@backstage/errors` error of the cluster's answer (see `toHttpError`)
   */
  async openStream(
    cluster: string,
    path: string,
    options: { signal: AbortSignal; accept?: string; asPlugin?: boolean },
  ): Promise<Response> {
    const refused = unaddressable(cluster, path);
    if (refused) throw toHttpError(refused, { kind: kindOfApiPath(path) });
    const timeoutMs = this.#timeoutMs;
    const base = await this.#discovery.getBaseUrl(this.#pluginId);
    const headers = await this.#proxyHeaders(cluster, options);
    headers.set('Accept', options.accept ?? '*/*');
    headers.set('Accept-Encoding', 'identity');
    // Aborted by the caller's signal at any time, and by the timeout only until the headers
    // came: a timeout signal on the fetch itself would also end a long-followed body.
    const controller = new AbortController();
    const forward = () => controller.abort(options.signal.reason);
    if (options.signal.aborted) forward();
    else options.signal.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('timeout', 'TimeoutError'));
    }, timeoutMs);
    const kind = kindOfApiPath(path);
    let res: Response;
    try {
      res = await untilAborted(
        this.#fetch(`${base}/proxy${path}`, {
          headers,
          signal: controller.signal,
        }),
        controller.signal,
      );
      if (!res.ok) {
        const text = await untilAborted(res.text(), controller.signal).catch(
          () => '',
        );
        throw toHttpError(classifyProxyError(cluster, res.status, text, path), {
          kind,
        });
      }
    } catch (error) {
      options.signal.removeEventListener('abort', forward);
      if (timedOut) {
        throw toHttpError(
          new ClusterRequestError(
            cluster,
            'unreachable',
            `Cluster '${cluster}' did not answer GET ${path} within ${timeoutMs} ms`,
            undefined,
            undefined,
            error,
          ),
          { kind },
        );
      }
      if ((error as { clusterFailure?: unknown })?.clusterFailure) throw error;
      throw toHttpError(
        new ClusterRequestError(
          cluster,
          'error',
          `Could not reach the ${
            this.#pluginId
          } backend for cluster '${cluster}': ${
            (error as Error)?.message ?? error
          }`,
          undefined,
          undefined,
          error,
        ),
        { kind },
      );
    } finally {
      clearTimeout(timer);
    }
    return res;
  }

  async #exchange<T>(
    cluster: string,
    path: string,
    options: ProxyRequestOptions,
  ): Promise<{ body: T; warnings: string[] }> {
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const method = options.method ?? 'GET';
    const base = await this.#discovery.getBaseUrl(this.#pluginId);
    const headers = await this.#proxyHeaders(cluster, options);
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      if (!headers.has('Content-Type')) {
        headers.set('Content-Type', 'application/json');
      }
    }

    const answer = await this.#send(`${base}/proxy${path}`, {
      method,
      headers,
      body,
      timeoutMs,
      signal: options.signal,
    });
    if ('failure' in answer) {
      if (answer.failure === 'timeout') {
        throw new ClusterRequestError(
          cluster,
          'unreachable',
          `Cluster '${cluster}' did not answer ${method} ${path} within ${timeoutMs} ms`,
          undefined,
          undefined,
          answer.error,
        );
      }
      const message = `Could not reach the ${
        this.#pluginId
      } backend for cluster '${cluster}': ${answer.message}`;
      this.#logger?.warn(message);
      throw new ClusterRequestError(
        cluster,
        'error',
        message,
        undefined,
        undefined,
        answer.error,
      );
    }
    const { status, ok, text, warnings } = answer;

    if (!ok) {
      throw classifyProxyError(cluster, status, text, path);
    }
    if (!text) return { body: undefined as T, warnings };
    const parsed = parseJson(text);
    if (parsed === undefined) {
      throw new ClusterRequestError(
        cluster,
        'error',
        `Cluster '${cluster}' answered ${method} ${path} with something other than JSON`,
        status,
      );
    }
    return { body: parsed as T, warnings };
  }
}

/**
 * The texts of HTTP `Warning` headers (`299 - "text"`, several joined by `, ` when fetch
 * combines them), unescaped.
 */
export function parseWarningHeader(value: string | null): string[] {
  if (!value) return [];
  const warnings: string[] = [];
  const re = /\d{3}\s+\S+\s+"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    warnings.push(m[1].replace(/\\(.)/g, '$1'));
  }
  return warnings;
}
