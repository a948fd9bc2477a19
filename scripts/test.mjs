// `npm test`: lint, typecheck, the packed packages, API reports, unit and integration tests
// (against a real local control plane started once here), the control plane's own tests
// against that same control plane, then the browser test against the example app on free
// loopback ports.
// Exits non-zero on any failure and always stops what it started.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startExampleApp, startLocalControlPlane } from './start.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stateDir = path.join(repoRoot, '.local', 'test-run');
const resultsDir = path.join(stateDir, 'results');

export const STEPS = ['lint', 'tsc', 'packages', 'api-reports', 'jest', 'controlplane', 'browser'];

const steps = []; // { label, ok, seconds, counts? }
const cleanups = [];
let cleanupPromise;

function cleanup() {
  cleanupPromise ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (e) {
        console.error(`[test] cleanup failed: ${e}`);
      }
    }
  })();
  return cleanupPromise;
}

/** Counts from jest's --json output file; undefined when it is missing or unreadable. */
export function jestCounts(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
      skipped: r.numPendingTests + r.numTodoTests,
    };
  } catch {
    return undefined;
  }
}

/** Counts from the summary of node --test's TAP output; undefined without a summary. */
export function nodeTestCounts(output) {
  const n = key => {
    const m = new RegExp(`^# ${key} (\\d+)\\s*$`, 'm').exec(output);
    return m ? Number(m[1]) : undefined;
  };
  const [pass, fail] = [n('pass'), n('fail')];
  if (pass === undefined || fail === undefined) return undefined;
  return {
    passed: pass,
    failed: fail + (n('cancelled') ?? 0),
    skipped: (n('skipped') ?? 0) + (n('todo') ?? 0),
  };
}

/**
 * The summary's totals: a failed step without test counts (a crash, lint, tsc) or whose
 * counts show no failure still counts as one failure.
 */
export function totals(stepList) {
  const t = { passed: 0, failed: 0, skipped: 0 };
  for (const s of stepList) {
    if (s.counts) {
      t.passed += s.counts.passed;
      t.failed += s.counts.failed;
      t.skipped += s.counts.skipped;
    }
    if (!s.ok && !(s.counts?.failed > 0)) t.failed += 1;
  }
  return t;
}

/** Runs a command; resolves { ok, output } (output only when `capture`, which also echoes it). */
function run(label, cmd, args, { env = process.env, capture = false } = {}) {
  return new Promise(resolve => {
    console.log(`\n[test] ── ${label}: ${cmd === process.execPath ? 'node' : cmd} ${args.join(' ')}`);
    const started = Date.now();
    const child = spawn(cmd, args, {
      cwd: repoRoot,
      env,
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', d => {
      output += d;
      process.stdout.write(d);
    });
    const done = code => {
      const seconds = (Date.now() - started) / 1000;
      const step = { label, ok: code === 0, seconds };
      steps.push(step);
      console.log(`[test] ── ${label}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)}s`);
      resolve({ ok: code === 0, output, step });
    };
    child.on('error', err => {
      console.error(`[test] ${label}: ${err.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(signal ? 128 : code));
  });
}

/** node --test with TAP output, counted from its summary. */
async function runNodeTests(label, patterns, env) {
  const r = await run(label, process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', ...patterns], {
    env,
    capture: true,
  });
  r.step.counts = nodeTestCounts(r.output);
  return r.ok;
}

async function main() {
  const only = process.argv.slice(2); // e.g. `npm test -- jest browser`
  const unknown = only.filter(s => !STEPS.includes(s));
  if (unknown.length) {
    console.error(`[test] unknown step(s) ${unknown.join(', ')}; steps: ${STEPS.join(', ')}`);
    process.exit(2);
  }
  const wanted = step => only.length === 0 || only.includes(step);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => {
      await cleanup();
      process.exit(130);
    });
  }

  const started = Date.now();
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });

  if (wanted('lint')) await run('lint', 'yarn', ['backstage-cli', 'repo', 'lint', '--max-warnings', '0']);
  // One full type check: it also writes the dist-types the packages and API reports are made from.
  if (wanted('tsc') || wanted('packages') || wanted('api-reports')) {
    await run(wanted('tsc') ? 'typecheck' : 'typecheck (dist-types for the packages and API reports)', 'yarn', ['tsc:full']);
  }
  if (wanted('packages')) {
    await runNodeTests('packed packages (build, yarn pack, entry points and declarations)', ['scripts/packages/packed.test.mjs'], {
      ...process.env,
      OME_PACKAGES_DIR: path.join(stateDir, 'packages'),
    });
  }
  if (wanted('api-reports')) {
    await run('API reports are current', 'yarn', [
      'backstage-repo-tools',
      'api-reports',
      '-o',
      'ae-wrong-input-file-type,ae-undocumented',
      '--validate-release-tags',
      '--ci',
    ]);
  }

  let controlPlane;
  if (wanted('jest') || wanted('controlplane') || wanted('browser')) {
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
    const r = await run('unit and integration tests (jest)', 'yarn', ['backstage-cli', 'repo', 'test', '--ci', '--json', `--outputFile=${jestJson}`], { env });
    r.step.counts = jestCounts(jestJson);
  }

  if (wanted('controlplane')) {
    await runNodeTests('control plane and scripts tests', ['controlplane/*.test.mjs', 'scripts/*.test.mjs'], env);
  }

  if (wanted('browser')) {
    const app = await startExampleApp({
      controlPlane,
      ports: 'free', // never 3000/7007, never app-config.local.yaml
      stateDir: path.join(stateDir, 'example-app'),
      logFile: path.join(stateDir, 'example-app.log'),
    });
    cleanups.push(() => app.stop());
    // OME_E2E_FILES (comma-separated paths) runs only those browser tests, for work on one page.
    const files = process.env.OME_E2E_FILES ? process.env.OME_E2E_FILES.split(',') : ['e2e/**/*.test.mjs'];
    await runNodeTests('browser tests', files, { ...env, OME_E2E_BASE_URL: app.appUrl });
  }

  await cleanup();

  const total = totals(steps);
  console.log('\n[test] summary');
  for (const s of steps) console.log(`  ${s.ok ? 'ok    ' : 'FAILED'} ${s.label} (${s.seconds.toFixed(1)}s)`);
  console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(total.failed === 0 && steps.length > 0 ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch(async e => {
    console.error(`[test] ${e?.stack ?? e}`);
    await cleanup();
    process.exit(1);
  });
}
