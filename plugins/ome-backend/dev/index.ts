/*
 * Development backend: the real kubernetes backend plugin plus the OME backend plugin.
 *
 *   node controlplane/cli.mjs                       # repo root: local clusters ome-dev-a/b
 *   yarn start                                      # in plugins/ome-backend (OME_DEV_PORT=7007)
 *
 * The clusters come from the control plane's controlplane.json (OME_CONTROLPLANE_FILE, by
 * default <repo>/.local/controlplane/controlplane.json), which then replaces the app-config
 * files; without that file the app-config files are used as they are. Auth is mocked as in
 * Backstage's backend-plugin template, so any request acts as a user unless it says otherwise:
 *
 *   curl http://localhost:7007/api/ome/health
 *   curl http://localhost:7007/api/ome/clusters
 *   curl http://localhost:7007/api/ome/clusterbasemodels?cluster=ome-dev-b
 *   curl http://localhost:7007/api/ome/clusters -H 'Authorization: Bearer mock-none-token'   # 401
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The kubernetes plugin's config for the local clusters: the control plane writes it into
 * controlplane.json (`kubernetes`, made by controlplane/kubernetesConfig.mjs).
 */
function controlPlaneKubernetesConfig(): object | undefined {
  const file =
    process.env.OME_CONTROLPLANE_FILE ??
    path.resolve(__dirname, '../../../.local/controlplane/controlplane.json');
  if (!fs.existsSync(file)) {
    // eslint-disable-next-line no-console
    console.warn(
      `${file} not found: using the kubernetes config of app-config`,
    );
    return undefined;
  }
  const { kubernetes } = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!kubernetes) {
    throw new Error(
      `${file} has no kubernetes config: it was written by an older control plane; restart it`,
    );
  }
  return kubernetes;
}

const backend = createBackend();

// Mocked auth: call the API without signing in (see the header comment).
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());

const kubernetes = controlPlaneKubernetesConfig();
const port = Number(process.env.OME_DEV_PORT ?? 7007);
if (kubernetes) {
  // Replaces the app-config files: just enough config for this dev backend.
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: `http://localhost:${port}`,
          // Loopback only: auth is mocked and the kubernetes backend holds a cluster token.
          listen: { port, host: '127.0.0.1' },
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        kubernetes,
        ome: { clusterTimeoutMs: 5000 },
      },
    }),
  );
}

backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('../src'));

backend.start();
