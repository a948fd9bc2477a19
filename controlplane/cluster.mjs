// One local cluster, start to ready: etcd, kube-apiserver, the token users' RBAC, OME's CRDs
// (Established) and the admission policies (enforced). Describes the cluster as
// controlplane.json lists it (`clusters[]`).
import fs from 'node:fs';
import path from 'node:path';
import { admissionObjects, applyAdmissionPolicies } from './admission.mjs';
import { startApiserver, writeServiceAccountKey } from './apiserver.mjs';
import { SECONDARY_EXCLUDED_KINDS, installCrds, loadCrds } from './crds.mjs';
import { startEtcd } from './etcd.mjs';
import { formatMs, kubeClient, objectPath } from './kube.mjs';
import { rbacObjects } from './rbac.mjs';
import { clusterControl } from './restart.mjs';
import { userGroups, writeTokenFile } from './users.mjs';

/**
 * @param {object} opts
 * @param {{ name: string, excludeKinds?: string[] }} opts.spec
 * @param {number} opts.index  the first cluster gets every CRD, the others lack SECONDARY_EXCLUDED_KINDS
 * @param {string} opts.stateDir  the cluster's files go to stateDir/<name>/ (emptied first)
 * @param {{ etcd: string, kubeApiserver: string }} opts.bins
 * @param {object} opts.data  ome-data.mjs's locateOmeData()
 * @param {'full' | 'minimal'} opts.crdSet
 * @param {ReturnType<typeof import('./processes.mjs').startProcessGroups>} opts.processes
 * @param {(msg: string) => void} opts.log
 */
export async function startCluster({ spec, index, stateDir, bins, data, crdSet, processes, log }) {
  const name = spec.name;
  const dir = path.join(stateDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const etcdData = path.join(dir, 'etcd-data');
  fs.mkdirSync(etcdData, { recursive: true, mode: 0o700 });
  processes.removeOnStop(etcdData);
  const tokenFile = path.join(dir, 'tokens.csv');
  const tokens = writeTokenFile(tokenFile);
  const serviceAccountKey = path.join(dir, 'service-account.key');
  writeServiceAccountKey(serviceAccountKey);

  const t0 = performance.now();
  const etcd = await startEtcd({ name, dir, dataDir: etcdData, binary: bins.etcd, processes });
  const etcdMs = performance.now() - t0;
  const apiserver = await startApiserver({
    name,
    dir,
    etcdUrl: etcd.url,
    tokenFile,
    serviceAccountKey,
    adminToken: tokens['ome-admin'],
    binary: bins.kubeApiserver,
    processes,
  });
  const readyzMs = performance.now() - t0;
  const { url, ca } = apiserver;
  const api = kubeClient({ url, ca, token: tokens['ome-admin'], timeoutMs: 120_000 });
  try {
    const caFile = path.join(dir, 'ca.crt');
    fs.writeFileSync(caFile, ca);
    const versionInfo = await api.get('/version');

    for (const obj of rbacObjects()) await api.create(objectPath(obj, { collection: true }), obj);

    const excludeKinds = spec.excludeKinds ?? (index === 0 ? [] : SECONDARY_EXCLUDED_KINDS);
    const crds = await loadCrds(data, excludeKinds, crdSet);
    const { postedAt } = await installCrds(api, crds, { cluster: name, apiserverProc: apiserver.proc });
    const crdsPostedMs = postedAt - t0;
    const crdsMs = performance.now() - t0;
    // ValidatingAdmissionPolicies (admission.mjs): after the CRDs (they match ome.io
    // resources), before any seeding; waits until dry-run probes are denied / warned.
    const admission = await applyAdmissionPolicies(api, { probeNamespace: 'team-a' });
    for (const w of admission.typeWarnings) log(`controlplane: ${name}: admission policy type check: ${w}`);
    const admissionMs = performance.now() - t0;
    log(
      `controlplane: ${name} ready at ${url} (${versionInfo.gitVersion}): etcd ${formatMs(etcdMs)}, ` +
        `readyz ${formatMs(readyzMs)}, ${crds.length} CRDs established ${formatMs(crdsMs)}, ` +
        `admission policies enforced ${formatMs(admissionMs)}` +
        (excludeKinds.length ? ` (without ${excludeKinds.join(', ')})` : ''),
    );
    const info = {
      name,
      url,
      caData: Buffer.from(ca).toString('base64'),
      caFile,
      tokens,
      users: userGroups(),
      version: versionInfo.gitVersion,
      versionInfo,
      kinds: crds.map(c => c.spec.names.kind).sort(),
      missingKinds: excludeKinds.slice().sort(),
      admissionPolicies: admissionObjects()
        .filter(o => o.kind === 'ValidatingAdmissionPolicyBinding')
        .map(o => ({ name: o.spec.policyName, binding: o.metadata.name, validationActions: o.spec.validationActions })),
      etcdUrl: etcd.url,
      dir,
      logs: { etcd: etcd.proc.logFile, apiserver: apiserver.proc.logFile },
      pids: { etcd: etcd.proc.pid, apiserver: apiserver.proc.pid },
      timings: { etcdMs, readyzMs, crdsPostedMs, crdsEstablishedMs: crdsMs, admissionMs },
    };
    // restart in place (restart.mjs); not part of controlplane.json
    Object.defineProperty(info, 'control', {
      enumerable: false,
      value: clusterControl({ info, dir, dataDir: etcdData, tokenFile, serviceAccountKey, bins, processes, etcd, apiserver }),
    });
    return info;
  } finally {
    api.close();
  }
}
