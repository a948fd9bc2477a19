// The example app's production bundle (packages/app/dist), which the `page` and `bundle`
// benchmarks measure: built here with `backstage-cli package build` (Rspack, production mode,
// source maps), or reused with --no-build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../controlplane/kube.mjs';
import { BENCH_DIR } from './env.mjs';

export const APP_DIST = path.join(REPO_ROOT, 'packages', 'app', 'dist');

/** The built JavaScript files (dist/static/*.js), with their sizes; empty when not built. */
export function builtScripts(dist = APP_DIST) {
  const dir = path.join(dist, 'static');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.js'))
    .sort()
    .map(f => path.join(dir, f));
}

/**
 * Builds packages/app (`yarn build` there) unless `build` is false, then checks that
 * dist/index.html and scripts exist. Resolves to { built, buildMs, dist }.
 */
export async function ensureAppBuild({
  build = true,
  log,
  timeoutMs = 20 * 60_000,
}) {
  if (build) {
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    const logFile = path.join(BENCH_DIR, 'app-build.log');
    log(
      `bench: building packages/app for production (log: ${path.relative(
        REPO_ROOT,
        logFile,
      )}) ...`,
    );
    const out = fs.openSync(logFile, 'w');
    const t0 = performance.now();
    const child = spawn('yarn', ['build'], {
      cwd: path.join(REPO_ROOT, 'packages', 'app'),
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    const code = await new Promise(resolve => {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('exit', c => {
        clearTimeout(timer);
        resolve(c ?? 1);
      });
      child.on('error', () => resolve(127));
    });
    if (code !== 0)
      throw new Error(
        `bench: building packages/app failed (exit ${code}); see ${logFile}`,
      );
    const buildMs = performance.now() - t0;
    log(`bench: packages/app built in ${(buildMs / 1000).toFixed(1)} s`);
    return { built: true, buildMs, dist: APP_DIST };
  }
  if (
    !fs.existsSync(path.join(APP_DIST, 'index.html')) ||
    !builtScripts().length
  ) {
    throw new Error(
      `bench: --no-build, but ${path.relative(
        REPO_ROOT,
        APP_DIST,
      )} holds no build; run without --no-build once`,
    );
  }
  log(
    `bench: reusing the build in ${path.relative(
      REPO_ROOT,
      APP_DIST,
    )} (--no-build)`,
  );
  return { built: false, buildMs: undefined, dist: APP_DIST };
}
