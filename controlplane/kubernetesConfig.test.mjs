// Unit tests of the one translation of clusters into the kubernetes plugin's config.
//   node --test controlplane/kubernetesConfig.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configLocatorCluster, controlPlaneClusters, kubernetesConfig } from './kubernetesConfig.mjs';

const controlPlane = [
  { name: 'ome-dev-a', url: 'https://127.0.0.1:1', caData: 'Q0E=', caFile: '/a/ca.crt', tokens: { 'backstage-kubernetes': 'ta', alice: 'xa' } },
  { name: 'ome-dev-b', url: 'https://127.0.0.1:2', caData: 'Q0I=', caFile: '/b/ca.crt', tokens: { 'backstage-kubernetes': 'tb', alice: 'xb' } },
];

test("a control plane's clusters become config-locator clusters with the kubernetes plugin's token and the CA inline", () => {
  assert.deepEqual(kubernetesConfig(controlPlaneClusters(controlPlane)), {
    serviceLocatorMethod: { type: 'multiTenant' },
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          { name: 'ome-dev-a', url: 'https://127.0.0.1:1', authProvider: 'serviceAccount', serviceAccountToken: 'ta', caData: 'Q0E=' },
          { name: 'ome-dev-b', url: 'https://127.0.0.1:2', authProvider: 'serviceAccount', serviceAccountToken: 'tb', caData: 'Q0I=' },
        ],
      },
    ],
  });
});

test("another user's token on request; a user without a token is an error naming the cluster", () => {
  assert.deepEqual(controlPlaneClusters(controlPlane, { user: 'alice' }).map(c => c.token), ['xa', 'xb']);
  assert.throws(() => controlPlaneClusters(controlPlane, { user: 'nobody' }), /ome-dev-a has no token for user nobody/);
});

test('one way of trusting the server: caData, else caFile, else skipTLSVerify when asked for', () => {
  const base = { name: 'x', url: 'https://x', token: 't' };
  const trust = c => {
    const { name, url, authProvider, serviceAccountToken, ...rest } = configLocatorCluster({ ...base, ...c });
    assert.deepEqual({ name, url, authProvider, serviceAccountToken }, { name: 'x', url: 'https://x', authProvider: 'serviceAccount', serviceAccountToken: 't' });
    return rest;
  };
  assert.deepEqual(trust({ caData: 'Q0E=', caFile: '/ca', skipTLSVerify: true }), { caData: 'Q0E=' });
  assert.deepEqual(trust({ caFile: '/ca', skipTLSVerify: true }), { caFile: '/ca' });
  assert.deepEqual(trust({ skipTLSVerify: true }), { skipTLSVerify: true });
  assert.deepEqual(trust({ skipTLSVerify: false }), {});
});
