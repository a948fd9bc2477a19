// Starts one or more local Kubernetes control planes (etcd + kube-apiserver, no nodes, no
// controllers) on 127.0.0.1 with token users, RBAC and OME's CRDs installed.
//
//   const cp = await startControlPlane({ stateDir, clusters: ['ome-dev-a', 'ome-dev-b'], seed: true });
//   ... cp.clusters[0].url, cp.clusters[0].tokens['backstage-kubernetes'], cp.kubeconfig ...
//   await cp.stop();
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { admissionObjects, applyAdmissionPolicies } from './admission.mjs';
import { ensureBinaries } from './build.mjs';
import { locateOmeData } from './ome-data.mjs';
import { OME_KINDS, formatMs, kubeClient, loadYaml, objectPath, readYamlDocs, sleep } from './kube.mjs';
import { killRecorded, startWatchdog, writeProcessFile } from './watchdog.mjs';

/** Token users created on every cluster. */
export const USERS = [
  { name: 'ome-admin', groups: ['system:masters'] },
  { name: 'backstage-kubernetes', groups: ['ome-console:backstage'] },
  { name: 'ome-impersonator', groups: ['ome-console:impersonators'] },
  { name: 'alice', groups: ['team-a'] },
  { name: 'bob', groups: ['team-b'] },
];

/** Kinds whose CRD is left out on every cluster but the first ("kind not installed" case). */
export const SECONDARY_EXCLUDED_KINDS = ['FineTunedWeight', 'BenchmarkJob'];

const OME_PLURALS = OME_KINDS.map(k => k.plural);

/** RBAC (and the namespaces it needs) applied to every cluster. */
export function rbacObjects() {
  const rbac = 'rbac.authorization.k8s.io/v1';
  const read = ['get', 'list', 'watch'];
  const edit = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
  const clusterRole = (name, rules) => ({ apiVersion: rbac, kind: 'ClusterRole', metadata: { name }, rules });
  const crb = (name, role, subjects) => ({
    apiVersion: rbac,
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects,
  });
  const user = name => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name });
  const group = name => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name });
  const teamNs = ['team-a', 'team-b'];
  return [
    // labelled with their team, for policies that select namespaces (ome.io/team: team-a)
    ...teamNs.map(name => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'ome.io/team': name } } })),
    // The Backstage kubernetes backend's cluster credential: full ome.io, namespaces, read of
    // workload diagnostics, SubjectAccessReviews. Deliberately NO impersonate verb: the
    // kubernetes proxy passes Impersonate-* headers through from any caller.
    clusterRole('ome-console:backstage-kubernetes', [
      { apiGroups: ['ome.io'], resources: ['*'], verbs: ['*'] },
      { apiGroups: [''], resources: ['namespaces'], verbs: ['*'] },
      { apiGroups: [''], resources: ['pods', 'pods/log', 'events', 'configmaps', 'nodes'], verbs: read },
      { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: read },
      { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
    ]),
    crb('ome-console:backstage-kubernetes', 'ome-console:backstage-kubernetes', [user('backstage-kubernetes')]),
    // Only impersonation, for the OME backend's own defence-in-depth credential.
    clusterRole('ome-console:impersonator', [
      { apiGroups: [''], resources: ['users', 'groups', 'serviceaccounts'], verbs: ['impersonate'] },
    ]),
    crb('ome-console:impersonator', 'ome-console:impersonator', [user('ome-impersonator')]),
    // Ordinary users: everyone in team-a/team-b reads ome.io cluster-wide (and namespaces) ...
    clusterRole('ome-console:ome-viewer', [
      { apiGroups: ['ome.io'], resources: ['*'], verbs: read },
      { apiGroups: [''], resources: ['namespaces'], verbs: read },
    ]),
    crb('ome-console:ome-viewers', 'ome-console:ome-viewer', [group('team-a'), group('team-b')]),
    // ... and edits ome.io objects (not their status) in its own namespace only.
    clusterRole('ome-console:ome-editor', [{ apiGroups: ['ome.io'], resources: OME_PLURALS, verbs: edit }]),
    ...teamNs.map(ns => ({
      apiVersion: rbac,
      kind: 'RoleBinding',
      metadata: { name: 'ome-editors', namespace: ns },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ome-console:ome-editor' },
      subjects: [group(ns)],
    })),
  ];
}

/** Reserves `n` distinct free TCP ports on 127.0.0.1 (binds port 0, holds all, then releases). */
export async function freePorts(n) {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      await new Promise((res, rej) => {
        srv.once('error', rej);
        srv.listen(0, '127.0.0.1', res);
      });
      servers.push(srv);
    }
    return servers.map(s => s.address().port);
  } finally {
    await Promise.all(servers.map(s => new Promise(r => s.close(r))));
  }
}

function writeServiceAccountKey(file) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
}

function csvField(s) {
  return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function tailFile(file, lines = 25) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Resolves true when the process exited within `ms`, false otherwise (timer is cleared). */
function waitExit(proc, ms) {
  let timer;
  return Promise.race([
    proc.exitPromise.then(() => true),
    new Promise(r => (timer = setTimeout(() => r(false), ms))),
  ]).finally(() => clearTimeout(timer));
}

const PROCESS_FILE = 'processes.tsv'; // "<pid>\t<binary>" per line: every process group we started

/** Kills process groups recorded by an earlier run in the same stateDir that are still alive. */
function killStale(stateDir, log) {
  for (const { pid, match } of killRecorded(path.join(stateDir, PROCESS_FILE))) {
    log(`controlplane: stopped stale ${path.basename(match)} (pid ${pid}) from an earlier run`);
  }
}

function spawnLogged(binary, args, logFile) {
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(binary, args, { detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  const proc = { pid: child.pid, binary, logFile, child, exited: false, exitCode: null };
  proc.exitPromise = new Promise(resolve => {
    child.on('exit', (code, signal) => {
      proc.exited = true;
      proc.exitCode = code ?? signal;
      resolve();
    });
    child.on('error', err => {
      proc.exited = true;
      proc.exitCode = err.message;
      resolve();
    });
  });
  return proc;
}

function httpGet(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2000 }, res => {
      let body = '';
      res.on('data', d => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function waitFor(what, proc, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    if (proc && proc.exited) {
      throw new Error(`${what}: process exited (${proc.exitCode}); log ${proc.logFile}:\n${tailFile(proc.logFile)}`);
    }
    try {
      const r = await check();
      if (r) return r;
    } catch (err) {
      lastErr = err;
    }
    await sleep(150);
  }
  throw new Error(
    `${what}: not ready after ${formatMs(timeoutMs)}${lastErr ? ` (${lastErr.message})` : ''}` +
      (proc ? `; log ${proc.logFile}:\n${tailFile(proc.logFile)}` : ''),
  );
}

/** The self-signed serving cert file holds the leaf then its CA; the CA is what clients trust. */
function readServingCa(certFile) {
  const pem = fs.readFileSync(certFile, 'utf8');
  const certs = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) || [];
  if (!certs.length) return undefined;
  return certs[certs.length - 1].trimEnd() + '\n';
}

async function loadCrds(data, excludeKinds, crdSet) {
  const crds = [];
  for (const f of crdSet === 'minimal' ? data.minimalCrdFiles : data.crdFiles) {
    for (const doc of await readYamlDocs(f)) {
      if (doc.kind !== 'CustomResourceDefinition') continue;
      if (excludeKinds.includes(doc.spec.names.kind)) continue;
      crds.push(doc);
    }
  }
  return crds;
}

async function startCluster({ spec, index, stateDir, bins, data, crdSet, log, procs, dataDirs, onSpawn }) {
  const name = spec.name;
  const dir = path.join(stateDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const certDir = path.join(dir, 'certs');
  const etcdData = path.join(dir, 'etcd-data');
  fs.mkdirSync(certDir, { recursive: true });
  fs.mkdirSync(etcdData, { recursive: true, mode: 0o700 });
  dataDirs.push(etcdData);

  const tokens = Object.fromEntries(USERS.map(u => [u.name, crypto.randomBytes(24).toString('hex')]));
  const tokenFile = path.join(dir, 'tokens.csv');
  fs.writeFileSync(
    tokenFile,
    USERS.map(u => [tokens[u.name], u.name, `uid-${u.name}`, csvField(u.groups.join(','))].join(',')).join('\n') + '\n',
    { mode: 0o600 },
  );
  const saKey = path.join(dir, 'service-account.key');
  writeServiceAccountKey(saKey);

  const t0 = performance.now();
  let etcdProc;
  let etcdUrl;
  for (let attempt = 1; ; attempt++) {
    const [clientPort, peerPort] = await freePorts(2);
    etcdUrl = `http://127.0.0.1:${clientPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    etcdProc = spawnLogged(
      bins.etcd,
      [
        `--name=${name}`,
        `--data-dir=${etcdData}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=${name}=${peerUrl}`,
        '--initial-cluster-state=new',
        '--unsafe-no-fsync', // throwaway data: skip fsync, much faster on slow disks
        '--log-level=warn',
      ],
      path.join(dir, 'etcd.log'),
    );
    procs.push(etcdProc);
    onSpawn();
    try {
      await waitFor(`etcd of ${name}`, etcdProc, 30_000, async () => {
        const r = await httpGet(`${etcdUrl}/health`);
        return r.status === 200 && r.body.includes('true');
      });
      break;
    } catch (err) {
      if (attempt < 3 && /address already in use/.test(tailFile(etcdProc.logFile, 50))) continue; // port race
      throw err;
    }
  }
  const etcdMs = performance.now() - t0;

  let apiProc;
  let url;
  let ca;
  let api;
  for (let attempt = 1; ; attempt++) {
    const [securePort] = await freePorts(1);
    url = `https://127.0.0.1:${securePort}`;
    apiProc = spawnLogged(
      bins.kubeApiserver,
      [
        '--advertise-address=127.0.0.1',
        '--bind-address=127.0.0.1',
        `--secure-port=${securePort}`,
        `--etcd-servers=${etcdUrl}`,
        '--authorization-mode=RBAC',
        `--token-auth-file=${tokenFile}`,
        '--service-account-issuer=https://kubernetes.default.svc',
        `--service-account-key-file=${saKey}`,
        `--service-account-signing-key-file=${saKey}`,
        `--cert-dir=${certDir}`,
        '--service-cluster-ip-range=10.96.0.0/16',
        '--endpoint-reconciler-type=none', // no nodes or controllers: nothing to reconcile
        '--profiling=false',
        '--v=0',
        // extra flags for experiments, e.g. OME_CP_APISERVER_ARGS="--v=2 --profiling=true"
        ...(process.env.OME_CP_APISERVER_ARGS || '').split(/\s+/).filter(Boolean),
      ],
      path.join(dir, 'kube-apiserver.log'),
    );
    procs.push(apiProc);
    onSpawn();
    const certFile = path.join(certDir, 'apiserver.crt');
    try {
      await waitFor(`kube-apiserver of ${name}`, apiProc, 240_000, async () => {
        if (!ca) {
          if (!fs.existsSync(certFile)) return false;
          ca = readServingCa(certFile);
          if (!ca) return false;
          api = kubeClient({ url, ca, token: tokens['ome-admin'], timeoutMs: 10_000 });
        }
        const r = await api.request('GET', '/readyz');
        return r.status === 200;
      });
      break;
    } catch (err) {
      if (attempt < 3 && /address already in use/.test(tailFile(apiProc.logFile, 50))) {
        ca = undefined;
        api && api.close();
        fs.rmSync(certDir, { recursive: true, force: true });
        fs.mkdirSync(certDir, { recursive: true });
        continue;
      }
      throw err;
    }
  }
  const readyzMs = performance.now() - t0;
  api.close();
  api = kubeClient({ url, ca, token: tokens['ome-admin'], timeoutMs: 120_000 });
  const caFile = path.join(dir, 'ca.crt');
  fs.writeFileSync(caFile, ca);
  const versionInfo = await api.get('/version');

  for (const obj of rbacObjects()) await api.create(objectPath(obj, { collection: true }), obj);

  const excludeKinds = spec.excludeKinds ?? (index === 0 ? [] : SECONDARY_EXCLUDED_KINDS);
  const crds = await loadCrds(data, excludeKinds, crdSet);
  const crdPath = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
  await Promise.all(crds.map(crd => api.create(crdPath, crd)));
  const crdsPostedMs = performance.now() - t0;
  // Wait for Established. Polling the CRD list itself is expensive here (three of the CRDs are
  // ~600 kB of JSON each), so poll the small discovery document: a CRD's resource is listed
  // there only once it is Established; then confirm with one list.
  const plurals = crds.filter(c => c.spec.group === 'ome.io').map(c => c.spec.names.plural);
  const isEstablished = c => (c.status?.conditions || []).some(k => k.type === 'Established' && k.status === 'True');
  await waitFor(`CRDs of ${name}`, apiProc, 180_000, async () => {
    if (!crds.length) return true;
    const disc = await api.request('GET', '/apis/ome.io/v1beta1');
    if (disc.status !== 200) return false;
    const listed = new Set(disc.body.resources.map(r => r.name));
    if (!plurals.every(p => listed.has(p))) return false;
    const list = await api.get(crdPath);
    const established = new Set(list.items.filter(isEstablished).map(c => c.metadata.name));
    return crds.every(c => established.has(c.metadata.name));
  });
  const crdsMs = performance.now() - t0;
  // ValidatingAdmissionPolicies (admission.mjs): after the CRDs (they match ome.io resources),
  // before any seeding; waits until dry-run probes are denied / warned.
  const admission = await applyAdmissionPolicies(api, { probeNamespace: 'team-a' });
  for (const w of admission.typeWarnings) log(`controlplane: ${name}: admission policy type check: ${w}`);
  const admissionMs = performance.now() - t0;
  api.close();
  log(
    `controlplane: ${name} ready at ${url} (${versionInfo.gitVersion}): etcd ${formatMs(etcdMs)}, ` +
      `readyz ${formatMs(readyzMs)}, ${crds.length} CRDs established ${formatMs(crdsMs)}, ` +
      `admission policies enforced ${formatMs(admissionMs)}` +
      (excludeKinds.length ? ` (without ${excludeKinds.join(', ')})` : ''),
  );
  return {
    name,
    url,
    caData: Buffer.from(ca).toString('base64'),
    caFile,
    tokens,
    users: Object.fromEntries(USERS.map(u => [u.name, { groups: u.groups }])),
    version: versionInfo.gitVersion,
    versionInfo,
    kinds: crds.map(c => c.spec.names.kind).sort(),
    missingKinds: excludeKinds.slice().sort(),
    admissionPolicies: admissionObjects()
      .filter(o => o.kind === 'ValidatingAdmissionPolicyBinding')
      .map(o => ({ name: o.spec.policyName, binding: o.metadata.name, validationActions: o.spec.validationActions })),
    etcdUrl,
    dir,
    logs: { etcd: etcdProc.logFile, apiserver: apiProc.logFile },
    pids: { etcd: etcdProc.pid, apiserver: apiProc.pid },
    timings: { etcdMs, readyzMs, crdsPostedMs, crdsEstablishedMs: crdsMs, admissionMs },
  };
}

/** kubeconfig with one cluster entry per cluster, a user per token user per cluster. */
export function buildKubeconfig(clusters) {
  const cfg = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: clusters.map(c => ({ name: c.name, cluster: { server: c.url, 'certificate-authority-data': c.caData } })),
    users: [],
    contexts: [],
    'current-context': clusters[0].name,
  };
  for (const c of clusters) {
    for (const u of USERS) {
      const userName = `${c.name}-${u.name}`;
      cfg.users.push({ name: userName, user: { token: c.tokens[u.name] } });
      cfg.contexts.push({
        name: u.name === 'ome-admin' ? c.name : userName,
        context: { cluster: c.name, user: userName },
      });
    }
  }
  return cfg;
}


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
 * @returns {Promise<ControlPlane>} { stateDir, kubeconfig, infoFile, clusters, timings, seed, stop() }
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
  killStale(stateDir, log);
  const specs = clusters.map(c => (typeof c === 'string' ? { name: c } : c));
  const bins = binaries ?? (await ensureBinaries({ log }));
  const data = locateOmeData({ log });
  await loadYaml();

  const procs = [];
  const dataDirs = [];
  const processFile = path.join(stateDir, PROCESS_FILE);
  const recordPids = () => writeProcessFile(processFile, procs.map(p => ({ pid: p.pid, match: p.binary })));
  // kills the recorded groups if this Node process dies without running any handler (SIGKILL)
  const watchdog = startWatchdog(processFile);
  // Safety nets for when stop() is not called: on process exit, and on a signal nobody else
  // handles (the default action would kill us without running 'exit' handlers).
  const killAllSync = () => {
    for (const p of procs) {
      if (!p.exited) {
        try {
          process.kill(-p.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  };
  process.on('exit', killAllSync);
  const signalHandlers = {};
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    if (process.listenerCount(sig) > 0) continue;
    signalHandlers[sig] = () => {
      killAllSync();
      process.removeListener(sig, signalHandlers[sig]);
      process.kill(process.pid, sig); // default action again
    };
    process.on(sig, signalHandlers[sig]);
  }

  let stopped;
  const stop = ({ graceMs = 5000 } = {}) => {
    stopped ??= (async () => {
      // apiservers first, then their etcds: SIGTERM to the process group, SIGKILL after graceMs
      const isApi = p => p.binary === bins.kubeApiserver;
      for (const phase of [procs.filter(isApi), procs.filter(p => !isApi(p))]) {
        await Promise.all(
          phase.map(async p => {
            if (p.exited) return;
            try {
              process.kill(-p.pid, 'SIGTERM');
            } catch {
              return;
            }
            if (!(await waitExit(p, graceMs))) {
              try {
                process.kill(-p.pid, 'SIGKILL');
              } catch {
                /* gone */
              }
              await waitExit(p, 2000);
            }
          }),
        );
      }
      for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
      // kubeconfig and controlplane.json exist only while the clusters run; logs stay
      for (const f of [PROCESS_FILE, 'kubeconfig', 'controlplane.json']) fs.rmSync(path.join(stateDir, f), { force: true });
      watchdog.stop();
      process.removeListener('exit', killAllSync);
      for (const [sig, h] of Object.entries(signalHandlers)) process.removeListener(sig, h);
    })();
    return stopped;
  };

  const t0 = performance.now();
  let infos;
  try {
    const pending = specs.map((spec, index) =>
      startCluster({ spec, index, stateDir, bins, data, crdSet, log, procs, dataDirs, onSpawn: recordPids }).finally(
        recordPids,
      ),
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
  const startToReadyMs = performance.now() - t0;
  log(`controlplane: ${infos.length} cluster(s) ready (CRDs established) in ${formatMs(startToReadyMs)}`);

  const { stringify } = await loadYaml();
  const kubeconfig = path.join(stateDir, 'kubeconfig');
  fs.writeFileSync(kubeconfig, stringify(buildKubeconfig(infos)), { mode: 0o600 });

  const result = {
    stateDir,
    kubeconfig,
    infoFile: path.join(stateDir, 'controlplane.json'),
    clusters: infos,
    timings: { startToReadyMs },
    seed: undefined,
    stop,
  };
  const writeInfo = () =>
    fs.writeFileSync(
      result.infoFile,
      JSON.stringify(
        {
          createdAt: new Date().toISOString(),
          stateDir,
          kubeconfig,
          timings: result.timings,
          clusters: result.clusters,
          // what seedCluster()/writeDemoStatus() did, per cluster (absent with seed: false)
          ...(result.seed
            ? {
                seed: result.seed.map((r, i) => ({
                  cluster: r.cluster,
                  full: r.full,
                  counts: r.counts,
                  rejected: r.rejected,
                  warnings: r.warnings,
                  skipped: r.skipped,
                  duplicates: r.duplicates.map(d => d.key),
                  demoStatus: result.demoStatus?.[i] && {
                    failedModel: result.demoStatus[i].failedModel,
                    modelStates: result.demoStatus[i].states,
                    inferenceServiceReady: result.demoStatus[i].isvcReady,
                    nodes: result.demoStatus[i].nodes,
                  },
                })),
              }
            : {}),
        },
        null,
        2,
      ) + '\n',
      { mode: 0o600 },
    );
  writeInfo();

  if (seed) {
    try {
      const { seedCluster } = await import('./seed.mjs');
      const { writeDemoStatus } = await import('./demo-status.mjs');
      const ts = performance.now();
      result.seed = await Promise.all(result.clusters.map((c, i) => seedCluster(c, { full: i === 0, data, log })));
      if (seed === true || seed.demoStatus !== false) {
        result.demoStatus = await Promise.all(result.clusters.map(c => writeDemoStatus(c, { log })));
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
