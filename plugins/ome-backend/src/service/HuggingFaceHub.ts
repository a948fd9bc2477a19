import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { HfModelInfo, parseHfModelInfo } from '@ome-console/plugin-ome-common';
import { HuggingFaceHubOptions } from '../config';
import { untilAborted } from './untilAborted';

/** What the hub answered for a file that may be missing or refused (config.json). */
export type HubFile =
  | { ok: true; json: Record<string, unknown> }
  | { ok: false; status: 'missing' | 'refused'; message: string };

/**
 * The HuggingFace hub's API, read with a bounded fetch of its own: only the configured hub
 * address, each request with a timeout and a size limit (the body is read up to the limit
 * and then dropped), a token only as `Authorization` (never in a URL, a log or an error).
 * `UrlReaderService` cannot send a token, which gated models need.
 */
export class HuggingFaceHub {
  readonly #options: HuggingFaceHubOptions;
  readonly #fetch: typeof fetch;

  constructor(options: HuggingFaceHubOptions & { fetch?: typeof fetch }) {
    this.#options = options;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /** GET `path` (relative to the hub) → status and body text, bounded in time and size. */
  async #get(
    path: string,
    token?: string,
  ): Promise<{ status: number; text: string }> {
    const { baseUrl, timeoutMs, maxResponseBytes } = this.#options;
    const unavailable = (why: string) =>
      new ServiceUnavailableError(`The model hub at ${baseUrl} ${why}`);
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      res = await untilAborted(
        this.#fetch(`${baseUrl}${path}`, {
          headers: {
            Accept: 'application/json',
            ...(token && { Authorization: `Bearer ${token}` }),
          },
          redirect: 'error',
          signal,
        }),
        signal,
      );
    } catch (error) {
      throw unavailable(
        isTimeout(error)
          ? `did not answer within ${timeoutMs} ms`
          : `could not be reached (${causeOf(error)})`,
      );
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxResponseBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw unavailable(`answered more than ${maxResponseBytes} bytes`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      const reader = res.body?.getReader();
      // Bounded: stops at the size limit, the timeout's signal ends a silent body.
      for (;;) {
        if (!reader) break;
        const { done, value } = await untilAborted(reader.read(), signal);
        if (done) break;
        size += value.byteLength;
        if (size > maxResponseBytes) {
          await reader.cancel().catch(() => undefined);
          throw unavailable(`answered more than ${maxResponseBytes} bytes`);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw error;
      throw unavailable(
        isTimeout(error)
          ? `did not finish its answer within ${timeoutMs} ms`
          : `broke off its answer (${causeOf(error)})`,
      );
    }
    return {
      status: res.status,
      text: Buffer.concat(chunks).toString('utf8'),
    };
  }

  #json(path: string, text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw new ServiceUnavailableError(
        `The model hub at ${
          this.#options.baseUrl
        } answered ${path} with something other than JSON`,
      );
    }
  }

  /** Models whose id contains `search` (the hub's own search), most downloaded first. */
  async search(search: string, limit: number): Promise<HfModelInfo[]> {
    const q = new URLSearchParams({
      search,
      limit: String(limit),
      sort: 'downloads',
      direction: '-1',
    });
    const path = `/api/models?${q}`;
    const { status, text } = await this.#get(path);
    if (status !== 200) {
      throw new ServiceUnavailableError(
        `The model hub at ${
          this.#options.baseUrl
        } answered its search with HTTP ${status}`,
      );
    }
    const body = this.#json('/api/models', text);
    if (!Array.isArray(body)) {
      throw new ServiceUnavailableError(
        `The model hub at ${
          this.#options.baseUrl
        } answered its search without a list`,
      );
    }
    return body.map(parseHfModelInfo).filter((m): m is HfModelInfo => !!m);
  }

  /** One model's card details and file list (404 when the hub has no such model). */
  async model(
    modelId: string,
    revision?: string,
    token?: string,
  ): Promise<HfModelInfo> {
    const path = `/api/models/${modelId}${
      revision ? `/revision/${encodeURIComponent(revision)}` : ''
    }`;
    const { status, text } = await this.#get(path, token);
    if (status === 404 || status === 401) {
      // The hub answers 401 for models that do not exist (or are private) without a token.
      throw new NotFoundError(
        `The model hub has no model '${modelId}'${
          revision ? ` at revision '${revision}'` : ''
        }`,
      );
    }
    if (status !== 200) {
      throw new ServiceUnavailableError(
        `The model hub at ${
          this.#options.baseUrl
        } answered model '${modelId}' with HTTP ${status}`,
      );
    }
    const info = parseHfModelInfo(this.#json(path, text));
    if (!info) {
      throw new ServiceUnavailableError(
        `The model hub at ${
          this.#options.baseUrl
        } answered model '${modelId}' without a model id`,
      );
    }
    return info;
  }

  /** A model's `config.json`: its JSON, or that it is missing or refused (gated, no token). */
  async config(
    modelId: string,
    revision: string | undefined,
    token?: string,
  ): Promise<HubFile> {
    const rev = encodeURIComponent(revision ?? 'main');
    const { status, text } = await this.#get(
      `/${modelId}/resolve/${rev}/config.json`,
      token,
    );
    if (status === 401 || status === 403) {
      return {
        ok: false,
        status: 'refused',
        message: token
          ? `the hub refused the token for '${modelId}' (HTTP ${status}): it is not valid or has no access to this gated model`
          : `'${modelId}' is gated: the hub gives its config.json only with a token that has access`,
      };
    }
    if (status === 404) {
      return { ok: false, status: 'missing', message: 'no config.json' };
    }
    if (status !== 200) {
      throw new ServiceUnavailableError(
        `The model hub at ${
          this.#options.baseUrl
        } answered config.json of '${modelId}' with HTTP ${status}`,
      );
    }
    const json = this.#json('config.json', text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new InputError(`config.json of '${modelId}' is not a JSON object`);
    }
    return { ok: true, json: json as Record<string, unknown> };
  }
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    ?.cause;
  return cause?.code ?? cause?.message ?? String((error as Error)?.message);
}
