/*
 * A control plane of a suite's own (controlplane/cli.mjs with OME's schemaless CRDs, no
 * seed), for fault tests that stop and restart a cluster's apiserver or etcd in place:
 * doing that to the shared control plane would disturb the suites running beside them.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeRequestCluster } from './kubeRequest';

export interface OwnControlPlaneInfo {
  clusters: Array<
    KubeRequestCluster & { name: string; missingKinds: string[] }
  >;
  kubernetes: object;
  control: { url: string; token: string };
}

export interface OwnControlPlane {
  info: OwnControlPlaneInfo;
  /** Stops, starts or restarts one cluster's apiserver or etcd in place (controlplane/control.mjs). */
  action(
    cluster: string,
    part: 'apiserver' | 'etcd',
    action: 'stop' | 'start' | 'restart',
  ): Promise<void>;
  stop(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '../../../..');

export async function startOwnControlPlane(
  name: string,
): Promise<OwnControlPlane> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), `ome-${name}-`));
  const child = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, 'controlplane', 'cli.mjs'),
      '--state-dir',
      stateDir,
      '--minimal-crds',
      '--no-seed',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`control plane not running after 300 s:\n${output}`)),
      300_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('controlplane: running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`control plane exited (${code}):\n${output}`));
    });
  });
  const info = JSON.parse(
    fs.readFileSync(path.join(stateDir, 'controlplane.json'), 'utf8'),
  ) as OwnControlPlaneInfo;
  return {
    info,
    async action(cluster, part, action) {
      const res = await fetch(
        `${info.control.url}/clusters/${cluster}/${part}/${action}`,
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${info.control.token}` },
        },
      );
      if (!res.ok) {
        throw new Error(
          `${action} ${part} of ${cluster}: HTTP ${
            res.status
          } ${await res.text()}`,
        );
      }
    },
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // gone already
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>(resolve => {
        timer = setTimeout(() => resolve(true), 30_000);
      });
      if (await Promise.race([exited.then(() => false), late])) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      clearTimeout(timer);
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
