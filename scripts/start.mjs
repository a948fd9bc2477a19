#!/usr/bin/env node
// `npm start` (via scripts/toolchain.mjs, so Node 22, yarn on PATH, dependencies installed).
//
// Starts the example Backstage app (packages/app on http://localhost:3000, packages/backend
// on http://localhost:7007) with app-config.yaml plus a generated app-config file with the
// clusters (scripts/exampleApp.mjs), which come from (scripts/clusters.mjs)
//
//  - the contexts of $KUBECONFIG, when it is set: one cluster per context whose user has a
//    token (`token` or `tokenFile`), named after the context; other contexts (client
//    certificates, exec plugins) are skipped with a warning. OME_KUBECONFIG_CONTEXTS (comma
//    separated) limits it to some contexts. No local control plane is started.
//  - otherwise the local control plane (controlplane/: ome-dev-a and ome-dev-b, seeded with
//    OME's catalog), with the kubernetes plugin's token user `backstage-kubernetes`; its demo
//    status writer keeps re-emitting events and moving a few statuses (demo-activity.mjs).
//
// The generated file holds credentials: .local/example-app/app-config.kubernetes.yaml, mode
// 0600, removed on stop. Ctrl-C stops the app and the control plane (their process groups).
//
// For scripts/test.mjs: startExampleApp({ controlPlane, ports: 'free', ... }) and
// startLocalControlPlane() are re-exported from here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoActivity } from '../controlplane/demo-activity.mjs';
import { kubeconfigClusters, startLocalControlPlane } from './clusters.mjs';
import { APP_URL, startExampleApp } from './exampleApp.mjs';

export { REPO_ROOT } from '../controlplane/kube.mjs';
export { kubeconfigToAppConfig, startLocalControlPlane } from './clusters.mjs';
export { APP_URL, BACKEND_URL, startExampleApp } from './exampleApp.mjs';

async function main() {
  let controlPlane;
  let app;
  let stopping;
  const shutdown = (code, why) => {
    stopping ??= (async () => {
      if (why) console.log(`\nstart: ${why}, stopping ...`);
      if (app) await app.stop();
      if (controlPlane) await controlPlane.stop();
      process.exit(code);
    })();
    return stopping;
  };
  process.on('SIGINT', () => shutdown(130, 'SIGINT'));
  process.on('SIGTERM', () => shutdown(143, 'SIGTERM'));
  process.on('SIGHUP', () => shutdown(129, 'SIGHUP'));

  try {
    let clusters;
    if (process.env.KUBECONFIG) {
      const { kubernetes, source } = await kubeconfigClusters(process.env.KUBECONFIG);
      clusters = { kubernetes, kubernetesSource: source };
    } else {
      const started = await startLocalControlPlane();
      controlPlane = started.controlPlane;
      clusters = { kubernetes: started.kubernetes };
      // demo events outlive the event TTL and a few statuses keep moving (local clusters only)
      startDemoActivity(controlPlane);
      if (stopping) return;
    }
    app = await startExampleApp({ ...clusters, controlPlane });
    if (stopping) return;
    console.log(`\nstart: open ${APP_URL}/ome (guest sign-in); Ctrl-C stops everything`);
    const code = await app.exited;
    await shutdown(code, `the app exited (code ${code})`);
  } catch (err) {
    console.error(err.stack || err.message);
    await shutdown(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
