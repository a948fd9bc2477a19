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
import { PREDICTOR_POLICY, REPLICA_POLICY, TOKEN_POLICY } from './admission.mjs';

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

describe('admission: ValidatingAdmissionPolicies deny and warn (told apart from RBAC)', () => {
  const dryRun = '?dryRun=All';

  test('both clusters carry the policies and their bindings', async () => {
    for (const c of info.clusters) {
      const admin = client(c, 'ome-admin');
      for (const [name, actions] of [
        [REPLICA_POLICY, ['Deny']],
        [TOKEN_POLICY, ['Warn']],
        [PREDICTOR_POLICY, ['Warn']],
      ]) {
        const p = await admin.request('GET', `/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies/${name}`);
        assert.equal(p.status, 200, `${name} on ${c.name}`);
        assert.deepEqual(p.body.status?.typeChecking?.expressionWarnings ?? [], [], `${name} type-checks on ${c.name}`);
        const b = await admin.must('GET', `/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings/${name}`);
        assert.equal(b.spec.policyName, name);
        assert.deepEqual(b.spec.validationActions, actions);
      }
    }
  });

  test('engine minReplicas > maxReplicas: denied by the policy (422 Invalid, names policy and field) on both clusters', async () => {
    for (const c of info.clusters) {
      const admin = client(c, 'ome-admin');
      const isvc = inferenceService(uniqueName('cp-vap'), 'team-a');
      isvc.spec.engine = { minReplicas: 3, maxReplicas: 1 };
      const res = await admin.request('POST', ome('inferenceservices', 'team-a') + dryRun, isvc);
      // a validation without `reason` is answered 422 / Invalid (an RBAC denial is 403 / Forbidden)
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.reason, 'Invalid');
      assert.match(
        res.body.message,
        new RegExp(`is forbidden: ValidatingAdmissionPolicy '${REPLICA_POLICY}' with binding '${REPLICA_POLICY}' denied request: `),
      );
      assert.match(res.body.message, /spec\.engine\.minReplicas \(3\) must not exceed spec\.engine\.maxReplicas \(1\)/);
      assert.doesNotMatch(res.body.message, /cannot create resource/);
      // min == max, and decoder/router within bounds, pass
      isvc.spec.engine = { minReplicas: 1, maxReplicas: 1 };
      isvc.spec.router = { minReplicas: 2, maxReplicas: 1 };
      const router = await admin.request('POST', ome('inferenceservices', 'team-a') + dryRun, isvc);
      assert.equal(router.status, 422);
      assert.match(router.body.message, /spec\.router\.minReplicas \(2\) must not exceed spec\.router\.maxReplicas \(1\)/);
      isvc.spec.router = { minReplicas: 1 }; // only one bound set: not checked
      const ok = await admin.request('POST', ome('inferenceservices', 'team-a') + dryRun, isvc);
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(ok.headers.warning, undefined);
    }
  });

  test('a BaseModel with a plaintext token is created with a Warning header; spec.predictor warns too', async () => {
    for (const c of info.clusters) {
      const admin = client(c, 'ome-admin');
      const model = baseModel(uniqueName('cp-vap'), 'team-a');
      model.spec.storage.parameters = { token: 'hf_plaintext' };
      const res = await admin.request('POST', ome('basemodels', 'team-a') + dryRun, model);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.match(
        res.headers.warning ?? '',
        new RegExp(`^299 - "Validation failed for ValidatingAdmissionPolicy '${TOKEN_POLICY}' with binding '${TOKEN_POLICY}': spec\\.storage\\.parameters\\.token .*spec\\.storage\\.key`),
      );
      assert.ok(!res.headers.warning.includes('hf_plaintext'), 'the warning does not echo the token');
      delete model.spec.storage.parameters;
      const clean = await admin.request('POST', ome('basemodels', 'team-a') + dryRun, model);
      assert.equal(clean.status, 201);
      assert.equal(clean.headers.warning, undefined);

      const cbm = { ...baseModel(uniqueName('cp-vap'), undefined), kind: 'ClusterBaseModel' };
      delete cbm.metadata.namespace;
      cbm.spec.storage.parameters = { token: 'hf_plaintext' };
      const cres = await admin.request('POST', ome('clusterbasemodels') + dryRun, cbm);
      assert.equal(cres.status, 201, JSON.stringify(cres.body));
      assert.match(cres.headers.warning ?? '', new RegExp(`'${TOKEN_POLICY}'.*parameters\\.token`));

      const isvc = inferenceService(uniqueName('cp-vap'), 'team-a');
      isvc.spec.predictor = { minReplicas: 1 };
      const pres = await admin.request('POST', ome('inferenceservices', 'team-a') + dryRun, isvc);
      assert.equal(pres.status, 201, JSON.stringify(pres.body));
      assert.match(pres.headers.warning ?? '', new RegExp(`'${PREDICTOR_POLICY}'.*spec\\.predictor is deprecated`));
    }
  });

  test('alice creating in team-b: an RBAC 403 Forbidden, unlike the policy denial', async () => {
    for (const c of info.clusters) {
      const alice = client(c, 'alice');
      const isvc = inferenceService(uniqueName('cp-vap'), 'team-b');
      isvc.spec.engine = { minReplicas: 3, maxReplicas: 1 }; // RBAC is checked before admission
      const res = await alice.request('POST', ome('inferenceservices', 'team-b') + dryRun, isvc);
      assert.equal(res.status, 403, JSON.stringify(res.body));
      assert.equal(res.body.reason, 'Forbidden');
      assert.equal(
        res.body.message,
        'inferenceservices.ome.io is forbidden: User "alice" cannot create resource "inferenceservices" in API group "ome.io" in the namespace "team-b"',
      );
      assert.doesNotMatch(res.body.message, /ValidatingAdmissionPolicy/);
      // in her own namespace the same object reaches admission and is denied there
      isvc.metadata.namespace = 'team-a';
      const own = await alice.request('POST', ome('inferenceservices', 'team-a') + dryRun, isvc);
      assert.equal(own.status, 422, JSON.stringify(own.body));
      assert.match(own.body.message, new RegExp(`ValidatingAdmissionPolicy '${REPLICA_POLICY}'`));
    }
  });

  test('team namespaces are labelled ome.io/team', async () => {
    for (const c of info.clusters) {
      const admin = client(c, 'ome-admin');
      for (const ns of ['team-a', 'team-b']) {
        const n = await admin.must('GET', `/api/v1/namespaces/${ns}`);
        assert.equal(n.metadata.labels?.['ome.io/team'], ns, `${ns} on ${c.name}`);
      }
      const sel = await admin.must('GET', `/api/v1/namespaces?labelSelector=${encodeURIComponent('ome.io/team')}`);
      assert.deepEqual(sel.items.map(n => n.metadata.name).sort(), ['team-a', 'team-b']);
    }
  });

  test('the seed report has no admission denials and no policy warnings', () => {
    for (const s of info.seed ?? []) {
      for (const r of s.rejected) assert.doesNotMatch(r, /ValidatingAdmissionPolicy/, `${s.cluster}: ${r}`);
      for (const w of s.warnings) assert.doesNotMatch(w, /ValidatingAdmissionPolicy/, `${s.cluster}: ${w}`);
    }
  });
});
