// controlplane.json: the running control plane described for other processes (jest, the
// control plane tests, the backend's dev server, npm start): its clusters, the result of the
// seeding, and the kubernetes plugin's config for these clusters, ready to use.
import fs from 'node:fs';
import { controlPlaneClusters, kubernetesConfig } from './kubernetesConfig.mjs';

/** controlplane.json's content for a started control plane (startControlPlane's result). */
export function controlPlaneInfo(cp) {
  return {
    createdAt: new Date().toISOString(),
    stateDir: cp.stateDir,
    kubeconfig: cp.kubeconfig,
    timings: cp.timings,
    clusters: cp.clusters,
    // restart in place of one cluster's apiserver or etcd over HTTP (control.mjs)
    control: cp.control,
    // the stand-in kubelet serving the demo pods' container logs (standin-kubelet.mjs)
    ...(cp.standinKubelet && { standinKubelet: cp.standinKubelet }),
    // the stand-in model hub of HuggingFace imports (standin-model-hub.mjs)
    ...(cp.standinModelHub && { standinModelHub: cp.standinModelHub }),
    // the `kubernetes` config key of a Backstage backend that reaches these clusters with the
    // kubernetes plugin's own credential (user backstage-kubernetes)
    kubernetes: kubernetesConfig(controlPlaneClusters(cp.clusters)),
    // what seedCluster()/writeDemoStatus() did, per cluster (absent with seed: false)
    ...(cp.seed
      ? {
          seed: cp.seed.map((r, i) => ({
            cluster: r.cluster,
            full: r.full,
            counts: r.counts,
            rejected: r.rejected,
            warnings: r.warnings,
            skipped: r.skipped,
            duplicates: r.duplicates.map(d => d.key),
            demoStatus: cp.demoStatus?.[i] && {
              failedModel: cp.demoStatus[i].failedModel,
              modelStates: cp.demoStatus[i].states,
              inferenceServiceReady: cp.demoStatus[i].isvcReady,
              nodes: cp.demoStatus[i].nodes,
            },
          })),
        }
      : {}),
  };
}

/** (Re)writes cp.infoFile, mode 0600 (it holds the tokens). */
export function writeControlPlaneInfo(cp) {
  fs.writeFileSync(cp.infoFile, JSON.stringify(controlPlaneInfo(cp), null, 2) + '\n', { mode: 0o600 });
}
