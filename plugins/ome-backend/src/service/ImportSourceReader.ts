import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { untilAborted } from './untilAborted';

/** Most bytes one imported URL may hold: the same as a pasted import's request body. */
export const MAX_IMPORT_SOURCE_BYTES = 10 * 1024 * 1024;

/**
 * Reads the YAML of an import from a URL through Backstage's `UrlReaderService`: the portal's
 * integrations (and their credentials) and `backend.reading.allow` decide what may be read,
 * exactly as for catalog locations, and nothing else is fetched. Bounded in time and size.
 */
export class ImportSourceReader {
  readonly #reader: UrlReaderService;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;

  constructor(options: {
    urlReader: UrlReaderService;
    timeoutMs?: number;
    maxBytes?: number;
  }) {
    this.#reader = options.urlReader;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#maxBytes = options.maxBytes ?? MAX_IMPORT_SOURCE_BYTES;
  }

  /**
   * The text of an import request: its `yaml`, or what its `url` holds (exactly one of them).
   * `field` names the source in later errors about the documents.
   * @throws InputError (400) naming the field: neither or both given, not an http(s) URL, or
   *   a URL no integration or allowed host covers, more than the size limit; NotFoundError
   *   (404); ServiceUnavailableError (503) when the source fails or is too slow
   */
  async importText(body: {
    yaml?: string;
    url?: string;
  }): Promise<{ yaml: string; field: string }> {
    if ((body.yaml === undefined) === (body.url === undefined)) {
      throw new InputError(
        'body: give exactly one of yaml (the documents) and url (where to read them)',
      );
    }
    if (body.yaml !== undefined) return { yaml: body.yaml, field: 'body.yaml' };
    const url = body.url!;
    return { yaml: await this.read(url), field: `body.url (${url})` };
  }

  async read(url: string): Promise<string> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InputError(`body.url: '${url}' is not a URL`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new InputError(
        `body.url: only http and https URLs can be read, not ${parsed.protocol}`,
      );
    }
    const signal = AbortSignal.timeout(this.#timeoutMs);
    try {
      const response = await untilAborted(
        this.#reader.readUrl(url, { signal }),
        signal,
      );
      const bytes = await untilAborted(this.#bytesOf(response), signal);
      return bytes.toString('utf8');
    } catch (error) {
      const name = (error as Error)?.name;
      const message = (error as Error)?.message ?? String(error);
      if (
        error instanceof InputError ||
        error instanceof ServiceUnavailableError
      )
        throw error;
      if (name === 'NotAllowedError' || error instanceof NotAllowedError) {
        // "Reading from '…' is not allowed. You may need to configure an integration …"
        throw new InputError(`body.url: ${message}`);
      }
      if (name === 'NotFoundError' || error instanceof NotFoundError) {
        throw new NotFoundError(`body.url: nothing found at ${url}`);
      }
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new ServiceUnavailableError(
          `body.url: ${url} did not answer within ${this.#timeoutMs} ms`,
        );
      }
      throw new ServiceUnavailableError(
        `body.url: ${url} could not be read: ${message}`,
      );
    }
  }

  async #bytesOf(response: {
    buffer(): Promise<Buffer>;
    stream?(): NodeJS.ReadableStream;
  }): Promise<Buffer> {
    const tooLarge = () =>
      new InputError(
        `body.url: holds more than ${
          this.#maxBytes
        } bytes, the most one import may hold`,
      );
    if (!response.stream) {
      const buffer = await response.buffer();
      if (buffer.byteLength > this.#maxBytes) throw tooLarge();
      return buffer;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = response.stream();
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.byteLength;
      if (size > this.#maxBytes) {
        (stream as { destroy?: () => void }).destroy?.();
        throw tooLarge();
      }
      chunks.push(bytes);
    }
    return Buffer.concat(chunks);
  }
}
