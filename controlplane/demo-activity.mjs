// DEMO STATUS WRITER, the running part (`npm start` only). Kubernetes deletes events after the
// apiserver's event TTL (1 h by default), so the demo events are re-emitted every
// `reemitMs`; and a few statuses keep changing slowly so the live pages visibly move: the
// CrashLoopBackOff pods restart again (restartCount + 1, a new BackOff event) and the
// model-agent's downloads In_Transit advance on their node.
import { clusterClient } from './kube.mjs';
import { emitDemoEvents, podStatus } from './demo-workloads.mjs';
import { OME_SYSTEM_NAMESPACE, modelConfigMapKey } from '../plugins/ome-common/src/operate/modelAgent.ts';

/** The next progress of a download: +step of the total, wrapping to 5 % after it completed. */
export function advanceProgress(entryJson, step = 0.03) {
  const entry = JSON.parse(entryJson);
  if (entry.status !== 'Updating' || !entry.progress?.totalBytes) return undefined;
  const p = entry.progress;
  let done = p.completedBytes + Math.round(p.totalBytes * step);
  if (done >= p.totalBytes) done = Math.round(p.totalBytes * 0.05);
  const fraction = done / p.totalBytes;
  return JSON.stringify({
    ...entry,
    progress: {
      ...p,
      completedBytes: done,
      completedFiles: Math.floor((p.totalFiles ?? 0) * fraction),
      lastUpdated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    },
  });
}

/**
 * Starts the loops for a started control plane (startControlPlane's result, seeded with demo
 * status). Returns stop().
 * @param {{ clusters: object[], demoStatus?: Array<{ workloads?: object }> }} cp
 */
export function startDemoActivity(cp, { tickMs = 20_000, reemitMs = 15 * 60_000, log = console.log } = {}) {
  const targets = cp.clusters
    .map((c, i) => ({ cluster: c, w: cp.demoStatus?.[i]?.workloads }))
    .filter(t => t.w);
  const restarts = new Map();
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const { cluster, w } of targets) {
        const client = clusterClient(cluster, 'ome-admin', { maxSockets: 4 });
        try {
          // the crashing pods crash once more
          for (const p of w.pods.filter(x => x.state === 'CrashLoopBackOff')) {
            const n = (restarts.get(p.name) ?? 7) + 1;
            restarts.set(p.name, n);
            const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
            await client.request('PATCH', `/api/v1/namespaces/${p.namespace}/pods/${p.name}/status`,
              { status: podStatus(p, now, n) }, { contentType: 'application/merge-patch+json' });
          }
          // downloads in transit advance
          for (const m of w.models.filter(x => x.state === 'In_Transit').slice(0, 5)) {
            const key = modelConfigMapKey(m.name, m.namespace);
            for (const node of w.nodes) {
              const path = `/api/v1/namespaces/${OME_SYSTEM_NAMESPACE}/configmaps/${node}`;
              const cm = await client.request('GET', path);
              const next = cm.status === 200 && cm.body.data?.[key] ? advanceProgress(cm.body.data[key]) : undefined;
              if (next) {
                await client.request('PATCH', path, { data: { [key]: next } }, { contentType: 'application/merge-patch+json' });
              }
            }
          }
        } finally {
          client.close();
        }
      }
    } catch (err) {
      log(`demo activity: ${err.message}`);
    } finally {
      busy = false;
    }
  };
  const reemit = async () => {
    for (const { cluster, w } of targets) {
      const client = clusterClient(cluster, 'ome-admin', { maxSockets: 4 });
      try {
        const n = await emitDemoEvents(client, w.pods, w.services);
        log(`demo activity: re-emitted ${n} events on ${cluster.name}`);
      } catch (err) {
        log(`demo activity: ${err.message}`);
      } finally {
        client.close();
      }
    }
  };
  const t1 = setInterval(tick, tickMs);
  const t2 = setInterval(reemit, reemitMs);
  t1.unref?.();
  t2.unref?.();
  return () => {
    clearInterval(t1);
    clearInterval(t2);
  };
}
