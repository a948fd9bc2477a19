// STAND-IN NETWORK LINK for fault tests: a loopback TCP forwarder placed between a client
// (the kubernetes backend) and a server (a cluster's kube-apiserver, or a kubelet), whose
// behaviour can be switched while connections are open:
//   - `forward`:   bytes pass both ways at once;
//   - `delay`:     every chunk passes `delayMs` after it arrived, in order (a slow link);
//   - `blackhole`: connections are accepted but nothing passes either way: bytes are held
//                  (as TCP would retransmit them) and a new connection reaches the server only
//                  when the mode changes back; a client that gives up closes its end.
// TLS passes through untouched (the client still verifies the server's certificate). Used only
// by tests, never by the plugins. Loopback only; the held bytes of a test are small.
import net from 'node:net';

const MODES = new Set(['forward', 'delay', 'blackhole']);

/**
 * Moves one direction's chunks from `from` to the socket `to()` returns, as the link's current
 * mode allows. `release()` re-checks (after a mode change or once `to()` exists).
 */
function directedPipe(from, to, link) {
  const queue = [];
  let timer;
  const pump = () => {
    clearTimeout(timer);
    timer = undefined;
    while (queue.length) {
      const target = to();
      if (link.mode === 'blackhole' || !target) return;
      const wait = link.mode === 'delay' ? queue[0].at + link.delayMs - Date.now() : 0;
      if (wait > 0) {
        timer = setTimeout(pump, wait);
        return;
      }
      const item = queue.shift();
      if (item.end) target.end();
      else target.write(item.chunk);
    }
  };
  from.on('data', chunk => {
    queue.push({ chunk, at: Date.now() });
    if (!timer) pump();
  });
  from.on('end', () => {
    queue.push({ end: true, at: Date.now() });
    if (!timer) pump();
  });
  return { release: pump, stop: () => clearTimeout(timer) };
}

/**
 * Starts a forwarder on 127.0.0.1 to `target`.
 * @param {{ target: { host?: string, port: number }, mode?: 'forward'|'delay'|'blackhole', delayMs?: number, port?: number }} opts
 * @returns {Promise<{ port: number, url: string, mode: () => string, setMode: (mode: string, opts?: { delayMs?: number }) => void, connections: () => number, accepted: () => number, close: () => Promise<void> }>}
 */
export async function startStandinTcpForwarder({ target, mode = 'forward', delayMs = 0, port = 0 }) {
  const link = { mode: 'forward', delayMs: 0 };
  const open = new Set();
  let accepted = 0;

  const setMode = (next, opts = {}) => {
    if (!MODES.has(next)) throw new Error(`standin-tcp-forwarder: unknown mode ${next}`);
    const wanted = next === 'delay' ? (opts.delayMs ?? delayMs) : 0;
    if (!Number.isFinite(wanted) || wanted < 0) throw new Error(`standin-tcp-forwarder: bad delayMs ${wanted}`);
    link.mode = next;
    link.delayMs = wanted;
    for (const connection of open) connection.release();
  };
  setMode(mode, { delayMs });

  const server = net.createServer(client => {
    accepted++;
    let upstream;
    const connection = {
      release() {
        if (link.mode !== 'blackhole' && !upstream && !client.destroyed) connect();
        up.release();
        down.release();
      },
      destroy() {
        up.stop();
        down.stop();
        client.destroy();
        upstream?.destroy();
      },
    };
    // the server side's listeners, attached once it is connected
    const pendingDown = [];
    const up = directedPipe(client, () => upstream, link);
    const down = directedPipe({ on: (event, fn) => pendingDown.push([event, fn]) }, () => client, link);
    function connect() {
      upstream = net.connect({ host: target.host ?? '127.0.0.1', port: target.port });
      for (const [event, fn] of pendingDown) upstream.on(event, fn);
      upstream.on('connect', () => up.release());
      // refused or reset: so is the client's connection (a server's orderly end passes as one)
      upstream.on('error', () => connection.destroy());
    }
    client.on('error', () => connection.destroy());
    client.on('close', () => {
      open.delete(connection);
      connection.destroy();
    });
    open.add(connection);
    connection.release();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = server.address().port;
  return {
    port: bound,
    url: `https://127.0.0.1:${bound}`,
    mode: () => link.mode,
    setMode,
    /** Connections open now. */
    connections: () => open.size,
    /** Connections accepted so far. */
    accepted: () => accepted,
    close: () =>
      new Promise(resolve => {
        for (const connection of open) connection.destroy();
        server.close(() => resolve());
      }),
  };
}
