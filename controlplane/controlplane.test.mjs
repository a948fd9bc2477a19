// Tests of a RUNNING local control plane: the one `npm test` started, whose controlplane.json
// is in OME_CONTROLPLANE_FILE. Without it these tests FAIL (they do not skip):
//
//   npm test -- controlplane
//   OME_CONTROLPLANE_FILE=.local/controlplane/controlplane.json node --test controlplane/controlplane.test.mjs
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { OME_KINDS, apiPath, clusterClient, kubeClient, loadYaml } from './kube.mjs';
import { SECONDARY_EXCLUDED_KINDS, USERS } from './launch.mjs';

let info;
const clients = [];

function client(cluster, user) {
  const c = clusterClient(cluster, user, { timeoutMs: 60_000 });
  clients.push(c);
  return c;
}

before(() => {
  const file = process.env.OME_CONTROLPLANE_FILE;
  assert.ok(file, 'OME_CONTROLPLANE_FILE is not set: run `npm test -- controlplane` (it starts the control plane)');
  assert.ok(fs.existsSync(file), `OME_CONTROLPLANE_FILE=${file} does not exist (is the control plane running?)`);
  info = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.ok(info.clusters.length >= 2, 'expected two clusters');
});

after(() => {
  for (const c of clients) c.close();
});

const ome = (resource, namespace, name) => apiPath({ group: 'ome.io', version: 'v1beta1', resource, namespace, name });
const uniqueName = prefix => `${prefix}-${crypto.randomBytes(4).toString('hex')}`;

function baseModel(name, namespace) {
  return {
    apiVersion: 'ome.io/v1beta1',
    kind: 'BaseModel',
    metadata: { name, namespace, labels: { 'ome-console.dev/test': 'true' } },
    spec: {
      vendor: 'test',
      modelFormat: { name: 'safetensors', version: '1.0.0' },
      storage: { storageUri: 'hf://Qwen/Qwen2.5-0.5B-Instruct', path: `/raid/models/${name}` },
    },
  };
}

function inferenceService(name, namespace) {
  return {
    apiVersion: 'ome.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name, namespace, labels: { 'ome-console.dev/test': 'true' } },
    spec: { model: { name: 'team-a-llama-3-2-1b' }, engine: { minReplicas: 1, maxReplicas: 1 } },
  };
}

describe('RBAC: alice edits OME objects in team-a only', () => {
  for (const [resource, make] of [
    ['basemodels', baseModel],
    ['inferenceservices', inferenceService],
  ]) {
    test(`${resource}: created in team-a (then deleted), 403 in team-b`, async () => {
      const [a] = info.clusters;
      const alice = client(a, 'alice');
      const admin = client(a, 'ome-admin');
      const name = uniqueName('cp-test');
      try {
        const created = await alice.request('POST', ome(resource, 'team-a'), make(name, 'team-a'));
        assert.equal(created.status, 201, JSON.stringify(created.body));
        assert.equal((await admin.request('GET', ome(resource, 'team-a', name))).status, 200);

        const denied = await alice.request('POST', ome(resource, 'team-b'), make(name, 'team-b'));
        assert.equal(denied.status, 403, JSON.stringify(denied.body));
        assert.equal((await admin.request('GET', ome(resource, 'team-b', name))).status, 404);

        // reading is allowed everywhere
        assert.equal((await alice.request('GET', ome(resource, 'team-b'))).status, 200);
        const del = await alice.request('DELETE', ome(resource, 'team-a', name));
        assert.equal(del.status, 200, JSON.stringify(del.body));
      } finally {
        await admin.request('DELETE', ome(resource, 'team-a', name));
        await admin.request('DELETE', ome(resource, 'team-b', name));
      }
    });
  }
});

test('tokens are per cluster: a cluster-A token gets 401 on cluster B, 200 on A', async () => {
  const [a, b] = info.clusters;
  for (const user of ['ome-admin', 'alice']) {
    const onA = clusterClient(a, user);
    const aOnB = kubeClient({ url: b.url, ca: Buffer.from(b.caData, 'base64'), token: a.tokens[user] });
    clients.push(onA, aOnB);
    assert.equal((await onA.request('GET', '/api/v1/namespaces')).status, 200, user);
    assert.equal((await aOnB.request('GET', '/api/v1/namespaces')).status, 401, user);
  }
});

test('cluster A serves all 8 OME kinds; cluster B lacks FineTunedWeight and BenchmarkJob (404)', async () => {
  const [a, b] = info.clusters;
  const adminA = client(a, 'ome-admin');
  const adminB = client(b, 'ome-admin');
  assert.equal(OME_KINDS.length, 8);
  for (const k of OME_KINDS) {
    const res = await adminA.request('GET', `${ome(k.plural)}?limit=1`);
    assert.equal(res.status, 200, `${k.kind} on ${a.name}`);
    const resB = await adminB.request('GET', `${ome(k.plural)}?limit=1`);
    assert.equal(resB.status, SECONDARY_EXCLUDED_KINDS.includes(k.kind) ? 404 : 200, `${k.kind} on ${b.name}`);
  }
  assert.deepEqual([...b.missingKinds].sort(), ['BenchmarkJob', 'FineTunedWeight']);
  assert.deepEqual(a.missingKinds, []);
  assert.deepEqual([...a.kinds].sort(), OME_KINDS.map(k => k.kind).sort());
  const disco = await adminB.get('/apis/ome.io/v1beta1');
  const served = disco.resources.map(r => r.name).filter(n => !n.includes('/'));
  assert.ok(!served.includes('finetunedweights') && !served.includes('benchmarkjobs'), served.join(','));
  assert.equal(served.length, 6);
});

test('the kubeconfig has a context per cluster and user, each with that cluster and a working token', async () => {
  const { parse } = await loadYaml();
  const kc = parse(fs.readFileSync(info.kubeconfig, 'utf8'));
  const expected = info.clusters.flatMap(c => USERS.map(u => (u.name === 'ome-admin' ? c.name : `${c.name}-${u.name}`)));
  assert.deepEqual(kc.contexts.map(c => c.name).sort(), [...expected].sort());
  assert.equal(kc['current-context'], info.clusters[0].name);
  for (const c of info.clusters) {
    const ctx = kc.contexts.find(x => x.name === `${c.name}-alice`).context;
    assert.equal(ctx.cluster, c.name);
    const user = kc.users.find(u => u.name === ctx.user).user;
    assert.equal(user.token, c.tokens.alice);
    const cluster = kc.clusters.find(x => x.name === c.name).cluster;
    assert.equal(cluster.server, c.url);
    // the token works against the server of its own context, as alice
    const k = kubeClient({ url: cluster.server, ca: Buffer.from(cluster['certificate-authority-data'], 'base64'), token: user.token });
    clients.push(k);
    const review = await k.must('POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'SelfSubjectReview',
    });
    assert.equal(review.status.userInfo.username, 'alice');
  }
});

test('backstage-kubernetes cannot impersonate; ome-impersonator can', async () => {
  for (const c of info.clusters) {
    const bk = client(c, 'backstage-kubernetes');
    // as impersonated, alice has only the groups named here (her read access comes from team-a)
    const asAlice = { headers: { 'Impersonate-User': 'alice', 'Impersonate-Group': 'team-a' } };
    assert.equal((await bk.request('GET', ome('clusterbasemodels') + '?limit=1')).status, 200);
    const res = await bk.request('GET', ome('clusterbasemodels') + '?limit=1', undefined, asAlice);
    assert.equal(res.status, 403, JSON.stringify(res.body));
    const review = await bk.must('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb: 'impersonate', resource: 'users', name: 'alice' } },
    });
    assert.equal(review.status.allowed, false);
    const imp = client(c, 'ome-impersonator');
    const ok = await imp.request('GET', ome('clusterbasemodels') + '?limit=1', undefined, asAlice);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  }
});
