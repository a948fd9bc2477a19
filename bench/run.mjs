#!/usr/bin/env node
// `npm run bench [-- --sizes 1000,5000,20000] [--only list,propagation,memory] [--duration 10]
//   [--changes 300] [--subscribers 1,50,500] [--keep]`
//
// Runs the benchmarks against a real local control plane (started here, or the one
// OME_CONTROLPLANE_FILE names) and a real Backstage backend with the kubernetes and OME plugins
// (bench/backend.cjs), prints a table per benchmark and writes JSON to .local/bench/. The
// bench's objects (InferenceServices labelled ome-console.bench/object=true in namespace
// ome-bench, half in each cluster) are created straight at the apiservers and deleted at the end.
import fs from 'node:fs';
import path from 'node:path';
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
import { listComparisonTable, listComparisons, listTable, runListBench } from './list.mjs';
import { MEMORY_METHOD, memorySummary, memoryTable, sampleMemory } from './memory.mjs';
import { propagationTable, runPropagation } from './propagation.mjs';
import { fmtBytes, parseCounts, parseSizes } from './stats.mjs';

const BENCHMARKS = ['list', 'propagation', 'memory'];

function parseArgs(argv) {
  const opts = {
    sizes: [1000, 5000, 20000],
    only: BENCHMARKS,
    durationSeconds: 10,
    changes: 300,
    subscribers: [1, 50, 500],
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

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const log = msg => console.log(msg);
  const machine = machineInfo();
  const header = { startedAt, machine, options: opts };
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

  try {
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
      `versions: node ${header.versions.node}, kube-apiserver ${header.versions.kubeApiserver}, ` +
        Object.entries(header.versions.backstage)
          .map(([n, v]) => `${n} ${v}`)
          .join(', '),
    );
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

    const results = { ...header, list: [], propagation: [], memory: [] };
    const memorySamples = [];
    if (opts.only.includes('memory')) memorySamples.push(await sampleMemory(backend, 0));
    let perCluster = 0;
    for (const size of opts.sizes) {
      const seeded = await seedTo(clients, perCluster, size / 2, { log });
      perCluster = size / 2;
      await waitForBenchCount(backend.api, size);
      log(`bench: ${size} objects created and cached in ${(seeded.ms / 1000).toFixed(1)} s`);
      if (opts.only.includes('memory')) memorySamples.push(await sampleMemory(backend, size));
      if (opts.only.includes('list')) {
        results.list.push(
          ...(await runListBench({
            backend,
            total: size,
            connections: { page: 8, all: 2 },
            durationSeconds: opts.durationSeconds,
            log,
          })),
        );
      }
      if (opts.only.includes('propagation') && size === opts.sizes[0]) {
        const changes = Math.min(opts.changes, size);
        for (const subscribers of opts.subscribers) {
          results.propagation.push(
            await runPropagation({ backend, clients, subscribers, changes, intervalMs: 20, objectsPerCluster: perCluster, log }),
          );
        }
      }
    }

    log('');
    log(`== ${startedAt} on ${machine.cores} cores (${machine.cpuModel}), ${fmtBytes(machine.memoryBytes)}; node ${header.versions.node}, kube-apiserver ${header.versions.kubeApiserver}`);
    if (results.list.length) {
      const comparisons = listComparisons(results.list);
      log('\nList latency and throughput (InferenceServices over two clusters; ome-backend from its cache vs the kubernetes proxy per request):');
      log(listTable(results.list));
      log('\nRatios, measured side by side in this run:');
      log(listComparisonTable(comparisons));
      log(`JSON: ${writeJson('list', { ...header, rows: results.list, comparisons })}`);
      results.listComparisons = comparisons;
    }
    if (results.propagation.length) {
      log('\nChange propagation (apiserver write -> SSE change event on /api/ome/events, per subscriber and change):');
      log(propagationTable(results.propagation));
      log(`JSON: ${writeJson('propagation', { ...header, rows: results.propagation })}`);
    }
    if (memorySamples.length) {
      const summary = memorySummary(memorySamples);
      results.memory = summary;
      log(`\nBackend memory (method: ${MEMORY_METHOD}):`);
      log(memoryTable(summary));
      log(`JSON: ${writeJson('memory', { ...header, method: MEMORY_METHOD, ...summary })}`);
    }
    log(`JSON (everything): ${writeJson('latest', results)}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  err => {
    console.error(`bench: ${err.stack || err.message}`);
    process.exit(1);
  },
);
