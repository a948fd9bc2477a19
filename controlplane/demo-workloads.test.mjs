// The stand-ins for what runs in a real cluster: the demo status writer's workloads (pure
// parts, no cluster needed) and, against the running control plane (OME_CONTROLPLANE_FILE;
// without it those tests FAIL, they do not skip), the stand-in kubelet reached through the
// apiserver's real pods/log path.
//   OME_CONTROLPLANE_FILE=.local/controlplane/controlplane.json node --test controlplane/demo-workloads.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import { describe, test } from 'node:test';
import { advanceProgress } from './demo-activity.mjs';
import { demoEvents, modelAgentConfigMaps, planPods } from './demo-workloads.mjs';
import { clusterClient } from './kube.mjs';
import { demoLogLine } from './standin-kubelet.mjs';
import { modelConfigMapKey } from '../plugins/ome-common/src/operate/modelAgent.ts';

const svc = (name, ready, components = ['engine']) => ({ name, namespace: 'ns', components, ready });
const NODES = ['n1', 'n2', 'n3'];

describe('planPods', () => {
  test('one pod per replica, labelled state: not-ready services crash, one other service is Pending', () => {
    const pods = planPods([svc('a', 'True', ['engine', 'router']), svc('b', 'False'), svc('c', 'True'), svc('d', 'Unknown')], NODES);
    assert.ok(pods.length > 0);
    const states = pods.map(p => `${p.isvc}/${p.component}:${p.state}`);
    assert.ok(states.includes('b/engine:CrashLoopBackOff'), states.join(' '));
    assert.equal(pods.filter(p => p.state === 'Pending').length, 1);
    assert.equal(pods.find(p => p.state === 'Pending').isvc, 'a');
    for (const p of pods) {
      assert.ok(p.name.length <= 63 && p.name.startsWith(`${p.isvc}-${p.component}-`), p.name);
      if (p.state === 'Pending') assert.equal(p.node, undefined);
      else assert.ok(NODES.includes(p.node));
    }
    assert.equal(new Set(pods.map(p => p.name)).size, pods.length);
    // deterministic
    assert.deepEqual(planPods([svc('d', 'Unknown'), svc('c', 'True'), svc('b', 'False'), svc('a', 'True', ['engine', 'router'])], NODES), pods);
  });

  test('a Pending pod gets a FailedScheduling event naming the missing GPUs, a crashing one a BackOff', () => {
    const pods = planPods([svc('a', 'True'), svc('b', 'False')], NODES);
    const events = demoEvents(pods, [svc('a', 'True'), svc('b', 'False')], '2026-01-01T00:00:00Z');
    assert.ok(events.length > 0);
    const failed = events.find(e => e.reason === 'FailedScheduling');
    assert.equal(failed.type, 'Warning');
    assert.match(failed.message, /Insufficient nvidia\.com\/gpu/);
    assert.ok(events.some(e => e.reason === 'BackOff' && e.involvedObject.kind === 'Pod'));
    assert.ok(events.some(e => e.involvedObject.kind === 'InferenceService' && e.involvedObject.name === 'b'));
    // fresh names per emission (events expire; re-emitting must not collide)
    const again = demoEvents(pods, [], '2026-01-01T01:00:00Z');
    assert.ok(again.every(e => !events.some(x => x.metadata.name === e.metadata.name)));
  });
});

describe('model-agent ConfigMaps', () => {
  test("one per node, keyed by OME's rule, Ready / Failed / Updating with progress", () => {
    const long = 'x'.repeat(300);
    const cms = modelAgentConfigMaps(
      [
        { name: 'ready-model', state: 'Ready', nodesReady: ['n1', 'n2'] },
        { name: 'bad-model', state: 'Failed', nodesReady: [], nodesFailed: ['n3'] },
        { name: 'moving', namespace: 'team-a', state: 'In_Transit', nodesReady: [] },
        { name: long, state: 'Ready', nodesReady: ['n1'] },
      ],
      NODES,
      '2026-01-01T00:00:00Z',
    );
    assert.deepEqual(cms.map(c => c.metadata.name), NODES);
    for (const cm of cms) {
      assert.equal(cm.metadata.namespace, 'ome');
      assert.equal(cm.metadata.labels['models.ome/basemodel-status'], 'true');
      assert.equal(cm.metadata.labels.node, cm.metadata.name);
    }
    const entry = (node, key) => cms.find(c => c.metadata.name === node).data[key] && JSON.parse(cms.find(c => c.metadata.name === node).data[key]);
    assert.equal(entry('n1', 'clusterbasemodel.ready-model').status, 'Ready');
    assert.equal(entry('n3', 'clusterbasemodel.bad-model').status, 'Failed');
    const moving = NODES.map(n => entry(n, 'team-a.basemodel.moving')).filter(Boolean);
    assert.equal(moving.length, 1);
    assert.equal(moving[0].status, 'Updating');
    assert.ok(moving[0].progress.completedBytes < moving[0].progress.totalBytes);
    const longKey = modelConfigMapKey(long);
    assert.equal(longKey.length, 253);
    assert.equal(entry('n1', longKey).status, 'Ready');
  });

  test('a download in transit advances and wraps; other entries stay', () => {
    const e = JSON.stringify({ name: 'm', status: 'Updating', progress: { totalBytes: 100, completedBytes: 98, totalFiles: 10 } });
    const next = JSON.parse(advanceProgress(e, 0.03));
    assert.equal(next.progress.completedBytes, 5);
    const mid = JSON.parse(advanceProgress(JSON.stringify({ ...JSON.parse(e), progress: { totalBytes: 100, completedBytes: 10, totalFiles: 10 } }), 0.1));
    assert.equal(mid.progress.completedBytes, 20);
    assert.equal(mid.progress.completedFiles, 2);
    assert.equal(advanceProgress(JSON.stringify({ status: 'Ready', progress: { totalBytes: 1, completedBytes: 1 } })), undefined);
  });
});

test('demo log lines are deterministic and name their pod and container', () => {
  assert.equal(demoLogLine('ns', 'p', 'c', 7), demoLogLine('ns', 'p', 'c', 7));
  assert.match(demoLogLine('ns', 'p', 'c', 7), /\[p\/c\] line 7$/);
});

function controlPlane() {
  const file = process.env.OME_CONTROLPLANE_FILE;
  assert.ok(file, 'OME_CONTROLPLANE_FILE is not set: run `npm test -- controlplane` (it starts the control plane)');
  assert.ok(fs.existsSync(file), `OME_CONTROLPLANE_FILE=${file} does not exist`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** GET as ome-admin, reading the body as text until `enough(text)` or its end. */
function getText(cluster, path, enough = () => false) {
  const url = new URL(path, cluster.url);
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca: Buffer.from(cluster.caData, 'base64'), headers: { Authorization: `Bearer ${cluster.tokens['ome-admin']}` } }, res => {
      let text = '';
      res.setEncoding('utf8');
      const done = () => {
        req.destroy();
        resolve({ status: res.statusCode, text });
      };
      res.on('data', c => {
        text += c;
        if (enough(text)) done();
      });
      res.on('end', done);
    });
    req.on('error', err => (req.destroyed ? undefined : reject(err)));
  });
}

describe('against the running control plane', () => {
  test('Nodes point at the stand-in kubelet; every namespace with pods has a default ServiceAccount; namespace ome exists', async () => {
    const cp = controlPlane();
    assert.ok(cp.standinKubelet?.port > 0, 'controlplane.json names the stand-in kubelet');
    const c = clusterClient(cp.clusters[0]);
    try {
      const nodes = (await c.get('/api/v1/nodes')).items;
      assert.ok(nodes.length > 0);
      for (const n of nodes) {
        assert.deepEqual(n.status.addresses.find(a => a.type === 'InternalIP'), { type: 'InternalIP', address: '127.0.0.1' });
        assert.equal(n.status.daemonEndpoints.kubeletEndpoint.Port, cp.standinKubelet.port);
      }
      const pods = (await c.get('/api/v1/pods?labelSelector=ome.io%2Finferenceservice')).items;
      assert.ok(pods.length > 0);
      for (const ns of new Set(pods.map(p => p.metadata.namespace))) {
        await c.get(`/api/v1/namespaces/${ns}/serviceaccounts/default`);
      }
      const cms = (await c.get('/api/v1/namespaces/ome/configmaps?labelSelector=models.ome%2Fbasemodel-status%3Dtrue')).items;
      assert.equal(cms.length, nodes.length);
    } finally {
      c.close();
    }
  });

  test("pods/log reaches the stand-in kubelet through the apiserver, with tailLines and follow", async () => {
    const cp = controlPlane();
    const cluster = cp.clusters[0];
    const c = clusterClient(cluster);
    let pod;
    try {
      const pods = (await c.get('/api/v1/pods?labelSelector=ome.io%2Finferenceservice')).items;
      pod = pods.find(p => p.status.phase === 'Running');
      assert.ok(pod, 'a Running demo pod');
    } finally {
      c.close();
    }
    const base = `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/log?container=ome-container`;
    const tail = await getText(cluster, `${base}&tailLines=3`);
    assert.equal(tail.status, 200, tail.text);
    const lines = tail.text.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    for (const l of lines) assert.match(l, new RegExp(`\\[${pod.metadata.name}/ome-container\\] line \\d+$`));
    const numbers = t => [...t.matchAll(/ line (\d+)$/gm)].map(m => Number(m[1]));
    const followed = await getText(cluster, `${base}&tailLines=1&follow=true`, t => numbers(t).length >= 3);
    assert.equal(followed.status, 200);
    const n = numbers(followed.text);
    assert.ok(n.length >= 3);
    assert.equal(n[2], n[0] + 2);
  });
});
