// Unit tests of scripts/start.mjs's kubeconfig handling (no cluster needed).
//   node --test scripts/start.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { stringify } from 'yaml';
import { envFromControlPlane, kubeconfigToAppConfig } from './start.mjs';

let dir;
let kubeconfig;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ome-start-test-'));
  fs.writeFileSync(path.join(dir, 'b-token'), 'token-from-file\n');
  fs.writeFileSync(path.join(dir, 'b-ca.crt'), 'not really a CA\n');
  kubeconfig = path.join(dir, 'config');
  fs.writeFileSync(
    kubeconfig,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: 'a', cluster: { server: 'https://a.example:6443', 'certificate-authority-data': 'Q0EtQQ==' } },
        { name: 'b', cluster: { server: 'https://b.example:6443', 'certificate-authority': 'b-ca.crt' } },
        { name: 'c', cluster: { server: 'https://c.example', 'insecure-skip-tls-verify': true } },
        { name: 'no-server', cluster: {} },
      ],
      users: [
        { name: 'ua', user: { token: 'token-a' } },
        { name: 'ub', user: { tokenFile: 'b-token' } },
        { name: 'cert', user: { 'client-certificate-data': 'x', 'client-key-data': 'y' } },
        { name: 'exec', user: { exec: { command: 'gcloud' } } },
      ],
      contexts: [
        { name: 'ctx-a', context: { cluster: 'a', user: 'ua' } },
        { name: 'ctx-b', context: { cluster: 'b', user: 'ub' } },
        { name: 'ctx-c', context: { cluster: 'c', user: 'ua' } },
        { name: 'ctx-cert', context: { cluster: 'a', user: 'cert' } },
        { name: 'ctx-exec', context: { cluster: 'a', user: 'exec' } },
        { name: 'ctx-broken', context: { cluster: 'no-server', user: 'ua' } },
      ],
    }),
  );
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('one config-locator cluster per context with a token user', async () => {
  const { appConfig, clusters, skipped } = await kubeconfigToAppConfig(kubeconfig);
  assert.deepEqual(clusters, ['ctx-a', 'ctx-b', 'ctx-c']);
  assert.deepEqual(appConfig.kubernetes.serviceLocatorMethod, { type: 'multiTenant' });
  const [locator] = appConfig.kubernetes.clusterLocatorMethods;
  assert.equal(locator.type, 'config');
  assert.deepEqual(locator.clusters, [
    { name: 'ctx-a', url: 'https://a.example:6443', authProvider: 'serviceAccount', serviceAccountToken: 'token-a', caData: 'Q0EtQQ==' },
    // tokenFile and certificate-authority are resolved relative to the kubeconfig's folder
    { name: 'ctx-b', url: 'https://b.example:6443', authProvider: 'serviceAccount', serviceAccountToken: 'token-from-file', caFile: path.join(dir, 'b-ca.crt') },
    { name: 'ctx-c', url: 'https://c.example', authProvider: 'serviceAccount', serviceAccountToken: 'token-a', skipTLSVerify: true },
  ]);
  assert.deepEqual(skipped.map(s => s.name), ['ctx-cert', 'ctx-exec', 'ctx-broken']);
  assert.match(skipped[0].why, /no token/);
  assert.match(skipped[2].why, /no cluster server/);
});

test('contexts limits the result to the named contexts', async () => {
  const { clusters, skipped } = await kubeconfigToAppConfig(kubeconfig, { contexts: ['ctx-b', 'ctx-exec'] });
  assert.deepEqual(clusters, ['ctx-b']);
  assert.deepEqual(skipped.map(s => s.name), ['ctx-exec']);
});

test('an empty kubeconfig gives no clusters', async () => {
  const empty = path.join(dir, 'empty');
  fs.writeFileSync(empty, '');
  const { clusters, appConfig } = await kubeconfigToAppConfig(empty);
  assert.deepEqual(clusters, []);
  assert.deepEqual(appConfig.kubernetes.clusterLocatorMethods[0].clusters, []);
});

test('envFromControlPlane names the variables app-config.yaml reads', () => {
  const env = envFromControlPlane([
    { name: 'ome-dev-a', url: 'https://127.0.0.1:1', caFile: '/a/ca.crt', tokens: { 'backstage-kubernetes': 'ta', alice: 'x' } },
    { name: 'ome-dev-b', url: 'https://127.0.0.1:2', caFile: '/b/ca.crt', tokens: { 'backstage-kubernetes': 'tb' } },
  ]);
  assert.deepEqual(env, {
    OME_DEV_A_URL: 'https://127.0.0.1:1',
    OME_DEV_A_TOKEN: 'ta',
    OME_DEV_A_CA_FILE: '/a/ca.crt',
    OME_DEV_B_URL: 'https://127.0.0.1:2',
    OME_DEV_B_TOKEN: 'tb',
    OME_DEV_B_CA_FILE: '/b/ca.crt',
  });
  const appConfig = fs.readFileSync(new URL('../app-config.yaml', import.meta.url), 'utf8');
  for (const key of Object.keys(env)) assert.ok(appConfig.includes(`\${${key}}`), `app-config.yaml uses ${key}`);
});
