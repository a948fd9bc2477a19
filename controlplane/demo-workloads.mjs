// DEMO STATUS WRITER, workloads part. Nothing runs pods on the local control plane (no
// scheduler, no controllers, no kubelet), so the operate views would have nothing to show.
// This stand-in writes what OME and Kubernetes would produce around the demo objects:
//   - namespace `ome` and a `default` ServiceAccount in every namespace that gets pods
//     (no controller creates it, and pod admission needs it)
//   - the pods behind each InferenceService component, labelled like OME labels them
//     (ome.io/inferenceservice, component), bound to a demo Node (spec.nodeName: no scheduler),
//     with status: most Running, one Pending (FailedScheduling: insufficient GPUs), one
//     CrashLoopBackOff per cluster
//   - the events of the services and their pods (they expire after the apiserver's event TTL,
//     1 h by default: emitDemoEvents is re-run by `npm start`)
//   - the model-agent's ConfigMaps (one per node in `ome`, keys by OME's rule)
// Container logs come from controlplane/standin-kubelet.mjs through the apiserver's pods/log.
import { sha256Hex, pool } from './kube.mjs';
import { MODEL_AGENT_CONFIGMAP_LABEL, OME_SYSTEM_NAMESPACE, modelConfigMapKey } from '../plugins/ome-common/src/operate/modelAgent.ts';
import { OME_COMPONENT_LABEL, OME_ISVC_POD_LABEL, OME_MAIN_CONTAINER } from '../plugins/ome-common/src/operate/pods.ts';

export const DEMO_LABEL = 'ome-console.dev/demo';
const REPLICAS = { engine: 2, decoder: 1, router: 1 };

/**
 * Which pods each InferenceService gets and in what state (pure, for tests too). Services whose
 * Ready condition is False crash (CrashLoopBackOff) in their engine; one service per cluster
 * (the first by name among the others) has a Pending engine pod that cannot be scheduled.
 * @param {Array<{name: string, namespace: string, components: string[], ready: string, accelerator?: string}>} services
 * @param {string[]} nodes
 * @returns {Array<{name: string, namespace: string, isvc: string, component: string, state: 'Running'|'Pending'|'CrashLoopBackOff', node?: string}>}
 */
export function planPods(services, nodes) {
  const sorted = [...services].sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  const crashing = new Set(sorted.filter(s => s.ready === 'False').map(s => `${s.namespace}/${s.name}`));
  if (!crashing.size && sorted.length > 1) crashing.add(`${sorted[1].namespace}/${sorted[1].name}`);
  const pendingSvc = sorted.find(s => !crashing.has(`${s.namespace}/${s.name}`));
  const pods = [];
  for (const s of sorted) {
    const key = `${s.namespace}/${s.name}`;
    for (const component of s.components) {
      const hash = sha256Hex(`pod:${key}:${component}`).slice(0, 10);
      const count = REPLICAS[component] ?? 1;
      for (let i = 0; i < count; i++) {
        const name = `${s.name}-${component}-${hash.slice(0, 5)}-${hash.slice(5 + i, 10 + i)}`.slice(0, 63);
        let state = 'Running';
        if (component === 'engine' && i === 0 && crashing.has(key)) state = 'CrashLoopBackOff';
        else if (component === 'engine' && i === count - 1 && s === pendingSvc) state = 'Pending';
        const node = state === 'Pending' || !nodes.length ? undefined : nodes[parseInt(hash.slice(i, i + 4), 16) % nodes.length];
        pods.push({ name, namespace: s.namespace, isvc: s.name, component, state, ...(node && { node }) });
      }
    }
  }
  return pods;
}

function podObject(p, now) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      namespace: p.namespace,
      labels: { [OME_ISVC_POD_LABEL]: p.isvc, [OME_COMPONENT_LABEL]: p.component, [DEMO_LABEL]: 'true' },
      annotations: { 'ome-console.dev/demo-note': 'stand-in pod written by the demo status writer; nothing runs it' },
    },
    spec: {
      ...(p.node && { nodeName: p.node }),
      automountServiceAccountToken: false,
      containers: [
        {
          name: OME_MAIN_CONTAINER,
          image: 'docker.io/lmsysorg/sglang:demo',
          ...(p.component !== 'router' && { resources: { limits: { 'nvidia.com/gpu': '8' }, requests: { 'nvidia.com/gpu': '8' } } }),
        },
        ...(p.component === 'router' ? [] : [{ name: 'serving-sidecar', image: 'docker.io/library/busybox:demo' }]),
      ],
      ...(p.component === 'router' ? {} : { initContainers: [{ name: 'model-init', image: 'docker.io/library/busybox:demo' }] }),
    },
    _status: podStatus(p, now),
  };
}

/** The status a kubelet (or, for a Pending pod, the scheduler) would report. */
export function podStatus(p, now, restarts = 7) {
  const cond = (type, status, extra = {}) => ({ type, status, lastTransitionTime: now, ...extra });
  if (p.state === 'Pending') {
    return {
      phase: 'Pending',
      conditions: [
        cond('PodScheduled', 'False', {
          reason: 'Unschedulable',
          message: '0/12 nodes are available: 12 Insufficient nvidia.com/gpu. preemption: 0/12 nodes are available: 12 No preemption victims found for incoming pod.',
        }),
      ],
    };
  }
  const containers = p.component === 'router' ? [OME_MAIN_CONTAINER] : [OME_MAIN_CONTAINER, 'serving-sidecar'];
  const crash = p.state === 'CrashLoopBackOff';
  return {
    phase: 'Running',
    hostIP: '127.0.0.1',
    podIP: '127.0.0.1',
    startTime: now,
    conditions: [
      cond('PodScheduled', 'True'),
      cond('Initialized', 'True'),
      cond('ContainersReady', crash ? 'False' : 'True'),
      cond('Ready', crash ? 'False' : 'True'),
    ],
    containerStatuses: containers.map(name => {
      const crashes = crash && name === OME_MAIN_CONTAINER;
      return {
        name,
        image: name === OME_MAIN_CONTAINER ? 'docker.io/lmsysorg/sglang:demo' : 'docker.io/library/busybox:demo',
        imageID: '',
        ready: !crashes,
        started: !crashes,
        restartCount: crashes ? restarts : 0,
        state: crashes
          ? { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${name} pod=${p.name}` } }
          : { running: { startedAt: now } },
        ...(crashes && { lastState: { terminated: { reason: 'Error', exitCode: 1, startedAt: now, finishedAt: now } } }),
      };
    }),
  };
}

/** The events Kubernetes and OME would have recorded for the pods and services (pure). */
export function demoEvents(pods, services, stamp) {
  const ev = (namespace, kind, apiVersion, name, type, reason, message, component, count = 1) => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${sha256Hex(`${stamp}:${kind}:${name}:${reason}`).slice(0, 16)}`, namespace, labels: { [DEMO_LABEL]: 'true' } },
    involvedObject: { kind, apiVersion, name, namespace },
    type,
    reason,
    message,
    source: { component },
    count,
    firstTimestamp: stamp,
    lastTimestamp: stamp,
    reportingComponent: component,
    reportingInstance: '',
  });
  const out = [];
  for (const p of pods) {
    if (p.state === 'Pending') {
      out.push(ev(p.namespace, 'Pod', 'v1', p.name, 'Warning', 'FailedScheduling', podStatus(p, stamp).conditions[0].message, 'default-scheduler', 4));
      continue;
    }
    out.push(ev(p.namespace, 'Pod', 'v1', p.name, 'Normal', 'Scheduled', `Successfully assigned ${p.namespace}/${p.name} to ${p.node}`, 'default-scheduler'));
    out.push(ev(p.namespace, 'Pod', 'v1', p.name, 'Normal', 'Started', `Started container ${OME_MAIN_CONTAINER}`, 'kubelet'));
    if (p.state === 'CrashLoopBackOff') {
      out.push(ev(p.namespace, 'Pod', 'v1', p.name, 'Warning', 'BackOff', `Back-off restarting failed container ${OME_MAIN_CONTAINER} in pod ${p.name}`, 'kubelet', 7));
    }
  }
  for (const s of services) {
    const ok = s.ready === 'True';
    out.push(
      ev(s.namespace, 'InferenceService', 'ome.io/v1beta1', s.name, ok ? 'Normal' : 'Warning', ok ? 'InferenceServiceReady' : s.reason ?? 'NotReady',
        ok ? 'InferenceService is ready' : s.message ?? 'InferenceService is not ready', 'inferenceservice-controller'),
    );
  }
  return out;
}

/**
 * The model-agent's ConfigMaps (pure): per node, one entry per model on it: Ready where the
 * model is in nodesReady, Failed in nodesFailed, Updating with partial progress on one node
 * of a model In_Transit.
 * @param {Array<{name: string, namespace?: string, state: string, nodesReady: string[], nodesFailed?: string[]}>} models
 * @param {string[]} nodes
 */
export function modelAgentConfigMaps(models, nodes, now) {
  const data = Object.fromEntries(nodes.map(n => [n, {}]));
  const entry = (m, status, fraction) => {
    const total = 1000 * 1024 * 1024 * (1 + (parseInt(sha256Hex(`size:${m.name}`).slice(0, 4), 16) % 140));
    const done = Math.round(total * fraction);
    return JSON.stringify({
      name: m.name,
      status,
      progress: {
        phase: status === 'Ready' ? 'Completed' : status === 'Failed' ? 'Failed' : 'Downloading',
        totalBytes: total,
        completedBytes: done,
        totalFiles: 12,
        completedFiles: Math.round(12 * fraction),
        speedBytesPerSec: status === 'Updating' ? 120 * 1024 * 1024 : 0,
        lastUpdated: now,
      },
    });
  };
  for (const m of models) {
    const key = modelConfigMapKey(m.name, m.namespace);
    for (const n of m.nodesReady ?? []) if (data[n]) data[n][key] = entry(m, 'Ready', 1);
    for (const n of m.nodesFailed ?? []) if (data[n]) data[n][key] = entry(m, 'Failed', 0.4);
    if (m.state === 'In_Transit') {
      const free = nodes.filter(n => !(m.nodesReady ?? []).includes(n));
      const n = free[parseInt(sha256Hex(`transit-node:${m.name}`).slice(0, 4), 16) % Math.max(1, free.length)];
      const fraction = (parseInt(sha256Hex(`transit-frac:${m.name}`).slice(0, 4), 16) % 90) / 100 + 0.05;
      if (n) data[n][key] = entry(m, 'Updating', fraction);
    }
  }
  return nodes.map(node => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: node,
      namespace: OME_SYSTEM_NAMESPACE,
      labels: { [MODEL_AGENT_CONFIGMAP_LABEL]: 'true', node, [DEMO_LABEL]: 'true' },
    },
    data: data[node],
  }));
}

async function put(client, obj, path) {
  const res = await client.request('PUT', `${path}/${obj.metadata.name}`, obj);
  if (res.status === 404) return client.must('POST', path, obj);
  if (res.status >= 300) throw new Error(`PUT ${path}/${obj.metadata.name}: HTTP ${res.status}: ${res.body?.message}`);
  return res.body;
}

/** Creates the events of `pods` and `services` with fresh names (re-run to outlive the TTL). */
export async function emitDemoEvents(client, pods, services, { concurrency = 8 } = {}) {
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const events = demoEvents(pods, services, stamp);
  await pool(events, concurrency, e => client.create(`/api/v1/namespaces/${e.metadata.namespace}/events`, e));
  return events.length;
}

/**
 * Writes the workloads of one cluster (see the file comment). Idempotent: pods that exist are
 * left as they are (their status is patched), ConfigMaps are replaced.
 * @returns {Promise<{ pods: ReturnType<typeof planPods>, services: object[], events: number, configMaps: number }>}
 */
export async function writeDemoWorkloads(client, { nodes, services, models, now, concurrency = 8 }) {
  const namespaces = [...new Set([OME_SYSTEM_NAMESPACE, ...services.map(s => s.namespace)])].sort();
  await pool(namespaces, concurrency, async ns => {
    await client.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    await client.create(`/api/v1/namespaces/${ns}/serviceaccounts`, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: ns },
    });
  });
  const pods = planPods(services, nodes);
  await pool(pods, concurrency, async p => {
    const { _status, ...obj } = podObject(p, now);
    const base = `/api/v1/namespaces/${p.namespace}/pods`;
    await client.create(base, obj);
    await client.must('PATCH', `${base}/${p.name}/status`, { status: _status }, { contentType: 'application/merge-patch+json' });
  });
  const cms = modelAgentConfigMaps(models, nodes, now);
  await pool(cms, concurrency, cm => put(client, cm, `/api/v1/namespaces/${OME_SYSTEM_NAMESPACE}/configmaps`));
  const events = await emitDemoEvents(client, pods, services, { concurrency });
  return { pods, services, events, configMaps: cms.length };
}
