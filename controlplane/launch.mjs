// Starts one or more local Kubernetes control planes (etcd + kube-apiserver, no nodes, no
// controllers) on 127.0.0.1 with token users, RBAC and OME's CRDs installed, and stops them.
// The pieces: processes.mjs (process groups), cluster.mjs (one cluster: etcd.mjs,
// apiserver.mjs, users.mjs, rbac.mjs, crds.mjs, admission.mjs), kubeconfig.mjs, info.mjs
// (controlplane.json), seed.mjs and demo-status.mjs (objects and their status), and
// standin-kubelet.mjs (container logs of the demo pods, reached through pods/log).
//
//   const cp = await startControlPlane({ stateDir, clusters: ['ome-dev-a', 'ome-dev-b'], seed: true });
//   ... cp.clusters[0].url, cp.clusters[0].tokens['backstage-kubernetes'], cp.kubeconfig ...
//   await cp.stop();
import fs from 'node:fs';
import path from 'node:path';
import { ensureBinaries } from './build.mjs';
import { startCluster } from './cluster.mjs';
import { startControlServer } from './control.mjs';
import { writeControlPlaneInfo } from './info.mjs';
import { formatMs, loadYaml } from './kube.mjs';
import { buildKubeconfig } from './kubeconfig.mjs';
import { locateOmeData } from './ome-data.mjs';
import { startProcessGroups } from './processes.mjs';
import { startStandinKubelet } from './standin-kubelet.mjs';
import { startStandinModelHub } from './standin-model-hub.mjs';

// What other scripts and tests import from here.
export { SECONDARY_EXCLUDED_KINDS } from './crds.mjs';
export { buildKubeconfig } from './kubeconfig.mjs';
export { freePorts } from './processes.mjs';
export { rbacObjects } from './rbac.mjs';
export { USERS } from './users.mjs';

/**
 * Starts a local control plane per cluster (own etcd + kube-apiserver on 127.0.0.1, free ports,
 * detached process groups, logs in stateDir/<cluster>/), applies RBAC and OME's CRDs, writes
 * stateDir/kubeconfig and stateDir/controlplane.json.
 *
 * @param {object} opts
 * @param {string} opts.stateDir  folder for tokens, certs, logs, etcd data, kubeconfig
 * @param {Array<string | {name: string, excludeKinds?: string[]}>} [opts.clusters]
 *   default ['ome-dev-a', 'ome-dev-b']; every cluster but the first lacks SECONDARY_EXCLUDED_KINDS
 * @param {boolean | {demoStatus?: boolean}} [opts.seed]  seed the OME catalog (+ demo status), default false
 * @param {'full' | 'minimal'} [opts.crdSet]  OME's CRDs with full OpenAPI schemas (default) or OME's
 *   schemaless "minimal" variants (faster start, no validation of specs)
 * @param {{etcd: string, kubeApiserver: string}} [opts.binaries]  default: ensureBinaries()
 * @param {(msg: string) => void} [opts.log]
 * @returns {Promise<ControlPlane>} { stateDir, kubeconfig, infoFile, clusters, timings, seed, control, stop() }
 *   clusters[i].control: restartApiserver(), restartEtcd(), stop/start of each (restart.mjs);
 *   control: { url, token } of the same over HTTP for other processes (control.mjs)
 */
export async function startControlPlane({
  stateDir,
  clusters = ['ome-dev-a', 'ome-dev-b'],
  seed = false,
  crdSet = 'full',
  binaries,
  log = console.log,
} = {}) {
  if (!stateDir) throw new Error('startControlPlane: stateDir is required');
  stateDir = path.resolve(stateDir);
  fs.mkdirSync(stateDir, { recursive: true });
  const specs = clusters.map(c => (typeof c === 'string' ? { name: c } : c));
  const bins = binaries ?? (await ensureBinaries({ log }));
  const data = locateOmeData({ log });
  await loadYaml();

  // kills what an earlier run in this stateDir left behind, then keeps our processes
  const processes = startProcessGroups(stateDir, { log });
  let stopped;
  let controlServer;
  let kubelet;
  let modelHub;
  const stop = ({ graceMs = 5000 } = {}) => {
    stopped ??= (async () => {
      await controlServer?.close();
      await kubelet?.close();
      await modelHub?.close();
      // apiservers first, then their etcds
      await processes.stop({ graceMs, phases: [p => p.binary === bins.kubeApiserver] });
      // kubeconfig and controlplane.json exist only while the clusters run; logs stay
      for (const f of ['kubeconfig', 'controlplane.json']) fs.rmSync(path.join(stateDir, f), { force: true });
    })();
    return stopped;
  };

  const t0 = performance.now();
  let infos;
  try {
    const pending = specs.map((spec, index) =>
      startCluster({ spec, index, stateDir, bins, data, crdSet, processes, log }),
    );
    // wait for every cluster to settle before stopping: a cluster still starting could
    // otherwise spawn its etcd/kube-apiserver after stop() has run
    const settled = await Promise.allSettled(pending);
    const failed = settled.find(r => r.status === 'rejected');
    if (failed) throw failed.reason;
    infos = settled.map(r => r.value);
  } catch (err) {
    await stop();
    throw err;
  }
  // One stand-in kubelet for every cluster's demo Nodes, serving with the first cluster's
  // apiserver certificate (kube-apiserver does not verify kubelets here; see the file).
  try {
    const certs = path.join(stateDir, infos[0].name, 'certs');
    kubelet = await startStandinKubelet({
      cert: fs.readFileSync(path.join(certs, 'apiserver.crt')),
      key: fs.readFileSync(path.join(certs, 'apiserver.key')),
      log,
    });
    // the stand-in model hub that HuggingFace imports of npm start and the tests reach
    modelHub = await startStandinModelHub();
  } catch (err) {
    await stop();
    throw err;
  }
  const startToReadyMs = performance.now() - t0;
  log(`controlplane: ${infos.length} cluster(s) ready (CRDs established) in ${formatMs(startToReadyMs)}`);

  const { stringify } = await loadYaml();
  const kubeconfig = path.join(stateDir, 'kubeconfig');
  fs.writeFileSync(kubeconfig, stringify(buildKubeconfig(infos)), { mode: 0o600 });

  // restart in place for other processes (control.mjs); in-process: cp.clusters[i].control
  controlServer = await startControlServer(infos);
  const result = {
    stateDir,
    kubeconfig,
    infoFile: path.join(stateDir, 'controlplane.json'),
    clusters: infos,
    timings: { startToReadyMs },
    seed: undefined,
    control: { url: controlServer.url, token: controlServer.token },
    standinKubelet: { url: `https://127.0.0.1:${kubelet.port}`, port: kubelet.port },
    standinModelHub: { url: modelHub.url },
    stop,
  };
  const writeInfo = () => writeControlPlaneInfo(result);
  writeInfo();

  if (seed) {
    try {
      const { seedCluster } = await import('./seed.mjs');
      const { writeDemoStatus } = await import('./demo-status.mjs');
      const ts = performance.now();
      result.seed = await Promise.all(result.clusters.map((c, i) => seedCluster(c, { full: i === 0, data, log })));
      if (seed === true || seed.demoStatus !== false) {
        result.demoStatus = await Promise.all(
          result.clusters.map(c => writeDemoStatus(c, { log, kubeletPort: kubelet.port })),
        );
      }
      result.timings.seedMs = performance.now() - ts;
      log(`controlplane: seeded ${result.clusters.length} cluster(s) in ${formatMs(result.timings.seedMs)}`);
      writeInfo();
    } catch (err) {
      await stop();
      throw err;
    }
  }
  return result;
}

/**
 * Starts the control plane for the duration of `fn(cp)` and always stops it afterwards.
 * @template T
 * @param {Parameters<typeof startControlPlane>[0]} opts
 * @param {(cp: Awaited<ReturnType<typeof startControlPlane>>) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withControlPlane(opts, fn) {
  const cp = await startControlPlane(opts);
  try {
    return await fn(cp);
  } finally {
    await cp.stop();
  }
}
