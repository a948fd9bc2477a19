#!/usr/bin/env node
// `npm run cluster` / `node controlplane/cli.mjs [--no-seed] [--minimal-crds] [--state-dir DIR] [--exit]`
// Builds (or reuses) etcd + kube-apiserver, starts ome-dev-a and ome-dev-b on 127.0.0.1,
// seeds them with OME objects and demo status, prints how to reach them, then waits for
// Ctrl-C (or SIGTERM) and stops everything.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBinaries } from './build.mjs';
import { startControlPlane } from './launch.mjs';
import { REPO_ROOT, formatMs } from './kube.mjs';

export { startControlPlane, withControlPlane } from './launch.mjs';
export { ensureBinaries } from './build.mjs';

function parseArgs(argv) {
  const opts = { seed: true, stateDir: path.join(REPO_ROOT, '.local', 'controlplane'), exit: false, crdSet: 'full' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-seed') opts.seed = false;
    else if (a === '--exit') opts.exit = true; // start, seed, print, stop (smoke test)
    else if (a === '--state-dir') opts.stateDir = path.resolve(argv[++i]);
    else if (a === '--minimal-crds') opts.crdSet = 'minimal'; // OME's schemaless CRDs: starts ~4x faster
    else if (a === '--help' || a === '-h') {
      console.log('usage: node controlplane/cli.mjs [--no-seed] [--minimal-crds] [--state-dir DIR] [--exit]');
      process.exit(0);
    } else {
      console.error(`unknown argument ${a}`);
      process.exit(2);
    }
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let cp;
  let stopping;
  const shutdown = async (code, why) => {
    if (stopping) return stopping;
    stopping = (async () => {
      if (why) console.log(`\ncontrolplane: ${why}, stopping ...`);
      if (cp) await cp.stop();
      console.log('controlplane: stopped');
      process.exit(code);
    })();
    return stopping;
  };
  process.on('SIGINT', () => shutdown(130, 'SIGINT'));
  process.on('SIGTERM', () => shutdown(143, 'SIGTERM'));
  process.on('SIGHUP', () => shutdown(129, 'SIGHUP'));

  const tb = performance.now();
  const bins = await ensureBinaries();
  const buildMs = performance.now() - tb;
  const buildNote = bins.builds.map(b => `${b.name} ${b.cached ? 'cached' : formatMs(b.ms)}`).join(', ');

  cp = await startControlPlane({ stateDir: opts.stateDir, seed: opts.seed, crdSet: opts.crdSet, binaries: bins });
  if (stopping) return;

  console.log('');
  console.log(`kubeconfig:   ${cp.kubeconfig}`);
  console.log(`cluster info: ${cp.infoFile}`);
  for (const c of cp.clusters) {
    console.log(`  ${c.name.padEnd(10)} ${c.url}  ${c.version}  kinds: ${c.kinds.length}` +
      (c.missingKinds.length ? ` (no ${c.missingKinds.join(', ')})` : ''));
  }
  console.log(`users:        ${Object.keys(cp.clusters[0].tokens).join(', ')} (tokens in ${path.basename(cp.infoFile)})`);
  console.log(`timings:      binaries ${formatMs(buildMs)} (${buildNote}), start-to-ready ${formatMs(cp.timings.startToReadyMs)}` +
    (cp.timings.seedMs !== undefined ? `, seed + demo status ${formatMs(cp.timings.seedMs)}` : ''));
  const c0 = cp.clusters[0];
  console.log(`try:          curl --cacert ${c0.caFile} -H "Authorization: Bearer $(node -p "require('${cp.infoFile}').clusters[0].tokens['ome-admin']")" ${c0.url}/apis/ome.io/v1beta1/clusterbasemodels`);
  if (opts.exit) return shutdown(0);
  console.log('\ncontrolplane: running; press Ctrl-C to stop');
  setInterval(() => {}, 1 << 30); // keep the event loop alive until a signal arrives
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch(err => {
    console.error(`controlplane: ${err.stack || err.message}`);
    process.exit(1);
  });
}
