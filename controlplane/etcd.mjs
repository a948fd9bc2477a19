// One cluster's etcd: a single member on two free loopback ports, throw-away data.
import http from 'node:http';
import path from 'node:path';
import { freePorts, tailFile, waitFor } from './processes.mjs';

/** A plain HTTP GET (etcd's /health) that resolves { status, body }. */
function httpGet(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2000 }, res => {
      let body = '';
      res.on('data', d => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/**
 * Starts etcd for cluster `name` with its data in `dataDir` and waits for /health. Retries
 * on another port pair when the reserved ports were taken in the meantime.
 *
 * With `restart: { clientPort, peerPort }`: starts it again on those ports with its data.
 *
 * @param {{ name: string, dir: string, dataDir: string, binary: string, processes: ReturnType<typeof import('./processes.mjs').startProcessGroups>, restart?: { clientPort: number, peerPort: number } }} opts
 * @returns {Promise<{ proc: object, url: string, clientPort: number, peerPort: number }>}
 */
export async function startEtcd({ name, dir, dataDir, binary, processes, restart }) {
  for (let attempt = 1; ; attempt++) {
    // A restart in place keeps its ports and its data (the flags for a new cluster are
    // ignored by etcd when the data dir already holds a member).
    const [clientPort, peerPort] = restart ? [restart.clientPort, restart.peerPort] : await freePorts(2);
    const url = `http://127.0.0.1:${clientPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    const proc = processes.spawn(
      binary,
      [
        `--name=${name}`,
        `--data-dir=${dataDir}`,
        `--listen-client-urls=${url}`,
        `--advertise-client-urls=${url}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=${name}=${peerUrl}`,
        '--initial-cluster-state=new',
        '--unsafe-no-fsync', // throwaway data: skip fsync, much faster on slow disks
        '--log-level=warn',
      ],
      path.join(dir, 'etcd.log'),
    );
    try {
      await waitFor(`etcd of ${name}`, proc, 30_000, async () => {
        const r = await httpGet(`${url}/health`);
        return r.status === 200 && r.body.includes('true');
      });
      return { proc, url, clientPort, peerPort };
    } catch (err) {
      if (!restart && attempt < 3 && /address already in use/.test(tailFile(proc.logFile, 50))) continue; // port race
      throw err;
    }
  }
}
