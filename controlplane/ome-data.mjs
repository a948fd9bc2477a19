#!/usr/bin/env node
// Locates OME's data files (CRDs, model/runtime catalog, samples).
// First choice: the Go module github.com/sgl-project/ome at the pinned pseudo-version
// (`go mod download -json` prints its folder in the module cache); fallback: the read-only
// copy in ../shared/ome next to the repository, or next to the main clone when this is one of
// its git worktrees (same commit, same files).
//
//   node controlplane/ome-data.mjs   prints the source and the file counts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findGo } from './build.mjs';
import { REPO_ROOT, listFiles } from './kube.mjs';

export const OME_MODULE = 'github.com/sgl-project/ome';
export const OME_VERSION = 'v0.1.6-0.20260506135950-17b77edad23b'; // commit 17b77edad23b

/**
 * Where the shared copy may be: ../shared/ome beside the repository and, in a git worktree
 * (`git worktree add` puts it anywhere), beside the main clone that holds the git directory.
 */
export function sharedOmeDirs() {
  const dirs = [path.resolve(REPO_ROOT, '..', 'shared', 'ome')];
  const git = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const commonDir = git.status === 0 ? git.stdout.trim() : '';
  if (commonDir) dirs.push(path.resolve(path.dirname(commonDir), '..', 'shared', 'ome'));
  return [...new Set(dirs)];
}

const isManifest = p => /\.ya?ml$/.test(p) && !/(^|\/)kustomization\.ya?ml$/.test(p);

export function layoutFromModule(dir) {
  const c = path.join(dir, 'config');
  return {
    source: 'go-module',
    root: dir,
    crdFiles: listFiles(path.join(c, 'crd', 'full'), isManifest),
    minimalCrdFiles: listFiles(path.join(c, 'crd', 'minimal'), isManifest),
    modelFiles: listFiles(path.join(c, 'models'), isManifest),
    runtimeFiles: listFiles(path.join(c, 'runtimes'), isManifest), // srt/ and vllm/
    isvcFiles: listFiles(path.join(c, 'samples', 'isvc'), isManifest),
    benchmarkFiles: listFiles(path.join(c, 'samples', 'benchmark'), isManifest),
  };
}

export function layoutFromShared(dir) {
  return {
    source: 'shared',
    root: dir,
    crdFiles: listFiles(path.join(dir, 'crds', 'full'), isManifest),
    minimalCrdFiles: listFiles(path.join(dir, 'crds', 'minimal'), isManifest),
    modelFiles: listFiles(path.join(dir, 'catalog-models'), isManifest),
    runtimeFiles: listFiles(path.join(dir, 'catalog-runtimes'), isManifest),
    isvcFiles: listFiles(path.join(dir, 'samples', 'isvc'), isManifest),
    benchmarkFiles: listFiles(path.join(dir, 'samples', 'benchmark'), isManifest),
  };
}

/** Runs `go mod download -json` for the pinned OME module; returns its Dir or an error text. */
export function downloadOmeModule() {
  let go;
  try {
    ({ go } = findGo());
  } catch (err) {
    return { error: err.message };
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ome-data-'));
  try {
    const r = spawnSync(go, ['mod', 'download', '-json', `${OME_MODULE}@${OME_VERSION}`], {
      cwd: tmp, // outside any module, so the pinned version is all that is asked for
      encoding: 'utf8',
      timeout: 60_000, // a hanging module proxy must not block start-up (and signals) for long
      env: { ...process.env, GOFLAGS: '-mod=mod', GOWORK: 'off', GOTOOLCHAIN: 'local' },
    });
    let info;
    try {
      info = JSON.parse(r.stdout);
    } catch {
      return { error: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n')[0] };
    }
    // keep the message short and without the proxy's address: "... 403 Forbidden"
    if (info.Error) return { error: info.Error.split('\n')[0].replace(/reading \S+:\s*/, '') };
    if (!info.Dir || !fs.existsSync(info.Dir)) return { error: 'go mod download printed no Dir' };
    return { dir: info.Dir };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

let cached;
/**
 * Locates the OME data files.
 * @param {{ prefer?: 'module' | 'shared', log?: (msg: string) => void }} [opts]
 *   prefer defaults to $OME_DATA_SOURCE or 'module'.
 * @returns {{ source: 'go-module' | 'shared', root: string, crdFiles: string[], minimalCrdFiles: string[],
 *   modelFiles: string[], runtimeFiles: string[], isvcFiles: string[], benchmarkFiles: string[],
 *   moduleError?: string }}
 *   (absolute paths, sorted; kustomization.yaml files excluded; crdFiles are the full-schema CRDs,
 *   minimalCrdFiles the schemaless variants OME also ships)
 */
export function locateOmeData({ prefer = process.env.OME_DATA_SOURCE || 'module', log = () => {} } = {}) {
  if (cached && cached.prefer === prefer) return cached.value;
  let value;
  let moduleError;
  if (prefer !== 'shared') {
    const r = downloadOmeModule();
    if (r.dir) {
      value = layoutFromModule(r.dir);
      if (value.crdFiles.length !== 8) {
        moduleError = `module folder ${r.dir} has ${value.crdFiles.length} CRDs, expected 8`;
        value = undefined;
      }
    } else {
      moduleError = r.error;
    }
  }
  if (!value) {
    const candidates = sharedOmeDirs();
    const shared = candidates.find(d => fs.existsSync(d));
    if (!shared) {
      throw new Error(
        `controlplane: OME data not found: the Go module ${OME_MODULE}@${OME_VERSION} could not be ` +
          `downloaded (${moduleError}) and ${candidates.join(' and ')} do not exist.`,
      );
    }
    if (moduleError) log(`controlplane: OME Go module unavailable (${moduleError}); using ${shared}`);
    value = layoutFromShared(shared);
    if (moduleError) value.moduleError = moduleError;
  }
  cached = { prefer, value };
  return value;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const d = locateOmeData({ log: m => console.error(m) });
  console.log(`source: ${d.source} (${d.root})`);
  for (const k of ['crdFiles', 'minimalCrdFiles', 'modelFiles', 'runtimeFiles', 'isvcFiles', 'benchmarkFiles']) {
    console.log(`${k}: ${d[k].length}`);
  }
}
