#!/usr/bin/env node
// Builds kube-apiserver and etcd from the Go modules in controlplane/kube-apiserver and
// controlplane/etcd into the user's cache dir, keyed by a hash of go.mod + go.sum, so a
// fresh clone (or a second worktree) reuses binaries that were already built.
//
//   node controlplane/build.mjs           build what is missing, print paths and timings
//   node controlplane/build.mjs --print   only print where the binaries are/would be
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from '../scripts/toolchain.mjs';
import { CONTROLPLANE_DIR, sha256Hex, formatMs } from './kube.mjs';

export const MIN_GO = [1, 26];

/** Where built binaries live: ${XDG_CACHE_HOME:-$HOME/.cache}/ome-console/controlplane */
export function binaryCacheRoot() {
  return path.join(cacheRoot(), 'controlplane');
}

/** Finds `go` on PATH, else /usr/local/go/bin/go; throws a clear error when missing or too old. */
export function findGo() {
  const candidates = [];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir) candidates.push(path.join(dir, 'go'));
  }
  candidates.push('/usr/local/go/bin/go');
  const go = candidates.find(p => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  });
  if (!go) {
    throw new Error(
      `controlplane: Go ${MIN_GO.join('.')} or newer is needed to build kube-apiserver and etcd, ` +
        'but no `go` was found on PATH or at /usr/local/go/bin/go.',
    );
  }
  const r = spawnSync(go, ['env', 'GOVERSION'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' } });
  const v = (r.stdout || '').trim();
  const m = /^go(\d+)\.(\d+)/.exec(v);
  if (r.status !== 0 || !m) {
    throw new Error(`controlplane: could not read the Go version from ${go} (${(r.stderr || v).trim()})`);
  }
  const [maj, min] = [Number(m[1]), Number(m[2])];
  if (maj < MIN_GO[0] || (maj === MIN_GO[0] && min < MIN_GO[1])) {
    throw new Error(`controlplane: ${go} is ${v}; Go ${MIN_GO.join('.')} or newer is needed.`);
  }
  return { go, version: v };
}

function k8sVersionFromGoMod(goMod) {
  const m = /^\s*(?:require\s+)?k8s\.io\/kubernetes\s+v(\d+)\.(\d+)\.(\d+)\S*/m.exec(goMod);
  if (!m) throw new Error('controlplane: kube-apiserver/go.mod does not require k8s.io/kubernetes');
  return { gitVersion: `v${m[1]}.${m[2]}.${m[3]}`, major: m[1], minor: m[2] };
}

/** The two binaries: module dir, main package and ldflags. */
export function binarySpecs() {
  const specs = [
    { name: 'etcd', moduleDir: path.join(CONTROLPLANE_DIR, 'etcd'), pkg: 'go.etcd.io/etcd/server/v3' },
    {
      name: 'kube-apiserver',
      moduleDir: path.join(CONTROLPLANE_DIR, 'kube-apiserver'),
      pkg: 'k8s.io/kubernetes/cmd/kube-apiserver',
    },
  ];
  for (const s of specs) {
    const goMod = fs.readFileSync(path.join(s.moduleDir, 'go.mod'), 'utf8');
    const goSum = fs.readFileSync(path.join(s.moduleDir, 'go.sum'), 'utf8');
    s.hash = sha256Hex(goMod, goSum).slice(0, 16);
    s.dir = path.join(binaryCacheRoot(), `${s.name}-${s.hash}`);
    s.path = path.join(s.dir, s.name);
    s.ldflags = '-s -w';
    if (s.name === 'kube-apiserver') {
      const v = k8sVersionFromGoMod(goMod);
      s.ldflags +=
        ` -X k8s.io/component-base/version.gitVersion=${v.gitVersion}` +
        ` -X k8s.io/component-base/version.gitMajor=${v.major}` +
        ` -X k8s.io/component-base/version.gitMinor=${v.minor}`;
    }
  }
  return specs;
}

function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function runGoBuild(go, spec, out, log) {
  return new Promise((resolve, reject) => {
    const args = ['build', '-trimpath', '-ldflags', spec.ldflags, '-o', out, spec.pkg];
    const child = spawn(go, args, {
      cwd: spec.moduleDir,
      env: { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOWORK: 'off' },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', d => {
      stderr += d;
      process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('exit', code => {
      if (code === 0) resolve();
      else reject(new Error(`go build of ${spec.name} failed (exit ${code}):\n${stderr.slice(-4000)}`));
    });
    log(`controlplane: building ${spec.name} (go build ${spec.pkg}) ...`);
  });
}

/**
 * Makes sure both binaries exist in the cache, building what is missing (one at a time:
 * the machines have 2 cores).
 * @param {{ log?: (msg: string) => void, force?: boolean }} [opts]
 * @returns {Promise<{ etcd: string, kubeApiserver: string,
 *   builds: Array<{ name: string, path: string, cached: boolean, ms: number }> }>}
 */
export async function ensureBinaries({ log = console.log, force = false } = {}) {
  const specs = binarySpecs();
  const builds = [];
  let goInfo;
  for (const spec of specs) {
    const t0 = performance.now();
    if (!force && isExecutable(spec.path)) {
      builds.push({ name: spec.name, path: spec.path, cached: true, ms: 0 });
      continue;
    }
    goInfo ??= findGo();
    fs.mkdirSync(spec.dir, { recursive: true });
    const tmp = path.join(spec.dir, `.${spec.name}.tmp-${process.pid}-${Date.now()}`);
    try {
      await runGoBuild(goInfo.go, spec, tmp, log);
      fs.chmodSync(tmp, 0o755);
      fs.renameSync(tmp, spec.path); // atomic within one directory
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    const ms = performance.now() - t0;
    builds.push({ name: spec.name, path: spec.path, cached: false, ms });
    log(`controlplane: built ${spec.name} with ${goInfo.version} in ${formatMs(ms)} -> ${spec.path}`);
  }
  const by = Object.fromEntries(builds.map(b => [b.name, b.path]));
  return { etcd: by.etcd, kubeApiserver: by['kube-apiserver'], builds };
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--print')) {
    for (const s of binarySpecs()) console.log(`${s.name}\t${isExecutable(s.path) ? 'present' : 'missing'}\t${s.path}`);
    return;
  }
  const t0 = performance.now();
  const res = await ensureBinaries({ force: args.includes('--force') });
  for (const b of res.builds) {
    console.log(`${b.name}: ${b.cached ? 'cached' : `built in ${formatMs(b.ms)}`} ${b.path}`);
  }
  console.log(`controlplane: binaries ready in ${formatMs(performance.now() - t0)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch(err => {
    console.error(err.message);
    process.exit(1);
  });
}
