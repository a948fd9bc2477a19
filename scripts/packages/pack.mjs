// Builds the plugin packages and packs them as they would be published: `backstage-cli
// package build` (bundles src, and the declarations `yarn tsc` wrote to dist-types/), then
// `yarn pack` (its prepack/postpack let backstage-cli point main, types and exports at dist/
// and it rewrites `workspace:^` ranges). The archives are unpacked into
// `<outDir>/node_modules/<name>`: with outDir inside the repository, Node and TypeScript find
// the packed packages there and their dependencies in the repository's node_modules.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../controlplane/kube.mjs';

/** The publishable packages, in dependency order. */
export const PACKAGES = [
  'plugins/ome-common',
  'plugins/ome-backend',
  'plugins/ome',
  'plugins/catalog-backend-module-ome',
  'plugins/scaffolder-backend-module-ome',
];

function run(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${cmd} ${args.join(' ')} in ${path.relative(REPO_ROOT, cwd)} failed (exit ${code}):\n${output}`)),
    );
  });
}

/**
 * Builds, packs and unpacks every package of PACKAGES into outDir (emptied first).
 * @returns {Promise<Array<{ name: string, workspaceDir: string, archive: string, dir: string }>>}
 *   dir: the unpacked package
 */
export async function packPackages(outDir, { log = console.log } = {}) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const packed = [];
  for (const rel of PACKAGES) {
    const workspaceDir = path.join(REPO_ROOT, rel);
    const { name } = JSON.parse(fs.readFileSync(path.join(workspaceDir, 'package.json'), 'utf8'));
    const archive = path.join(outDir, `${name.replace(/^@/, '').replace('/', '-')}.tgz`);
    const t0 = Date.now();
    await run('yarn', ['backstage-cli', 'package', 'build'], workspaceDir);
    try {
      await run('yarn', ['pack', '--out', archive], workspaceDir);
    } finally {
      // prepack rewrites package.json in place and postpack puts it back; when the pack
      // fails in between, put it back here so the workspace is not left pointing at dist/
      const backup = path.join(workspaceDir, 'package.json-prepack');
      if (fs.existsSync(backup)) fs.renameSync(backup, path.join(workspaceDir, 'package.json'));
    }
    const dir = path.join(outDir, 'node_modules', name);
    fs.mkdirSync(dir, { recursive: true });
    await run('tar', ['-xzf', archive, '-C', dir, '--strip-components=1'], outDir);
    log(`packages: ${name} built, packed and unpacked in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    packed.push({ name, workspaceDir, archive, dir });
  }
  return packed;
}

/** Every file in an unpacked package, relative to it, sorted. */
export function listFiles(dir, prefix = '') {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap(e => (e.isDirectory() ? listFiles(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)]))
    .sort();
}
