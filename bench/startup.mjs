// Benchmark: a cold `npm start`, done the way scripts/start.mjs does it (startLocalControlPlane,
// then startExampleApp in dev mode), but with a control plane of its own in
// .local/bench/startup and free loopback ports, so a running `npm start` or the shared control
// plane are not touched. Then Chromium opens the OME list page until its first row shows.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, signIn } from '../e2e/browser.mjs';
import { startLocalControlPlane } from '../scripts/clusters.mjs';
import { startExampleApp } from '../scripts/exampleApp.mjs';
import { BENCH_DIR } from './env.mjs';
import { PAGE_PATH } from './page.mjs';
import { fmt, formatTable } from './stats.mjs';

export const STARTUP_METHOD =
  'as scripts/start.mjs: startLocalControlPlane() (two clusters: etcd + kube-apiserver each, OME CRDs until Established, ' +
  'stand-ins; then the demo seed) and startExampleApp() (`backstage-cli repo start app backend`: dev server compiling the ' +
  'app, backend transpiling TypeScript), in .local/bench/startup with free ports; control plane start to ready is ' +
  "launch.mjs's startToReadyMs (processes spawned until every cluster answers with its CRDs Established); app start to " +
  "first page served = spawn until /api/ome/health and the app's index answer (polled each second); to rows visible = " +
  'spawn until Chromium, after the guest sign-in, shows the first row of ' +
  `${PAGE_PATH}; the toolchain check of npm start (dependencies installed) is not included`;

/** Starts and stops a control plane and the example app once, timing each phase. */
export async function runStartupBench({ log }) {
  const stateDir = path.join(BENCH_DIR, 'startup');
  fs.mkdirSync(stateDir, { recursive: true });
  const result = {};
  const t0 = performance.now();
  const { controlPlane } = await startLocalControlPlane({
    stateDir: path.join(stateDir, 'controlplane'),
    log,
  });
  let app;
  let browser;
  try {
    result.kubeApiserver = [
      ...new Set(controlPlane.clusters.map(c => c.version)),
    ].join(', ');
    result.controlPlaneStartToReadyMs = controlPlane.timings.startToReadyMs;
    result.seedMs = controlPlane.timings.seedMs;
    result.controlPlaneTotalMs = performance.now() - t0;
    const t1 = performance.now();
    app = await startExampleApp({
      controlPlane,
      ports: 'free',
      stateDir: path.join(stateDir, 'example-app'),
      logFile: path.join(stateDir, 'example-app.log'),
      // the dev server compiles the whole app first: minutes on a busy machine
      timeoutMs: 15 * 60_000,
      log,
    });
    result.appStartToServedMs = performance.now() - t1;
    browser = await launchBrowser({ viewport: { width: 1600, height: 1000 } });
    const page = await browser.context.newPage();
    // the dev server may still be bundling the first page's chunks for minutes
    page.setDefaultNavigationTimeout(300_000);
    await signIn(page, PAGE_PATH, app.appUrl);
    await page
      .locator('[data-testid="ome-row"]')
      .first()
      .waitFor({ timeout: 600_000 }); // bounded; the first row waits for the dev server's bundling
    result.appStartToRowsVisibleMs = performance.now() - t1;
    result.npmStartToServedMs =
      result.controlPlaneTotalMs + result.appStartToServedMs;
    result.npmStartToRowsVisibleMs =
      result.controlPlaneTotalMs + result.appStartToRowsVisibleMs;
    return result;
  } finally {
    await browser?.close();
    await app?.stop();
    await controlPlane.stop();
  }
}

export function startupTable(r) {
  const s = ms => fmt(ms === undefined ? undefined : ms / 1000, 1);
  return formatTable(
    ['phase', 'seconds'],
    [
      [
        'control plane start to ready (CRDs Established)',
        s(r.controlPlaneStartToReadyMs),
      ],
      ['demo seed', s(r.seedMs)],
      ['control plane, all of it', s(r.controlPlaneTotalMs)],
      ['app start to first page served', s(r.appStartToServedMs)],
      ['app start to rows visible', s(r.appStartToRowsVisibleMs)],
      ['cold npm start to first page served', s(r.npmStartToServedMs)],
      ['cold npm start to rows visible', s(r.npmStartToRowsVisibleMs)],
    ],
  );
}
