/*
 * The secrets sweep of the integration suites: records every response a test backend sends
 * (bodies, decompressed, and headers), every log line of its root logger and every audit
 * record (Backstage's auditor writes them through that logger), and fails the suite when
 * any of them holds a planted secret (plantedSecrets.ts), as it is or base64-encoded.
 * Installed for every test file by the packages' src/setupTests.ts.
 */
import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Server, IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { PLANTED_TOKEN_PATTERN, plantedSecrets } from './plantedSecrets';
import { withRequestCachedHttpAuth } from './requestCachedHttpAuth';

/** Characters kept from the end of a streamed body, so a secret split across chunks is seen. */
const CARRY = 512;
/** Where the kubernetes backend's proxy is mounted in a test backend. */
const KUBERNETES_PROXY = '/api/kubernetes/proxy/';
/** Leaks reported per suite (the first ones say enough). */
const MAX_LEAKS = 20;

/** How a leak is named in a report: never the secret itself. */
function masked(secret: string): string {
  return `${secret.slice(0, Math.min(12, secret.length - 4))}…`;
}

/** JSON of a log call's message and meta; errors with their message, stack and fields. */
function logText(message: string, meta: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify({ message, meta }, (_key, value) => {
    if (value instanceof Error) {
      return {
        ...value,
        name: value.name,
        message: value.message,
        stack: value.stack,
      };
    }
    if (value && typeof value === 'object') {
      if (seen.has(value)) return '[circular]';
      seen.add(value);
    }
    return typeof value === 'bigint' ? String(value) : value;
  });
}

function decoderFor(
  encoding: string,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

function asBuffer(chunk: unknown, encoding?: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function')
    return undefined;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(
    String(chunk),
    typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
  );
}

/** The header name/value pairs of writeHead()'s arguments (an object, or a raw list). */
function headerPairs(args: unknown[]): unknown[][] {
  const headers = args.find(a => a && typeof a === 'object');
  if (!Array.isArray(headers)) return Object.entries(headers ?? {});
  if (headers.every(Array.isArray)) return headers as unknown[][];
  const pairs: unknown[][] = [];
  for (let i = 0; i + 1 < headers.length; i += 2) {
    pairs.push([headers[i], headers[i + 1]]);
  }
  return pairs;
}

class RecordingLogger implements LoggerService {
  constructor(
    private readonly sweep: SecretSweep,
    private readonly fields: Record<string, unknown>,
  ) {}
  error(message: string, meta?: Error | object) {
    this.sweep.recordLog('error', message, this.fields, meta);
  }
  warn(message: string, meta?: Error | object) {
    this.sweep.recordLog('warn', message, this.fields, meta);
  }
  info(message: string, meta?: Error | object) {
    this.sweep.recordLog('info', message, this.fields, meta);
  }
  debug(message: string, meta?: Error | object) {
    this.sweep.recordLog('debug', message, this.fields, meta);
  }
  child(meta: Record<string, unknown>): LoggerService {
    return new RecordingLogger(this.sweep, { ...this.fields, ...meta });
  }
}

export class SecretSweep {
  readonly counts = { backends: 0, responses: 0, logLines: 0, auditRecords: 0 };
  readonly leaks: Array<{ source: string; secret: string }> = [];
  readonly unreadable: string[] = [];
  /** Compressed bodies still being decoded. */
  readonly #decoding = new Set<Promise<void>>();

  /** Looks for every planted secret in `text`, seen in `source`. */
  scan(source: string, text: string): void {
    const found = new Set<string>();
    const registered = plantedSecrets();
    for (const { value, label } of registered) {
      const base64 = Buffer.from(value).toString('base64').replace(/=+$/, '');
      if (text.includes(value)) found.add(`${label} ${masked(value)}`);
      else if (text.includes(base64))
        found.add(`${label} ${masked(value)} (base64)`);
    }
    const pattern = new RegExp(PLANTED_TOKEN_PATTERN.source, 'g');
    for (const [token] of text.matchAll(pattern)) {
      if (!registered.some(r => r.value === token)) {
        found.add(`planted token ${masked(token)}`);
      }
    }
    for (const secret of found) {
      if (this.leaks.length >= MAX_LEAKS) return;
      if (!this.leaks.some(l => l.source === source && l.secret === secret)) {
        this.leaks.push({ source, secret });
      }
    }
  }

  /** A root logger that records every line at every level and prints nothing. */
  rootLoggerFactory() {
    return createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => new RecordingLogger(this, {}),
    });
  }

  recordLog(
    level: string,
    message: string,
    fields: Record<string, unknown>,
    meta: unknown,
  ) {
    const all = {
      ...fields,
      ...(meta instanceof Error ? { error: meta } : (meta as object)),
    };
    const audit = (all as { isAuditEvent?: unknown }).isAuditEvent === true;
    this.counts.logLines += 1;
    if (audit) this.counts.auditRecords += 1;
    const plugin =
      typeof fields.plugin === 'string' ? ` of plugin ${fields.plugin}` : '';
    const source = audit
      ? `audit record${plugin} ${String(
          (all as { eventId?: unknown }).eventId ?? '',
        )}`
      : `${level} log line${plugin}: ${String(message).slice(0, 80)}`;
    this.scan(source, logText(message, all));
  }

  /** Records every response `server` sends from now on. */
  recordResponses(server: Server): void {
    server.prependListener(
      'request',
      (req: IncomingMessage, res: ServerResponse) => this.#watch(req, res),
    );
  }

  #watch(req: IncomingMessage, res: ServerResponse) {
    // The kubernetes backend's proxy hands cluster objects through unchanged, by design, to
    // a caller holding `kubernetes.proxy`: here the OME backend, whose answers are swept.
    if ((req.url ?? '').startsWith(KUBERNETES_PROXY)) return;
    const source = `response to ${req.method} ${(req.url ?? '').split('?')[0]}`;
    let carry = '';
    const scanText = (text: string) => {
      const window = carry + text;
      this.scan(source, window);
      carry = window.slice(-CARRY);
    };
    let sink: ((chunk: Buffer) => void) | undefined;
    let decoder: ReturnType<typeof decoderFor>;
    // Headers given to writeHead() are not in getHeader().
    let headEncoding: string | undefined;
    const open = () => {
      if (sink) return;
      decoder = decoderFor(
        String(res.getHeader('content-encoding') ?? headEncoding ?? ''),
      );
      if (decoder) {
        const current = decoder;
        const done = new Promise<void>(resolve => {
          current.on('end', resolve);
          current.on('error', error => {
            this.unreadable.push(`${source}: ${error.message}`);
            resolve();
          });
        });
        this.#decoding.add(done);
        done.then(() => this.#decoding.delete(done));
        decoder.on('data', (data: Buffer) => scanText(data.toString('utf8')));
        sink = chunk => decoder!.write(chunk);
      } else {
        sink = chunk => scanText(chunk.toString('utf8'));
      }
    };
    const writeHead = res.writeHead;
    res.writeHead = function recordedWriteHead(
      this: ServerResponse,
      ...args: unknown[]
    ) {
      const encoding = headerPairs(args).find(
        ([k]) => String(k).toLowerCase() === 'content-encoding',
      );
      if (encoding) headEncoding = String(encoding[1]);
      return (writeHead as Function).apply(this, args);
    } as typeof res.writeHead;
    const write = res.write;
    const end = res.end;
    res.write = function recordedWrite(
      this: ServerResponse,
      chunk: unknown,
      ...rest: unknown[]
    ) {
      const buffer = asBuffer(chunk, rest[0]);
      if (buffer?.length) {
        open();
        sink!(buffer);
      }
      return (write as Function).call(this, chunk, ...rest);
    } as typeof res.write;
    const ended = () => {
      decoder?.end();
      this.counts.responses += 1;
      this.scan(`${source} (headers)`, JSON.stringify(res.getHeaders()));
    };
    res.end = function recordedEnd(
      this: ServerResponse,
      chunk?: unknown,
      ...rest: unknown[]
    ) {
      const buffer = asBuffer(chunk, rest[0]);
      if (buffer?.length) {
        open();
        sink!(buffer);
      }
      ended();
      return (end as Function).call(this, chunk, ...rest);
    } as typeof res.end;
  }

  /** Resolves once every compressed body that ended is decoded and scanned. */
  async settled(): Promise<void> {
    await Promise.all([...this.#decoding]);
  }

  /** Throws, naming each leak (never the secret), when anything held a planted secret. */
  assertClean(): void {
    const problems = [
      ...this.leaks.map(l => `${l.secret} in ${l.source}`),
      ...this.unreadable.map(u => `could not read ${u}`),
    ];
    if (problems.length) {
      throw new Error(
        `Secrets sweep: ${
          problems.length
        } finding(s) (a planted secret must never appear in a response, log line or audit record):\n  ${problems.join(
          '\n  ',
        )}`,
      );
    }
  }
}

/**
 * Makes every `startTestBackend` of this test file record its responses and log lines
 * (unless the suite gives its own root logger) and checks them after the file's tests.
 * Its mock httpAuth remembers each request's credentials like the real one
 * (requestCachedHttpAuth.ts): the plain mock put the clusters' tokens into log lines.
 * An integration suite that started no recorded backend fails: the sweep would prove nothing.
 */
export function installSecretSweep(): SecretSweep {
  const sweep = new SecretSweep();
  type Start = (options: {
    features?: unknown[];
  }) => Promise<{ server: Server }>;
  let mockServices: ReturnType<typeof withRequestCachedHttpAuth> | undefined;
  const recorded =
    (start: Start): Start =>
    async options => {
      const features = options.features ?? [];
      const gives = (id: string) =>
        features.some(
          f => (f as { service?: { id?: string } })?.service?.id === id,
        );
      const backend = await start({
        ...options,
        features: [
          ...(gives(coreServices.rootLogger.id)
            ? []
            : [sweep.rootLoggerFactory()]),
          ...(gives(coreServices.httpAuth.id)
            ? []
            : [mockServices!.httpAuth.factory()]),
          ...features,
        ],
      });
      sweep.recordResponses(backend.server);
      sweep.counts.backends += 1;
      return backend;
    };
  // A mock factory runs only when a test loads the module: unit tests stay light.
  jest.mock('@backstage/backend-test-utils', () => {
    const actual = jest.requireActual('@backstage/backend-test-utils');
    mockServices = withRequestCachedHttpAuth(actual.mockServices);
    return {
      ...actual,
      __esModule: true,
      mockServices,
      startTestBackend: recorded(actual.startTestBackend),
    };
  });
  afterAll(async () => {
    await sweep.settled();
    sweep.assertClean();
    const testPath = expect.getState().testPath ?? '';
    if (/\.integration\.test\.[jt]s$/.test(testPath)) {
      if (
        !sweep.counts.backends ||
        !sweep.counts.responses ||
        !sweep.counts.logLines
      ) {
        throw new Error(
          `Secrets sweep: recorded ${JSON.stringify(
            sweep.counts,
          )} in an integration suite: it swept nothing`,
        );
      }
    }
  });
  return sweep;
}
