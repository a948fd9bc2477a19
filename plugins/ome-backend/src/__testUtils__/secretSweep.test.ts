import { createServer, get, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { plantSecret, plantedToken } from './plantedSecrets';
import { SecretSweep } from './secretSweep';

/** A loopback server answering every request with `respond`, its responses recorded by `sweep`. */
async function serve(
  sweep: SecretSweep,
  respond: (res: import('node:http').ServerResponse) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => respond(res));
  sweep.recordResponses(server);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/thing?q=1`, server };
}

/** The body of a GET of `url` (decompressed), on a connection of its own. */
function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, res => {
      const gzipped = res.headers['content-encoding'] === 'gzip';
      const body = gzipped ? res.pipe(zlib.createGunzip()) : res;
      const chunks: Buffer[] = [];
      body.on('data', c => chunks.push(c));
      body.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      body.on('error', reject);
    }).on('error', reject);
  });
}

describe('SecretSweep', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map(s => new Promise(r => s.close(r))));
  });

  it('finds a planted token in a gzipped response body split across writes, naming the response but not the token', async () => {
    const sweep = new SecretSweep();
    const token = plantedToken('sweep-unit');
    const body = zlib.gzipSync(JSON.stringify({ spec: { token } }));
    const half = Math.floor(body.length / 2);
    const { url, server } = await serve(sweep, res => {
      res.writeHead(200, {
        'Content-Encoding': 'gzip',
        'Content-Type': 'application/json',
      });
      res.write(body.subarray(0, half));
      res.end(body.subarray(half));
    });
    servers.push(server);
    expect(await fetchText(url)).toContain(token);
    await sweep.settled();

    expect(sweep.counts.responses).toBe(1);
    expect(sweep.leaks).toHaveLength(1);
    expect(sweep.leaks[0].source).toBe('response to GET /api/thing');
    expect(() => sweep.assertClean()).toThrow(/Secrets sweep: 1 finding/);
    let message = '';
    try {
      sweep.assertClean();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("planted token 'sweep-unit'");
    expect(message).not.toContain(token);
  });

  it('finds a token of another suite by its pattern, and a registered secret base64-encoded in a header', async () => {
    const sweep = new SecretSweep();
    // Made like plantedToken does, but registered nowhere in this worker.
    const foreign = `hf_planted_other-suite_${'ab'.repeat(12)}`;
    const credential = plantSecret(
      'cluster-credential-0123456789',
      'a cluster credential',
    );
    const { url, server } = await serve(sweep, res => {
      res.setHeader('X-Echo', Buffer.from(credential).toString('base64'));
      res.end(`{"items":["${foreign}"]}`);
    });
    servers.push(server);
    await fetchText(url);
    await sweep.settled();

    expect(sweep.leaks.map(l => l.secret).sort()).toEqual([
      expect.stringMatching(/^a cluster credential .*\(base64\)$/),
      expect.stringMatching(/^planted token hf_planted_o/),
    ]);
  });

  it('finds a token in a log line, in an error given as meta, and counts audit records', () => {
    const sweep = new SecretSweep();
    const token = plantedToken('sweep-log');
    const logger = sweep.rootLoggerFactory();
    expect(logger).toBeDefined();
    sweep.recordLog(
      'info',
      'GET /x',
      { plugin: 'ome' },
      { isAuditEvent: true, eventId: 'resource-read' },
    );
    sweep.recordLog(
      'warn',
      'proxy failed',
      { plugin: 'kubernetes' },
      new Error(`Bearer ${token}`),
    );
    expect(sweep.counts).toMatchObject({ logLines: 2, auditRecords: 1 });
    expect(sweep.leaks).toEqual([
      {
        source: 'warn log line of plugin kubernetes: proxy failed',
        secret: expect.stringContaining("planted token 'sweep-log'"),
      },
    ]);
  });

  it('passes responses and log lines without a planted secret', async () => {
    const sweep = new SecretSweep();
    plantedToken('sweep-clean');
    const { url, server } = await serve(sweep, res => {
      res.end('{"spec":{"token":"<redacted>"}}');
    });
    servers.push(server);
    await fetchText(url);
    sweep.recordLog('info', 'fine', {}, { isAuditEvent: true });
    await sweep.settled();
    expect(sweep.counts).toMatchObject({
      responses: 1,
      logLines: 1,
      auditRecords: 1,
    });
    expect(sweep.leaks).toEqual([]);
    expect(() => sweep.assertClean()).not.toThrow();
  });
});
