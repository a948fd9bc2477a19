// The stand-in network link (standin-tcp-forwarder.mjs) in front of a small loopback HTTP
// server: forward, delay, blackhole, switching modes under open connections.
//
//   node --test controlplane/standin-tcp-forwarder.test.mjs
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startStandinTcpForwarder } from './standin-tcp-forwarder.mjs';

let server;
let serverPort;
let served = 0;

before(async () => {
  server = http.createServer((req, res) => {
    served++;
    res.end(`answer to ${req.url}`);
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  serverPort = server.address().port;
});

after(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

/** One GET through the forwarder on a fresh connection: its answer, or the error's name. */
async function get(port, path, timeoutMs) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { Connection: 'close' },
    });
    return { status: res.status, text: await res.text() };
  } catch (error) {
    return { error: error.name };
  }
}

describe('standin-tcp-forwarder', () => {
  test('forwards both ways', async () => {
    const fwd = await startStandinTcpForwarder({ target: { port: serverPort } });
    try {
      assert.deepEqual(await get(fwd.port, '/a', 10_000), { status: 200, text: 'answer to /a' });
      assert.equal(fwd.mode(), 'forward');
    } finally {
      await fwd.close();
    }
  });

  test('delay holds each chunk, then delivers it in order', async () => {
    const fwd = await startStandinTcpForwarder({ target: { port: serverPort }, mode: 'delay', delayMs: 300 });
    try {
      // A client that waits less than the delay gets nothing; one that waits longer gets it.
      assert.deepEqual(await get(fwd.port, '/slow', 50), { error: 'TimeoutError' });
      assert.deepEqual(await get(fwd.port, '/slow', 20_000), { status: 200, text: 'answer to /slow' });
    } finally {
      await fwd.close();
    }
  });

  test('blackhole accepts and answers nothing; the server never hears of it; forward releases what was held', async () => {
    const fwd = await startStandinTcpForwarder({ target: { port: serverPort }, mode: 'blackhole' });
    try {
      const before = served;
      assert.deepEqual(await get(fwd.port, '/void', 200), { error: 'TimeoutError' });
      assert.equal(fwd.accepted(), 1);
      assert.equal(served, before);

      // A request held in the blackhole passes once the link is back.
      const socket = net.connect({ port: fwd.port, host: '127.0.0.1' });
      const answer = new Promise((resolve, reject) => {
        let text = '';
        socket.on('data', chunk => {
          text += chunk;
        });
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      socket.write('GET /held HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      await new Promise(resolve => setTimeout(resolve, 100));
      assert.equal(served, before);
      fwd.setMode('forward');
      assert.match(await answer, /answer to \/held$/);
      assert.equal(served, before + 1);
    } finally {
      await fwd.close();
    }
  });

  test('switching an open keep-alive connection to blackhole stops its answers', async () => {
    const fwd = await startStandinTcpForwarder({ target: { port: serverPort } });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const viaAgent = (path, timeoutMs) =>
      new Promise(resolve => {
        const req = http.get({ host: '127.0.0.1', port: fwd.port, path, agent, timeout: timeoutMs }, res => {
          let text = '';
          res.on('data', c => {
            text += c;
          });
          res.on('end', () => resolve(text));
        });
        req.on('timeout', () => {
          req.destroy();
          resolve('timeout');
        });
        req.on('error', () => resolve('error'));
      });
    try {
      assert.equal(await viaAgent('/one', 10_000), 'answer to /one');
      assert.equal(fwd.connections(), 1);
      fwd.setMode('blackhole');
      assert.equal(await viaAgent('/two', 200), 'timeout');
      fwd.setMode('forward');
      assert.equal(await viaAgent('/three', 10_000), 'answer to /three');
    } finally {
      agent.destroy();
      await fwd.close();
    }
  });

  test('a target nobody listens on closes the client connection', async () => {
    const probe = net.createServer();
    await new Promise(resolve => probe.listen(0, '127.0.0.1', resolve));
    const deadPort = probe.address().port;
    await new Promise(resolve => probe.close(resolve));
    const fwd = await startStandinTcpForwarder({ target: { port: deadPort } });
    try {
      const answer = await get(fwd.port, '/x', 10_000);
      assert.equal(answer.error, 'TypeError'); // fetch failed: the socket closed
    } finally {
      await fwd.close();
    }
  });

  test('refuses an unknown mode', async () => {
    const fwd = await startStandinTcpForwarder({ target: { port: serverPort } });
    try {
      assert.throws(() => fwd.setMode('sideways'), /unknown mode sideways/);
      assert.equal(fwd.mode(), 'forward');
    } finally {
      await fwd.close();
    }
  });
});
