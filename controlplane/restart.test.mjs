// Restart in place (restart.mjs, control.mjs) on a control plane of its own: one cluster,
// OME's schemaless CRDs, no seed (restarting the shared control plane would disturb the
// suites that run beside this one).
//
//   node --test controlplane/restart.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { controlPlaneAction } from './control.mjs';
import { apiPath, clusterClient, sleep } from './kube.mjs';
import { startControlPlane } from './launch.mjs';

let cp;
let info;
let stateDir;
const clients = [];

function client(cluster) {
  const c = clusterClient(cluster, 'ome-admin', { timeoutMs: 10_000 });
  clients.push(c);
  return c;
}

/** Polls until the cluster answers /readyz with 200 (at most ~60 s). */
async function readyz(cluster) {
  const api = client(cluster);
  for (let i = 0; i < 240; i++) {
    const r = await api.request('GET', '/readyz').catch(() => undefined);
    if (r?.status === 200) return;
    await sleep(250);
  }
  assert.fail(`${cluster.name}: not ready again`);
}

const configMaps = ns => apiPath({ resource: 'configmaps', namespace: ns });

before(
  async () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ome-cp-restart-'));
    cp = await startControlPlane({ stateDir, clusters: ['restart-a'], crdSet: 'minimal', log: () => {} });
    info = JSON.parse(fs.readFileSync(cp.infoFile, 'utf8'));
  },
  { timeout: 300_000 },
);

after(async () => {
  for (const c of clients) c.close();
  await cp?.stop();
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('restart in place', () => {
  test('the kube-apiserver comes back on its URL with its CA and tokens, objects kept', { timeout: 300_000 }, async () => {
    const [cluster] = cp.clusters;
    const { url, caData } = cluster;
    const oldPid = cluster.pids.apiserver;
    await client(cluster).must('POST', configMaps('default'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'survives-apiserver' },
      data: { a: '1' },
    });

    await cluster.control.stopApiserver();
    assert.deepEqual(cluster.control.state(), { apiserver: false, etcd: true });
    await assert.rejects(client(cluster).request('GET', '/readyz'));

    await cluster.control.startApiserver();
    assert.deepEqual(cluster.control.state(), { apiserver: true, etcd: true });
    assert.equal(cluster.url, url);
    assert.equal(cluster.caData, caData);
    assert.notEqual(cluster.pids.apiserver, oldPid);
    // a client made before the restart (same CA, same token) reads what was there
    await readyz(cluster);
    const cm = await client(cluster).get(`${configMaps('default')}/survives-apiserver`);
    assert.equal(cm.data.a, '1');
  });

  test('etcd comes back with its data; the apiserver is not ready meanwhile', { timeout: 300_000 }, async () => {
    const [cluster] = cp.clusters;
    await client(cluster).must('POST', configMaps('default'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'survives-etcd' },
      data: { b: '2' },
    });
    await cluster.control.stopEtcd();
    assert.deepEqual(cluster.control.state(), { apiserver: true, etcd: false });
    // the apiserver stays up but reports etcd unhealthy (readyz checks etcd)
    let notReady = false;
    for (let i = 0; i < 120 && !notReady; i++) {
      const r = await client(cluster).request('GET', '/readyz').catch(() => undefined);
      notReady = r !== undefined && r.status !== 200;
      if (!notReady) await sleep(250);
    }
    assert.ok(notReady, 'readyz kept answering 200 without etcd');

    await cluster.control.startEtcd();
    await readyz(cluster);
    const cm = await client(cluster).get(`${configMaps('default')}/survives-etcd`);
    assert.equal(cm.data.b, '2');
  });

  test('over HTTP: controlplane.json names the control server; a wrong token is refused', { timeout: 300_000 }, async () => {
    assert.ok(info.control?.url.startsWith('http://127.0.0.1:'), 'control url on loopback');
    await assert.rejects(
      controlPlaneAction({ control: { ...info.control, token: 'wrong' } }, 'restart-a', 'apiserver', 'restart'),
      /HTTP 401/,
    );
    await assert.rejects(controlPlaneAction(info, 'no-such-cluster', 'apiserver', 'restart'), /HTTP 404/);
    const [cluster] = cp.clusters;
    const oldPid = cluster.pids.apiserver;
    const answer = await controlPlaneAction(info, 'restart-a', 'apiserver', 'restart');
    assert.deepEqual(answer.state, { apiserver: true, etcd: true });
    assert.notEqual(answer.pids.apiserver, oldPid);
    await readyz(cluster);
  });
});
