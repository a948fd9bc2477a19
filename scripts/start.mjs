#!/usr/bin/env node
// `npm start` (via scripts/toolchain.mjs, so Node 22, yarn on PATH, dependencies installed).
//
// Starts the example Backstage app (packages/app on http://localhost:3000, packages/backend
// on http://localhost:7007) with app-config.yaml, against either
//
//  - the clusters of $KUBECONFIG, when it is set: .local/app-config.kubeconfig.yaml gets one
//    `kubernetes.clusterLocatorMethods[0].clusters` entry per kubeconfig context (name = the
//    context's name; url, CA and bearer token from the context's cluster and user) and is
//    passed as an extra --config (its cluster list replaces app-config.yaml's). Only token
//    users work (`token` or `tokenFile`); contexts whose user authenticates otherwise (client
//    certificates, exec plugins) are skipped with a warning. The file holds credentials: it
//    is written with mode 0600 under .local/ (not committed). OME_KUBECONFIG_CONTEXTS (comma
//    separated) limits it to some contexts.
//  - otherwise the local control plane (controlplane/: ome-dev-a and ome-dev-b, seeded with
//    OME's catalog), whose URLs, `backstage-kubernetes` tokens and CA files are handed to
//    app-config.yaml as OME_DEV_{A,B}_{URL,TOKEN,CA_FILE}.
//
// Ctrl-C stops the app and the control plane (their process groups).
//
// For tests: `startExampleApp({ env, configs, ports: 'free' })` starts the app on free
// loopback ports (app-config.yaml plus a generated overlay, never app-config.local.yaml) and
// resolves once the backend's /api/ome/health and the app answer; `startLocalControlPlane()`
// starts and seeds the control plane and returns it with the env the app needs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBinaries } from '../controlplane/build.mjs';
import { freePorts, startControlPlane } from '../controlplane/launch.mjs';
import { startWatchdog, writeProcessFile } from '../controlplane/watchdog.mjs';

export const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
export const APP_URL = 'http://localhost:3000';
export const BACKEND_URL = 'http://localhost:7007';

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** `ome-dev-a` → `OME_DEV_A` */
function envPrefix(clusterName) {
  return clusterName.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/**
 * The environment app-config.yaml needs for the clusters of a control plane
 * (controlplane.json's `clusters`): OME_DEV_A_URL, OME_DEV_A_TOKEN, OME_DEV_A_CA_FILE, ...
 */
export function envFromControlPlane(clusters, user = 'backstage-kubernetes') {
  const env = {};
  for (const c of clusters) {
    const p = envPrefix(c.name);
    env[`${p}_URL`] = c.url;
    env[`${p}_TOKEN`] = c.tokens[user];
    env[`${p}_CA_FILE`] = c.caFile;
  }
  return env;
}

/** Starts (and seeds) the local control plane in .local/controlplane. */
export async function startLocalControlPlane({
  stateDir = path.join(REPO_ROOT, '.local', 'controlplane'),
  log = console.log,
} = {}) {
  const binaries = await ensureBinaries({ log });
  const cp = await startControlPlane({ stateDir, seed: true, binaries, log });
  return { controlPlane: cp, env: envFromControlPlane(cp.clusters) };
}

/**
 * Reads a kubeconfig and returns app-config (as an object) with one config-locator cluster
 * per context that has a token user, plus the names of skipped contexts and why.
 */
export async function kubeconfigToAppConfig(kubeconfigPath, { contexts } = {}) {
  const { parse } = await import('yaml');
  const dir = path.dirname(path.resolve(kubeconfigPath));
  const kc = parse(fs.readFileSync(kubeconfigPath, 'utf8')) ?? {};
  const byName = list =>
    new Map((Array.isArray(list) ? list : []).map(e => [e?.name, e]));
  const clustersByName = byName(kc.clusters);
  const usersByName = byName(kc.users);
  const rel = p => (p && !path.isAbsolute(p) ? path.resolve(dir, p) : p);
  const clusters = [];
  const skipped = [];
  for (const ctx of Array.isArray(kc.contexts) ? kc.contexts : []) {
    const name = ctx?.name;
    if (contexts && !contexts.includes(name)) continue;
    const cluster = clustersByName.get(ctx?.context?.cluster)?.cluster;
    const user = usersByName.get(ctx?.context?.user)?.user ?? {};
    if (!name || !cluster?.server) {
      skipped.push({ name, why: 'no cluster server' });
      continue;
    }
    let token = user.token;
    if (!token && user.tokenFile) {
      token = fs.readFileSync(rel(user.tokenFile), 'utf8').trim();
    }
    if (!token) {
      skipped.push({
        name,
        why: 'its user has no token (client certificates and exec plugins are not supported)',
      });
      continue;
    }
    const entry = {
      name,
      url: cluster.server,
      authProvider: 'serviceAccount',
      serviceAccountToken: token,
    };
    if (cluster['certificate-authority-data']) {
      entry.caData = cluster['certificate-authority-data'];
    } else if (cluster['certificate-authority']) {
      entry.caFile = rel(cluster['certificate-authority']);
    } else if (cluster['insecure-skip-tls-verify']) {
      entry.skipTLSVerify = true;
    }
    clusters.push(entry);
  }
  return {
    appConfig: {
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [{ type: 'config', clusters }],
      },
    },
    clusters: clusters.map(c => c.name),
    skipped,
  };
}

/** Writes .local/app-config.kubeconfig.yaml (mode 0600) from $KUBECONFIG's first file. */
export async function writeKubeconfigAppConfig(
  kubeconfig = process.env.KUBECONFIG,
  log = console.log,
) {
  const first = kubeconfig.split(path.delimiter).filter(Boolean)[0];
  const { stringify } = await import('yaml');
  const contexts = process.env.OME_KUBECONFIG_CONTEXTS?.split(',')
    .map(c => c.trim())
    .filter(Boolean);
  const { appConfig, clusters, skipped } = await kubeconfigToAppConfig(first, {
    contexts: contexts?.length ? contexts : undefined,
  });
  for (const s of skipped)
    log(`start: skipping kubeconfig context ${s.name}: ${s.why}`);
  if (clusters.length === 0) {
    throw new Error(`start: no usable context in ${first}`);
  }
  const out = path.join(REPO_ROOT, '.local', 'app-config.kubeconfig.yaml');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `# Generated by scripts/start.mjs from ${first}; holds credentials, do not commit.\n${stringify(
      appConfig,
    )}`,
    { mode: 0o600 },
  );
  fs.chmodSync(out, 0o600);
  log(`start: clusters from ${first}: ${clusters.join(', ')} (${out})`);
  return out;
}

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
 * @param {object} [opts]
 * @param {{ clusters: Array<{ name: string, url: string, caFile: string, tokens: Record<string,string> }> }} [opts.controlPlane]
 *   a started control plane (startControlPlane's result or controlplane.json's content): sets
 *   OME_DEV_{A,B}_{URL,TOKEN,CA_FILE} from it (the `backstage-kubernetes` token)
 * @param {Record<string,string>} [opts.env]  extra environment (wins over controlPlane's)
 * @param {'fixed' | 'free'} [opts.ports]  'fixed' (default): the ports of app-config.yaml (3000,
 *   7007); 'free': free loopback ports, set by a generated overlay config in `stateDir`
 * @param {string[]} [opts.configs]  config files; default app-config.yaml (+ app-config.local.yaml
 *   if present and ports are 'fixed'); the ports overlay is always added last
 * @param {string} [opts.stateDir]  for the ports overlay and the watchdog's process file
 * @param {string} [opts.logFile]  write the app's output there (default: inherit stdio)
 * @param {number} [opts.timeoutMs]  how long to wait for both to answer (default 5 min)
 * @returns {Promise<{ appUrl: string, backendUrl: string, configs: string[], pid: number, stop: () => Promise<void>, exited: Promise<number> }>}
 */
export async function startExampleApp({
  controlPlane,
  env: extraEnv = {},
  ports = 'fixed',
  configs,
  stateDir = path.join(REPO_ROOT, '.local', 'example-app'),
  logFile,
  output = logFile ?? 'inherit',
  timeoutMs = 5 * 60_000,
  log = console.log,
} = {}) {
  const env = {
    ...(controlPlane ? envFromControlPlane(controlPlane.clusters) : {}),
    ...extraEnv,
  };
  fs.mkdirSync(stateDir, { recursive: true });
  let appUrl = APP_URL;
  let backendUrl = BACKEND_URL;
  const configFiles = configs
    ? [...configs]
    : [
        'app-config.yaml',
        ...(ports === 'fixed' &&
        fs.existsSync(path.join(REPO_ROOT, 'app-config.local.yaml'))
          ? ['app-config.local.yaml']
          : []),
      ];
  if (ports === 'free') {
    const [appPort, backendPort] = await freePorts(2);
    appUrl = `http://localhost:${appPort}`;
    backendUrl = `http://localhost:${backendPort}`;
    // the frontend dev server listens on app.baseUrl's port, the backend on backend.listen.port
    const overlay = path.join(stateDir, 'app-config.ports.yaml');
    fs.writeFileSync(
      overlay,
      [
        '# Generated by scripts/start.mjs (startExampleApp with free ports).',
        'app:',
        `  baseUrl: ${appUrl}`,
        'backend:',
        `  baseUrl: ${backendUrl}`,
        '  listen:',
        `    port: ${backendPort}`,
        '  cors:',
        `    origin: ${appUrl}`,
        '',
      ].join('\n'),
    );
    configFiles.push(overlay);
  }
  for (const [url, what] of [
    [appUrl, 'app'],
    [backendUrl, 'backend'],
  ]) {
    const port = Number(new URL(url).port);
    if (await portInUse(port)) {
      throw new Error(
        `start: port ${port} (${what}) is already in use; stop whatever is listening there first`,
      );
    }
  }
  const args = [
    'backstage-cli',
    'repo',
    'start',
    ...configFiles.flatMap(c => ['--config', path.resolve(REPO_ROOT, c)]),
    'app',
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
      const done = await Promise.race([
        exited.then(() => true),
        sleep(10_000).then(() => false),
      ]);
      // the CLI may exit before its children: always sweep the group
      await sleep(500);
      killGroup('SIGKILL');
      if (!done) await Promise.race([exited, sleep(2000)]);
      fs.rmSync(processFile, { force: true });
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
      throw new Error(
        `start: timed out waiting for ${backendUp ? '' : healthUrl + ' '}${
          appUp ? '' : appUrl
        }`,
      );
    }
    backendUp ||= await answers(healthUrl);
    appUp ||= await answers(appUrl);
    if (!(backendUp && appUp)) await sleep(1000);
  }
  log(`start: backend ${backendUrl} and app ${appUrl} are up`);
  return {
    appUrl,
    backendUrl,
    configs: configFiles,
    pid: child.pid,
    stop,
    exited,
  };
}

async function main() {
  let controlPlane;
  let app;
  let stopping;
  const shutdown = (code, why) => {
    stopping ??= (async () => {
      if (why) console.log(`\nstart: ${why}, stopping ...`);
      if (app) await app.stop();
      if (controlPlane) await controlPlane.stop();
      process.exit(code);
    })();
    return stopping;
  };
  process.on('SIGINT', () => shutdown(130, 'SIGINT'));
  process.on('SIGTERM', () => shutdown(143, 'SIGTERM'));
  process.on('SIGHUP', () => shutdown(129, 'SIGHUP'));

  try {
    const configs = ['app-config.yaml'];
    if (fs.existsSync(path.join(REPO_ROOT, 'app-config.local.yaml'))) {
      configs.push('app-config.local.yaml');
    }
    let env = {};
    if (process.env.KUBECONFIG) {
      configs.push(await writeKubeconfigAppConfig(process.env.KUBECONFIG));
    } else {
      const started = await startLocalControlPlane();
      controlPlane = started.controlPlane;
      env = started.env;
      if (stopping) return;
    }
    app = await startExampleApp({ env, configs });
    if (stopping) return;
    console.log(
      `\nstart: open ${APP_URL}/ome (guest sign-in); Ctrl-C stops everything`,
    );
    const code = await app.exited;
    await shutdown(code, `the app exited (code ${code})`);
  } catch (err) {
    console.error(err.stack || err.message);
    await shutdown(1);
  }
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main();
}
