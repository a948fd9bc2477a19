// Which clusters the example app manages, as the kubernetes plugin's config
// (controlplane/kubernetesConfig.mjs): the contexts of $KUBECONFIG when it is set, otherwise
// the local control plane (controlplane/: ome-dev-a and ome-dev-b, seeded with OME's catalog).
import path from 'node:path';
import { ensureBinaries } from '../controlplane/build.mjs';
import { REPO_ROOT } from '../controlplane/kube.mjs';
import { readKubeconfigClusters } from '../controlplane/kubeconfig.mjs';
import { controlPlaneClusters, kubernetesConfig } from '../controlplane/kubernetesConfig.mjs';
import { startControlPlane } from '../controlplane/launch.mjs';

/** Starts (and seeds) the local control plane, by default in .local/controlplane. */
export async function startLocalControlPlane({
  stateDir = path.join(REPO_ROOT, '.local', 'controlplane'),
  log = console.log,
} = {}) {
  const binaries = await ensureBinaries({ log });
  const controlPlane = await startControlPlane({ stateDir, seed: true, binaries, log });
  return { controlPlane, kubernetes: kubernetesConfig(controlPlaneClusters(controlPlane.clusters)) };
}

/**
 * The clusters of a kubeconfig (one per context with a token user; `contexts` limits them)
 * as the kubernetes plugin's config, plus the contexts skipped and why.
 */
export async function kubeconfigToAppConfig(kubeconfigPath, { contexts } = {}) {
  const { clusters, skipped } = await readKubeconfigClusters(kubeconfigPath, { contexts });
  return {
    appConfig: { kubernetes: kubernetesConfig(clusters) },
    clusters: clusters.map(c => c.name),
    skipped,
  };
}

/**
 * The clusters of $KUBECONFIG's first file (OME_KUBECONFIG_CONTEXTS, comma separated, picks
 * contexts); fails when no context is usable.
 */
export async function kubeconfigClusters(kubeconfig = process.env.KUBECONFIG, { log = console.log } = {}) {
  const first = kubeconfig.split(path.delimiter).filter(Boolean)[0];
  const contexts = process.env.OME_KUBECONFIG_CONTEXTS?.split(',')
    .map(c => c.trim())
    .filter(Boolean);
  const { appConfig, clusters, skipped } = await kubeconfigToAppConfig(first, {
    contexts: contexts?.length ? contexts : undefined,
  });
  for (const s of skipped) log(`start: skipping kubeconfig context ${s.name}: ${s.why}`);
  if (clusters.length === 0) throw new Error(`start: no usable context in ${first}`);
  log(`start: clusters from ${first}: ${clusters.join(', ')}`);
  return { kubernetes: appConfig.kubernetes, source: first };
}
