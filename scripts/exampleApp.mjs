// The example Backstage app (packages/app and packages/backend) run by `backstage-cli repo
// start` in its own process group, for `npm start` and for the browser tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../controlplane/kube.mjs';
import { controlPlaneClusters, kubernetesConfig } from '../controlplane/kubernetesConfig.mjs';
import { freePorts } from '../controlplane/processes.mjs';
import { startWatchdog, writeProcessFile } from '../controlplane/watchdog.mjs';
import { writeKubernetesAppConfig, writePortsAppConfig, writeStandinsAppConfig } from './appConfig.mjs';

export const APP_URL = 'http://localhost:3000';
export const BACKEND_URL = 'http://localhost:7007';

const sleep = ms => new Promise(r => setTimeout(r, ms));

function portInUse(port, host = '127.0.0.1') {
  return new Promise(resolve => {
    const sock = net.connect({ port, host });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Starts the example app (`backstage-cli repo start` for packages/app and packages/backend)
 * in its own process group and waits until the backend's /api/ome/health and the app answer.
 * A watchdog (controlplane/watchdog.mjs) kills that process group if this Node process dies
 * without stopping it (SIGKILL).
 *
 * Config files, later ones winning: `configs` (default app-config.yaml), the clusters
 * (`<stateDir>/app-config.kubernetes.yaml`, mode 0600, when `kubernetes` or `controlPlane` is
 * given), app-config.local.yaml (when present, with fixed ports and default configs), the
 * ports (`<stateDir>/app-config.ports.yaml`, with free ports).
 *
 * @param {object} [opts]
 * @param {object} [opts.kubernetes]  the `kubernetes` config key (controlplane/kubernetesConfig.mjs)
 * @param {string} [opts.kubernetesSource]  where those clusters come from (for the file's header)
 * @param {{ clusters: Array<{ name: string, url: string, caData: string, tokens: Record<string,string> }> }} [opts.controlPlane]
 *   a started control plane (startControlPlane's result or controlplane.json's content), instead
 *   of `kubernetes`: its clusters with the kubernetes plugin's token (`backstage-kubernetes`)
 * @param {Record<string,string>} [opts.env]  extra environment for the app
 * @param {'fixed' | 'free'} [opts.ports]  'fixed' (default): the ports of app-config.yaml (3000,
 *   7007); 'free': free loopback ports
 * @param {string[]} [opts.configs]  config files before the generated ones
 * @param {string} [opts.stateDir]  for the generated config files and the watchdog's process file
 * @param {boolean} [opts.builtApp]  serve the production build of packages/app (packages/app/dist,
 *   `yarn build` there first) from the backend's app plugin instead of starting the dev server:
 *   only the backend is started and the app is at the backend's URL
 * @param {string} [opts.logFile]  write the app's output there (default: inherit stdio)
 * @param {number} [opts.timeoutMs]  how long to wait for both to answer (default 5 min)
 * @returns {Promise<{ appUrl: string, backendUrl: string, configs: string[], pid: number, stop: () => Promise<void>, exited: Promise<number> }>}
 */
export async function startExampleApp({
  kubernetes,
  kubernetesSource = 'the local control plane',
  controlPlane,
  env = {},
  ports = 'fixed',
  configs,
  builtApp = false,
  stateDir = path.join(REPO_ROOT, '.local', 'example-app'),
  logFile,
  output = logFile ?? 'inherit',
  timeoutMs = 5 * 60_000,
  log = console.log,
} = {}) {
  fs.mkdirSync(stateDir, { recursive: true });
  const configFiles = [...(configs ?? ['app-config.yaml'])];
  kubernetes ??= controlPlane && kubernetesConfig(controlPlaneClusters(controlPlane.clusters));
  // holds the clusters' tokens: removed again by stop()
  const kubernetesFile = path.join(stateDir, 'app-config.kubernetes.yaml');
  if (kubernetes) configFiles.push(await writeKubernetesAppConfig(kubernetesFile, kubernetes, kubernetesSource));
  // the local control plane's stand-in model hub and Secret writer (also removed by stop())
  const standinsFile = path.join(stateDir, 'app-config.standins.yaml');
  if (controlPlane?.standinModelHub) configFiles.push(await writeStandinsAppConfig(standinsFile, controlPlane));
  if (!configs && ports === 'fixed' && fs.existsSync(path.join(REPO_ROOT, 'app-config.local.yaml'))) {
    configFiles.push('app-config.local.yaml');
  }
  let appUrl = APP_URL;
  let backendUrl = BACKEND_URL;
  if (ports === 'free') {
    const [appPort, backendPort] = await freePorts(2);
    backendUrl = `http://localhost:${backendPort}`;
    appUrl = builtApp ? backendUrl : `http://localhost:${appPort}`;
    configFiles.push(await writePortsAppConfig(path.join(stateDir, 'app-config.ports.yaml'), { appUrl, backendUrl }));
  }
  if (builtApp && ports === 'fixed') {
    // the backend's app plugin serves the bundle: the app's URL is the backend's
    appUrl = backendUrl;
    const file = path.join(stateDir, 'app-config.ports.yaml');
    configFiles.push(await writePortsAppConfig(file, { appUrl, backendUrl }));
  }
  if (builtApp && !fs.existsSync(path.join(REPO_ROOT, 'packages', 'app', 'dist', 'index.html'))) {
    throw new Error('start: builtApp needs the production build of packages/app (run `yarn build` there)');
  }
  for (const [url, what] of [
    [appUrl, 'app'],
    [backendUrl, 'backend'],
  ]) {
    const port = Number(new URL(url).port);
    if (await portInUse(port)) {
      throw new Error(`start: port ${port} (${what}) is already in use; stop whatever is listening there first`);
    }
  }
  const args = [
    'backstage-cli',
    'repo',
    'start',
    ...configFiles.flatMap(c => ['--config', path.resolve(REPO_ROOT, c)]),
    ...(builtApp ? [] : ['app']),
    'backend',
  ];
  let stdio = 'inherit';
  let logFd;
  if (output !== 'inherit') {
    fs.mkdirSync(path.dirname(output), { recursive: true });
    logFd = fs.openSync(output, 'a');
    stdio = ['ignore', logFd, logFd];
  }
  log(`start: yarn ${args.join(' ')}`);
  const processFile = path.join(stateDir, 'processes.tsv');
  const watchdog = startWatchdog(processFile);
  const child = spawn('yarn', args, {
    cwd: REPO_ROOT,
    env: { ...process.env, BROWSER: 'none', ...env },
    stdio,
    detached: true, // own process group: stop() ends the CLI, backend and dev server together
  });
  if (logFd !== undefined) fs.closeSync(logFd);
  // the group leader is the yarn shim, then (exec) node running yarn: its cmdline has this
  if (child.pid) writeProcessFile(processFile, [{ pid: child.pid, match: 'backstage-cli' }]);
  let exitCode;
  const exited = new Promise(resolve => {
    child.on('exit', (code, signal) => {
      exitCode = signal ? 128 + (os.constants.signals[signal] ?? 1) : code ?? 1;
      resolve(exitCode);
    });
    child.on('error', err => {
      log(`start: could not run yarn: ${err.message}`);
      exitCode = 127;
      resolve(exitCode);
    });
  });
  const killGroup = signal => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* gone */
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      killGroup('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      // the CLI may exit before its children: always sweep the group
      await sleep(500);
      killGroup('SIGKILL');
      if (!done) await Promise.race([exited, sleep(2000)]);
      fs.rmSync(processFile, { force: true });
      if (kubernetes) fs.rmSync(kubernetesFile, { force: true });
      fs.rmSync(standinsFile, { force: true });
      watchdog.stop();
      process.removeListener('exit', onExit);
    })();
    return stopping;
  };

  const deadline = Date.now() + timeoutMs;
  const healthUrl = `${backendUrl}/api/ome/health`;
  let backendUp = false;
  let appUp = false;
  while (!(backendUp && appUp)) {
    if (exitCode !== undefined) {
      await stop();
      throw new Error(`start: the app exited early (code ${exitCode})`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`start: timed out waiting for ${backendUp ? '' : healthUrl + ' '}${appUp ? '' : appUrl}`);
    }
    backendUp ||= await answers(healthUrl);
    appUp ||= await answers(appUrl);
    if (!(backendUp && appUp)) await sleep(1000);
  }
  log(`start: backend ${backendUrl} and app ${appUrl} are up`);
  return { appUrl, backendUrl, configs: configFiles, pid: child.pid, stop, exited };
}
