// `npm test`: lint, typecheck, unit and integration tests (against a real local
// control plane started once here), then the browser test against the example app.
// Exits non-zero on any failure and always stops what it started.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startExampleApp, startLocalControlPlane } from './start.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stateDir = path.join(repoRoot, '.local', 'test-run');
const resultsDir = path.join(stateDir, 'results');

const only = process.argv.slice(2); // e.g. `npm test -- jest browser`
const wanted = step => only.length === 0 || only.includes(step);

const steps = [];
const cleanups = [];
let stopping = false;

async function cleanup() {
  if (stopping) return;
  stopping = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (e) {
      console.error(`[test] cleanup failed: ${e}`);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

function run(label, cmd, args, env = process.env) {
  return new Promise(resolve => {
    console.log(`\n[test] ── ${label}: ${cmd} ${args.join(' ')}`);
    const started = Date.now();
    const child = spawn(cmd, args, { cwd: repoRoot, env, stdio: 'inherit' });
    child.on('exit', code => {
      const seconds = (Date.now() - started) / 1000;
      steps.push({ label, ok: code === 0, seconds });
      console.log(`[test] ── ${label}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)}s`);
      resolve(code === 0);
    });
  });
}

function jestCounts(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return undefined;
  }
}

function nodeTestCounts(output) {
  const pass = /^# pass (\d+)/m.exec(output);
  const fail = /^# fail (\d+)/m.exec(output);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]), skipped: 0 } : undefined;
}

async function main() {
  const started = Date.now();
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const counts = [];

  if (wanted('lint')) await run('lint', 'yarn', ['backstage-cli', 'repo', 'lint', '--max-warnings', '0']);
  if (wanted('tsc')) await run('typecheck', 'yarn', ['tsc']);
  if (wanted('api-reports')) await run('API reports are current', 'yarn', ['build:api-reports', '--ci']);

  let controlPlane;
  if (wanted('jest') || wanted('browser')) {
    const t0 = Date.now();
    ({ controlPlane } = await startLocalControlPlane({ stateDir: path.join(stateDir, 'controlplane') }));
    cleanups.push(() => controlPlane.stop());
    console.log(`[test] control plane ready and seeded in ${((Date.now() - t0) / 1000).toFixed(1)}s: ${controlPlane.clusters.map(c => `${c.name} ${c.url} (kube-apiserver ${c.version})`).join(', ')}`);
  }
  // CI=true keeps backstage-cli's jest out of watch mode; the kubernetes backend loads
  // @kubernetes/client-node with a dynamic import(), which jest only runs with vm modules.
  const env = {
    ...process.env,
    CI: 'true',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' '),
    OME_CONTROLPLANE_FILE: controlPlane?.infoFile ?? '',
  };

  if (wanted('jest')) {
    const jestJson = path.join(resultsDir, 'jest.json');
    await run('unit and integration tests (jest)', 'yarn', ['backstage-cli', 'repo', 'test', '--ci', '--json', `--outputFile=${jestJson}`], env);
    const c = jestCounts(jestJson);
    if (c) counts.push(c);
  }

  if (wanted('browser')) {
    const app = await startExampleApp({ controlPlane, logFile: path.join(stateDir, 'example-app.log') });
    cleanups.push(() => app.stop());
    let output = '';
    const ok = await new Promise(resolve => {
      console.log('\n[test] ── browser tests: node --test e2e/**/*.test.mjs');
      const t0 = Date.now();
      const child = spawn(process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', 'e2e/**/*.test.mjs'], {
        cwd: repoRoot,
        env: { ...env, OME_E2E_BASE_URL: app.appUrl },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.stdout.on('data', d => {
        output += d;
        process.stdout.write(d);
      });
      child.on('exit', code => {
        steps.push({ label: 'browser tests', ok: code === 0, seconds: (Date.now() - t0) / 1000 });
        resolve(code === 0);
      });
    });
    const c = nodeTestCounts(output);
    if (c) counts.push(c);
    if (!ok) console.log('[test] ── browser tests: FAILED');
  }

  await cleanup();

  const total = counts.reduce((a, c) => ({ passed: a.passed + c.passed, failed: a.failed + c.failed, skipped: a.skipped + c.skipped }), { passed: 0, failed: 0, skipped: 0 });
  const failedSteps = steps.filter(s => !s.ok);
  console.log('\n[test] summary');
  for (const s of steps) console.log(`  ${s.ok ? 'ok    ' : 'FAILED'} ${s.label} (${s.seconds.toFixed(1)}s)`);
  console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`tests: ${total.passed} passed, ${total.failed + failedSteps.filter(s => !/jest|browser/.test(s.label)).length} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(failedSteps.length === 0 && total.failed === 0 && steps.length > 0 ? 0 : 1);
}

main().catch(async e => {
  console.error(`[test] ${e?.stack ?? e}`);
  await cleanup();
  process.exit(1);
});
