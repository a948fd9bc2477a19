/*
 * The harness of the integration suites: the real local control plane (kube-apiserver +
 * etcd, clusters ome-dev-a and ome-dev-b, seeded) described by OME_CONTROLPLANE_FILE, and a
 * test backend with the REAL kubernetes backend plugin and the OME backend plugin.
 * Without the control plane these suites FAIL on purpose.
 */
import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import fs from 'node:fs';
import net from 'node:net';
import supertest from 'supertest';
import omePlugin from '../index';
import { plantSecret } from './plantedSecrets';

export interface ControlPlaneCluster {
  name: string;
  url: string;
  caData: string;
  version: string;
  tokens: Record<string, string>;
}

/** What the control plane's seeding created in one cluster (`seed[]` of controlplane.json). */
interface ControlPlaneSeed {
  cluster: string;
  counts: Record<string, number>;
}

/**
 * The kubernetes plugin's config for the control plane's clusters, as the control plane
 * writes it into controlplane.json (made by controlplane/kubernetesConfig.mjs).
 */
interface KubernetesConfig {
  serviceLocatorMethod: { type: string };
  clusterLocatorMethods: Array<{ type: string; clusters: object[] }>;
}

export function loadControlPlane(): {
  clusters: ControlPlaneCluster[];
  seed: ControlPlaneSeed[];
  kubernetes: KubernetesConfig;
} {
  const vmModules = [
    ...process.execArgv,
    ...(process.env.NODE_OPTIONS ?? '').split(/\s+/),
  ].includes('--experimental-vm-modules');
  if (!vmModules) {
    throw new Error(
      'The OME backend integration tests need NODE_OPTIONS=--experimental-vm-modules: the ' +
        "kubernetes backend's proxy loads @kubernetes/client-node (ESM) with a dynamic " +
        'import(), which jest only runs with that flag. Use `yarn test:integration`.',
    );
  }
  const file = process.env.OME_CONTROLPLANE_FILE;
  if (!file) {
    throw new Error(
      'OME_CONTROLPLANE_FILE is not set. The OME backend integration tests need the local ' +
        'control plane: run `node controlplane/cli.mjs` from the repo root and set ' +
        'OME_CONTROLPLANE_FILE=<repo>/.local/controlplane/controlplane.json (the test ' +
        'command does both). Refusing to skip.',
    );
  }
  if (!fs.existsSync(file)) {
    throw new Error(`OME_CONTROLPLANE_FILE=${file} does not exist`);
  }
  const info = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    clusters: ControlPlaneCluster[];
    seed?: ControlPlaneSeed[];
    kubernetes?: KubernetesConfig;
  };
  if (!info.kubernetes) {
    throw new Error(
      `${file} has no kubernetes config: it was written by an older control plane; restart it`,
    );
  }
  for (const name of ['ome-dev-a', 'ome-dev-b']) {
    if (!info.clusters.some(c => c.name === name)) {
      throw new Error(`${file} has no cluster ${name}`);
    }
    if (!info.seed?.some(s => s.cluster === name && s.counts)) {
      throw new Error(
        `${file} has no seed counts for ${name}: the control plane is still seeding ` +
          '(wait for "controlplane: running") or was started without seeding',
      );
    }
  }
  return {
    clusters: info.clusters,
    seed: info.seed!,
    kubernetes: info.kubernetes,
  };
}

// Read at load time so that a missing control plane fails the whole suite loudly.
export const controlPlane = loadControlPlane();
export const clusterA = controlPlane.clusters.find(
  c => c.name === 'ome-dev-a',
)!;
export const clusterB = controlPlane.clusters.find(
  c => c.name === 'ome-dev-b',
)!;
/** How many objects of `kind` the seeding created in `cluster`. */
export function seeded(cluster: string, kind: string): number {
  return controlPlane.seed.find(s => s.cluster === cluster)!.counts[kind] ?? 0;
}
// The clusters' credentials are secrets too: the sweep looks for them everywhere.
for (const cluster of controlPlane.clusters) {
  for (const [user, token] of Object.entries(cluster.tokens)) {
    plantSecret(token, `${cluster.name} token of ${user}`);
  }
}
export const DEAD = 'ome-dev-dead';

/** A loopback port nobody listens on. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/**
 * The test backend's config: the control plane's clusters as controlplane.json gives them to
 * the kubernetes plugin, plus (with `deadPort`) a cluster DEAD where nobody answers.
 */
export function backendConfig(deadPort?: number) {
  const { kubernetes } = controlPlane;
  const [locator] = kubernetes.clusterLocatorMethods;
  const dead = {
    name: DEAD,
    url: `https://127.0.0.1:${deadPort}`,
    authProvider: 'serviceAccount',
    serviceAccountToken: 'unused',
    skipTLSVerify: true,
  };
  return {
    kubernetes: {
      ...kubernetes,
      clusterLocatorMethods: [
        {
          ...locator,
          clusters: [
            ...locator.clusters,
            ...(deadPort === undefined ? [] : [dead]),
          ],
        },
      ],
    },
    ome: { clusterTimeoutMs: 10_000 },
  };
}

/**
 * A permissions service that decides `ome.*` permissions with `decide` and allows
 * everything else (the kubernetes plugin's own checks for the OME backend's service calls).
 */
export function omePermissionsFactory(
  decide: (permission: Permission) => PolicyDecision,
) {
  const service: PermissionsService = {
    async authorize(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
    async authorizeConditional(requests) {
      return requests.map(r =>
        r.permission.name.startsWith('ome.')
          ? decide(r.permission)
          : { result: AuthorizeResult.ALLOW },
      ) as any;
    },
  };
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => service,
  });
}

/** A test backend with the kubernetes and OME plugins against clusters A and B (and a dead one when `deadPort` is given). */
export async function startOmeBackend(
  options: {
    deadPort?: number;
    /** Decides each `ome.*` permission (given) of every request. */
    decide?: (permission: Permission) => PolicyDecision;
    /** Changes the configuration (e.g. `backend.reading.allow`). */
    configure?: (
      config: ReturnType<typeof backendConfig>,
    ) => ReturnType<typeof backendConfig> & { backend?: object };
  } = {},
) {
  const config = backendConfig(options.deadPort);
  return startTestBackend({
    features: [
      kubernetesPlugin,
      omePlugin,
      mockServices.rootConfig.factory({
        data: options.configure?.(config) ?? config,
      }),
      // Requests without an Authorization header are unauthenticated.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      ...(options.decide ? [omePermissionsFactory(options.decide)] : []),
    ],
  });
}

/**
 * The kubernetes backend's first cluster listing and the cache's first sync can outlast a
 * request's timeout on a busy machine: a few tries at most (as a user), before the assertions.
 */
export async function warmUp(server: Parameters<typeof supertest>[0]) {
  for (const path of ['/api/ome/clusters', '/api/ome/basemodels']) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await supertest(server)
        .get(path)
        .set('Authorization', mockCredentials.user.header());
      if (res.status === 200) break;
    }
  }
}

export { kubeRequest } from './kubeRequest';
