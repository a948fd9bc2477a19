#!/usr/bin/env node
// `npm run bench [-- --sizes 1000,5000,20000] [--only list,propagation,memory,page,bundle,startup]
//   [--duration 10] [--changes 300] [--subscribers 1,50,500] [--loads 5] [--no-build] [--keep]`
//
// Runs the benchmarks against a real local control plane (started here, or the one
// OME_CONTROLPLANE_FILE names) and a real Backstage backend with the kubernetes and OME plugins
// (bench/backend.cjs), prints a table per benchmark and writes JSON to .local/bench/. The
// bench's objects (InferenceServices labelled ome-console.bench/object=true in namespace
// ome-bench, half in each cluster) are created straight at the apiservers and deleted at the end.
// `page` and `bundle` measure the app's production build (built first unless --no-build);
// `startup` starts a control plane and the example app of its own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_DIST, ensureAppBuild } from './appBuild.mjs';
import { BUNDLE_METHOD, bundleTable, measureBundle } from './bundle.mjs';
import {
  BENCH_DIR,
  adminClients,
  controlPlane,
  deleteBenchObjects,
  machineInfo,
  seedTo,
  startBackend,
  versions,
  waitForBenchCount,
  waitForCache,
} from './env.mjs';
import { LIST_METHOD, listComparisonTable, listComparisons, listTable, runListBench } from './list.mjs';
import { MEMORY_METHOD, memorySummary, memoryTable, sampleMemory } from './memory.mjs';
import { PAGE_METHOD, pageTable, runPageBench } from './page.mjs';
import { propagationTable, runPropagation } from './propagation.mjs';
import { fmtBytes, parseCounts, parseSizes } from './stats.mjs';
import { STARTUP_METHOD, runStartupBench, startupTable } from './startup.mjs';
import { startExampleApp } from '../scripts/exampleApp.mjs';

export const BENCHMARKS = ['list', 'propagation', 'memory', 'page', 'bundle', 'startup'];
/** The benchmarks that need the bench objects in the clusters (and the backend under test). */
const WITH_OBJECTS = ['list', 'propagation', 'memory', 'page'];

export function parseArgs(argv) {
  const opts = {
    sizes: [1000, 5000, 20000],
    only: BENCHMARKS,
    durationSeconds: 10,
    changes: 300,
    subscribers: [1, 50, 500],
    loads: 5,
    build: true,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') opts.sizes = parseSizes(value());
    else if (flag === '--only') {
      opts.only = value().split(',');
      const bad = opts.only.find(b => !BENCHMARKS.includes(b));
      if (bad) throw new Error(`--only: unknown benchmark "${bad}" (known: ${BENCHMARKS.join(', ')})`);
    } else if (flag === '--duration') opts.durationSeconds = positive(flag, value(), 600);
    else if (flag === '--changes') opts.changes = positive(flag, value(), 5000);
    else if (flag === '--subscribers') opts.subscribers = parseCounts(value(), { flag, min: 1 });
    else if (flag === '--loads') opts.loads = positive(flag, value(), 50);
    else if (flag === '--no-build') opts.build = false;
    else if (flag === '--keep') opts.keep = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 3).join('\n').replace(/^\/\/ ?/gm, ''));
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  for (const s of opts.sizes) {
    if (s % 2) throw new Error(`--sizes: ${s} is odd; the objects are split evenly over two clusters`);
  }
  return opts;
}

function positive(flag, text, max) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${flag}: "${text}" is not a whole number within 1..${max}`);
  return n;
}

function writeJson(name, data) {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

/**
 * latest.json: each benchmark's latest result (with its run's header), so a run of some
 * benchmarks (`--only`) keeps the others' earlier results.
 */
export function mergeLatest(previous, header, results) {
  const latest = previous && typeof previous === 'object' && previous.benchmarks ? { ...previous } : { benchmarks: {} };
  latest.benchmarks = { ...latest.benchmarks };
  for (const [name, data] of Object.entries(results)) latest.benchmarks[name] = { ...header, ...data };
  latest.updatedAt = header.startedAt;
  return latest;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const log = msg => console.log(msg);
  const machine = machineInfo();
  const header = { startedAt, machine, options: opts };
  const only = name => opts.only.includes(name);
  log(`bench: ${startedAt}`);
  log(
    `machine: ${machine.cores} cores (${machine.cpuModel}), ${fmtBytes(machine.memoryBytes)} memory ` +
      `(${fmtBytes(machine.freeMemoryBytesAtStart)} free), load average ${machine.loadAverageAtStart.join(' ')}, ${machine.platform}`,
  );

  const cleanups = [];
  let cleaning;
  const cleanup = () => {
    cleaning ??= (async () => {
      for (const fn of cleanups.reverse()) {
        try {
          await fn();
        } catch (err) {
          console.error(`bench: cleanup: ${err.message}`);
        }
      }
    })();
    return cleaning;
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => cleanup().finally(() => process.exit(130)));
  }

  const results = {};
  const printed = [];
  let failed;
  const report = (title, table, name, data) => {
    printed.push(`\n${title}\n${table}`);
    results[name] = data;
    printed.push(`JSON: ${writeJson(name, { ...header, ...data })}`);
  };
  try {
    header.versions = versions();
    if (only('page') || only('bundle')) {
      header.appBuild = await ensureAppBuild({ build: opts.build, log });
    }
    if (only('bundle')) {
      const bundle = measureBundle(APP_DIST);
      report(`The app's JavaScript, gzipped (method: ${BUNDLE_METHOD}):`, bundleTable(bundle), 'bundle', { method: BUNDLE_METHOD, ...bundle });
    }

    if (opts.only.some(b => WITH_OBJECTS.includes(b))) {
      const cp = await controlPlane({ log });
      cleanups.push(cp.stop);
      const backend = await startBackend({ info: cp.info, log });
      cleanups.push(backend.stop);
      header.versions = versions(cp.info);
      header.coldStart = {
        controlPlaneStartToReadyMs: cp.startToReadyMs,
        backendStartToHealthyMs: backend.coldStartMs,
      };
      log(
        `cold start: control plane start to ready ${cp.startToReadyMs === undefined ? '- (reused)' : `${(cp.startToReadyMs / 1000).toFixed(1)} s`}, ` +
          `backend process start to healthy ${(backend.coldStartMs / 1000).toFixed(1)} s`,
      );

      const clients = adminClients(cp.info);
      cleanups.push(async () => clients.forEach(c => c.kube.close()));
      await deleteBenchObjects(clients, { log }); // leftovers of an interrupted run
      if (!opts.keep) cleanups.push(() => deleteBenchObjects(clients, { log }));
      await waitForCache(backend.api);
      await waitForBenchCount(backend.api, 0);

      let app;
      if (only('page')) {
        // the example app (its backend with auth, catalog, permission ...) serving the production build
        app = await startExampleApp({
          controlPlane: cp.info,
          ports: 'free',
          builtApp: true,
          stateDir: path.join(BENCH_DIR, 'example-app'),
          logFile: path.join(BENCH_DIR, 'example-app.log'),
          timeoutMs: 10 * 60_000,
          log,
        });
        cleanups.push(app.stop);
      }

      const list = [];
      const propagation = [];
      const page = [];
      const memorySamples = [];
      if (only('memory')) memorySamples.push(await sampleMemory(backend, 0));
      let perCluster = 0;
      for (const size of opts.sizes) {
        const seeded = await seedTo(clients, perCluster, size / 2, { log });
        perCluster = size / 2;
        await waitForBenchCount(backend.api, size);
        log(`bench: ${size} objects created and cached in ${(seeded.ms / 1000).toFixed(1)} s`);
        if (only('memory')) memorySamples.push(await sampleMemory(backend, size));
        if (only('list')) {
          list.push(
            ...(await runListBench({
              backend,
              total: size,
              connections: { page: 8, all: 2 },
              durationSeconds: opts.durationSeconds,
              log,
            })),
          );
        }
        if (only('propagation') && size === opts.sizes[0]) {
          const changes = Math.min(opts.changes, size);
          for (const subscribers of opts.subscribers) {
            propagation.push(
              await runPropagation({ backend, clients, subscribers, changes, intervalMs: 20, objectsPerCluster: perCluster, log }),
            );
          }
        }
        if (only('page')) page.push(...(await runPageBench({ appUrl: app.appUrl, objects: size, loads: opts.loads, log })));
      }

      if (list.length) {
        const comparisons = listComparisons(list);
        report(
          'List latency and throughput (InferenceServices over two clusters; ome-backend from its cache vs the kubernetes proxy per request):',
          `${listTable(list)}\n\nRatios, measured side by side in this run:\n${listComparisonTable(comparisons)}`,
          'list',
          { method: LIST_METHOD, rows: list, comparisons },
        );
      }
      if (propagation.length) {
        report(
          'Change propagation (apiserver write -> SSE change event on /api/ome/events, per subscriber and change):',
          propagationTable(propagation),
          'propagation',
          { rows: propagation },
        );
      }
      if (memorySamples.length) {
        const summary = memorySummary(memorySamples);
        report(`Backend memory (method: ${MEMORY_METHOD}):`, memoryTable(summary), 'memory', { method: MEMORY_METHOD, ...summary });
      }
      if (page.length) {
        report(`The list page in Chromium (method: ${PAGE_METHOD}):`, pageTable(page), 'page', { method: PAGE_METHOD, rows: page });
      }
    }

    if (only('startup')) {
      // last, on its own: a control plane and an app of its own, nothing else running of ours
      await cleanup();
      cleaning = undefined;
      cleanups.length = 0;
      try {
        const startup = await runStartupBench({ log });
        if (header.versions.kubeApiserver === '-') header.versions.kubeApiserver = startup.kubeApiserver;
        report(`Cold start (method: ${STARTUP_METHOD}):`, startupTable(startup), 'startup', { method: STARTUP_METHOD, ...startup });
      } catch (err) {
        // the other benchmarks' tables are still printed; the run fails at the end
        failed = err;
        printed.push(`\nCold start: failed: ${err.message}`);
      }
    }

    const v = header.versions;
    log('');
    log(
      `== ${startedAt} on ${machine.cores} cores (${machine.cpuModel}), ${fmtBytes(machine.memoryBytes)}, load average at start ` +
        `${machine.loadAverageAtStart.join(' ')}; node ${v.node}, kube-apiserver ${v.kubeApiserver}, ` +
        Object.entries(v.packages)
          .map(([n, ver]) => `${n} ${ver}`)
          .join(', '),
    );
    for (const p of printed) log(p);
    const latestFile = path.join(BENCH_DIR, 'latest.json');
    writeJson('latest', mergeLatest(readJson(latestFile), header, results));
    log(`JSON (latest of every benchmark): ${latestFile}`);
    if (failed) throw failed;
  } finally {
    await cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    err => {
      console.error(`bench: ${err.stack || err.message}`);
      process.exit(1);
    },
  );
}
