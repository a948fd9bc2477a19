// DEMO STATUS WRITER. No OME controller or model-agent runs against the local control plane,
// so nothing would ever fill in `.status`. This module writes plausible status through the
// /status subresource the way OME's controllers would, deterministically by object name:
//   - fake GPU Nodes (labels matching the AcceleratorClasses' discovery.nodeSelector)
//   - AcceleratorClass: nodes, availableNodes, total/availableAccelerators, lastUpdated
//   - ClusterBaseModel / BaseModel / FineTunedWeight: state Ready with nodesReady (most),
//     In_Transit (about 1 in 10), exactly one Failed per cluster (with nodesFailed)
//   - InferenceService: conditions, url, address, components.<c>.url/selectedAccelerator, modelStatus
//   - BenchmarkJob: Completed / Running / Failed
//   - the workloads around them (pods, events, model-agent ConfigMaps): demo-workloads.mjs
// ServingRuntimes have no status subresource and are left alone.
import { clusterClient, hashFraction, sha256Hex, pool, apiPath, formatMs } from './kube.mjs';
import { writeDemoWorkloads } from './demo-workloads.mjs';
import { modelFieldsFromRuntime, ownRuntimeName } from '../plugins/ome-common/src/runtimeSelection/agentFields.ts';

const OME = { group: 'ome.io', version: 'v1beta1' };
const GPUS_PER_NODE = 8;
const NODES_PER_ACCELERATOR = { 'nvidia-h100-80gb': 4, 'nvidia-a100-80gb': 3, 'amd-mi300x': 2, 'nvidia-l4-24gb': 3 };

const byHash = salt => (a, b) => (sha256Hex(salt + a) < sha256Hex(salt + b) ? -1 : 1);
const nsName = o => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name);

function pickNodes(nodes, name, min, max) {
  if (!nodes.length) return [];
  const n = Math.min(nodes.length, min + Math.floor(hashFraction(`count:${name}`) * (max - min + 1)));
  return [...nodes].sort(byHash(`nodes:${name}:`)).slice(0, n).sort();
}

/**
 * Decides the demo state of every model kind on a cluster (pure, for tests too).
 * @returns {{ failedModel: string|undefined, stateOf: (obj) => 'Ready'|'In_Transit'|'Failed' }}
 */
export function planModelStates({ clusterBaseModels, isvcs }) {
  const names = new Set(clusterBaseModels.map(m => m.metadata.name));
  // The one Failed model is one an InferenceService uses (so the failure shows up there too).
  const candidates = isvcs
    .map(i => i.spec?.model?.name)
    .filter(n => n && names.has(n) && !n.endsWith('-only-model'))
    .sort(byHash('failed:'));
  const failedModel = candidates[0] ?? [...names].sort(byHash('failed:'))[0];
  const stateOf = obj => {
    if (obj.kind === 'ClusterBaseModel' && obj.metadata.name === failedModel) return 'Failed';
    if (obj.metadata.name.endsWith('-only-model')) return 'Ready';
    return hashFraction(`transit:${nsName(obj)}`) < 0.1 ? 'In_Transit' : 'Ready';
  };
  return { failedModel, stateOf };
}

const ARCHITECTURES = [
  [/mixtral/, 'MixtralForCausalLM'],
  [/mistral/, 'MistralForCausalLM'],
  [/llama-?4/, 'Llama4ForConditionalGeneration'],
  [/llava/, 'LlavaForConditionalGeneration'],
  [/llama/, 'LlamaForCausalLM'],
  [/qwen3/, 'Qwen3ForCausalLM'],
  [/qwen/, 'Qwen2ForCausalLM'],
  [/deepseek-(v3|r1)/, 'DeepseekV3ForCausalLM'],
  [/deepseek/, 'DeepseekV2ForCausalLM'],
  [/phi-?3/, 'Phi3ForCausalLM'],
  [/phi/, 'PhiForCausalLM'],
  [/gemma-?3/, 'Gemma3ForCausalLM'],
  [/gemma/, 'Gemma2ForCausalLM'],
];

/**
 * The spec fields OME's model-agent fills in once a model is downloaded (format, framework,
 * architecture, quantization, parameter size), only fields still unset. The agent reads them
 * from the model's config.json; with no hub reachable locally they come from the catalog
 * runtime OME made for the model (`srt-<model>`, by the same mapping the catalog golden tests
 * use), else are guessed from the name. A few models are left without them, as when the agent
 * has not parsed a model's config yet.
 * @param model a ClusterBaseModel or BaseModel
 * @param ownRuntime the runtime made for it, if the cluster has one (see `ownRuntimeFor`)
 */
export function modelAgentSpecFields(model, ownRuntime) {
  const spec = model.spec ?? {};
  const name = model.metadata.name.toLowerCase();
  if (hashFraction(`agent:${nsName(model)}`) < 0.15) return undefined;
  const fromRuntime = ownRuntime ? modelFieldsFromRuntime(ownRuntime) : {};
  const arch = ARCHITECTURES.find(([re]) => re.test(name))?.[1];
  const size = /(?:^|[-_.])(\d+x)?(\d+(?:\.\d+)?)b(?:$|[-_.])/.exec(name);
  const guessed = {
    modelFormat: { name: 'safetensors', version: '1.0.0' },
    modelFramework: { name: 'transformers', version: '4.46.0' },
    ...(arch && { modelArchitecture: arch }),
    ...(size && { modelParameterSize: `${size[1] ?? ''}${size[2]}B` }),
  };
  const fields = {};
  for (const key of ['modelFormat', 'modelFramework', 'modelArchitecture', 'quantization', 'modelParameterSize']) {
    const value = ownRuntime ? fromRuntime[key] : guessed[key];
    if (!spec[key] && value !== undefined) fields[key] = value;
  }
  return Object.keys(fields).length ? fields : undefined;
}

/**
 * The runtime OME made for a model, among the cluster's runtimes: a ServingRuntime of that name
 * in the model's own namespace before the ClusterServingRuntime.
 */
export function ownRuntimeFor(model, { clusterRuntimes, namespacedRuntimes }) {
  const want = ownRuntimeName(model.metadata.name);
  const ns = model.metadata.namespace;
  return (
    (ns && namespacedRuntimes.find(r => r.metadata.namespace === ns && r.metadata.name === want)) ||
    clusterRuntimes.find(r => r.metadata.name === want)
  );
}

async function listAll(client, kinds, resource) {
  if (!kinds.has(resource)) return [];
  const body = await client.get(apiPath({ ...OME, resource }));
  return body.items;
}

/**
 * Writes demo status on one cluster.
 * @param {{ name: string, url: string, caData: string, tokens: Record<string,string> }} info
 * @param {{ log?: (m: string) => void, concurrency?: number, kubeletPort?: number }} [opts]
 *   kubeletPort: the stand-in kubelet's port, written into every Node's daemonEndpoints (with
 *   InternalIP 127.0.0.1) so that the apiserver's pods/log reaches it
 * @returns {Promise<{ cluster: string, nodes: number, patched: Record<string, number>,
 *   failedModel?: string, states: Record<string, number>, isvcReady: Record<string, number>, ms: number }>}
 */
export async function writeDemoStatus(info, { log = console.log, concurrency = 8, kubeletPort } = {}) {
  const t0 = performance.now();
  const client = clusterClient(info, 'ome-admin', { maxSockets: concurrency });
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const patched = {};
  const patchStatus = async (obj, resource, status) => {
    const p = apiPath({ ...OME, resource, namespace: obj.metadata.namespace, name: obj.metadata.name, subresource: 'status' });
    await client.must('PATCH', p, { status }, { contentType: 'application/merge-patch+json' });
    patched[obj.kind] = (patched[obj.kind] || 0) + 1;
  };
  try {
    const disc = await client.request('GET', '/apis/ome.io/v1beta1');
    const kinds = new Set(disc.status === 200 ? disc.body.resources.map(r => r.name) : []);

    // --- fake GPU nodes, one pool per AcceleratorClass -------------------------------------------
    const accels = await listAll(client, kinds, 'acceleratorclasses');
    const nodesByAccel = {};
    const nodeObjs = [];
    const suffix = info.name.replace(/^.*-/, ''); // ome-dev-a -> a
    for (const ac of accels) {
      const count = NODES_PER_ACCELERATOR[ac.metadata.name] ?? 2;
      const resName = ac.spec.resources?.[0]?.name || 'nvidia.com/gpu';
      nodesByAccel[ac.metadata.name] = [];
      for (let i = 1; i <= count; i++) {
        const name = `gpu-${ac.spec.model || ac.metadata.name}-${suffix}-${String(i).padStart(2, '0')}`;
        nodesByAccel[ac.metadata.name].push(name);
        nodeObjs.push({
          obj: {
            apiVersion: 'v1',
            kind: 'Node',
            metadata: {
              name,
              labels: {
                ...(ac.spec.discovery?.nodeSelector || {}),
                'kubernetes.io/hostname': name,
                'kubernetes.io/os': 'linux',
                'kubernetes.io/arch': 'amd64',
                'ome-console.dev/demo': 'true',
              },
            },
            spec: {},
          },
          capacity: { cpu: '128', memory: '2Ti', pods: '110', [resName]: String(GPUS_PER_NODE) },
        });
      }
    }
    await pool(nodeObjs, concurrency, async ({ obj, capacity }) => {
      await client.create('/api/v1/nodes', obj);
      await client.must(
        'PATCH',
        `/api/v1/nodes/${obj.metadata.name}/status`,
        {
          status: {
            capacity,
            allocatable: capacity,
            // only an InternalIP: kube-apiserver prefers a Hostname address for pods/log,
            // and the demo node names do not resolve
            addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
            ...(kubeletPort && { daemonEndpoints: { kubeletEndpoint: { Port: kubeletPort } } }),
            conditions: [
              {
                type: 'Ready',
                status: 'True',
                reason: 'KubeletReady',
                message: 'demo node (no kubelet runs locally)',
                lastHeartbeatTime: now,
                lastTransitionTime: now,
              },
            ],
            nodeInfo: {
              kubeletVersion: info.version || 'v0.0.0',
              kubeProxyVersion: '',
              osImage: 'demo',
              kernelVersion: '6.1.0',
              operatingSystem: 'linux',
              architecture: 'amd64',
              containerRuntimeVersion: 'containerd://2.0.0',
              machineID: '',
              systemUUID: '',
              bootID: '',
            },
          },
        },
        { contentType: 'application/merge-patch+json' },
      );
    });
    const allNodes = Object.values(nodesByAccel).flat().sort();

    await pool(accels, concurrency, ac => {
      const nodes = nodesByAccel[ac.metadata.name] || [];
      const total = nodes.length * GPUS_PER_NODE;
      const busy = Math.floor(hashFraction(`busy:${ac.metadata.name}`) * total);
      return patchStatus(ac, 'acceleratorclasses', {
        nodes,
        availableNodes: nodes.length,
        totalAccelerators: total,
        availableAccelerators: total - busy,
        lastUpdated: now,
      });
    });

    // --- models --------------------------------------------------------------------------------
    const cbms = await listAll(client, kinds, 'clusterbasemodels');
    const bms = await listAll(client, kinds, 'basemodels');
    const ftws = await listAll(client, kinds, 'finetunedweights');
    const isvcs = await listAll(client, kinds, 'inferenceservices');
    const { failedModel, stateOf } = planModelStates({ clusterBaseModels: cbms, isvcs });
    const states = {};
    const modelState = new Map(); // "ns/name" or "name" -> state
    const agentModels = []; // what the model-agent reports per node (BaseModels and ClusterBaseModels)
    const modelStatus = obj => {
      const state = stateOf(obj);
      states[state] = (states[state] || 0) + 1;
      modelState.set(nsName(obj), state);
      const name = nsName(obj);
      let status;
      if (state === 'Ready') status = { state, nodesReady: pickNodes(allNodes, name, 1, 4) };
      else if (state === 'In_Transit') status = { state, nodesReady: pickNodes(allNodes, name, 0, 1) };
      else status = { state, nodesReady: [], nodesFailed: pickNodes(allNodes, name, 1, 2) };
      if (obj.kind !== 'FineTunedWeight') {
        agentModels.push({ name: obj.metadata.name, namespace: obj.metadata.namespace, ...status });
      }
      return status;
    };
    await pool(cbms, concurrency, m => patchStatus(m, 'clusterbasemodels', modelStatus(m)));
    await pool(bms, concurrency, m => patchStatus(m, 'basemodels', modelStatus(m)));
    // what the model-agent learns from a downloaded model's config.json goes into its spec
    const runtimes = {
      clusterRuntimes: await listAll(client, kinds, 'clusterservingruntimes'),
      namespacedRuntimes: await listAll(client, kinds, 'servingruntimes'),
    };
    const fillSpec = resource => async m => {
      const spec = modelState.get(nsName(m)) === 'Ready' ? modelAgentSpecFields(m, ownRuntimeFor(m, runtimes)) : undefined;
      if (!spec) return;
      const p = apiPath({ ...OME, resource, namespace: m.metadata.namespace, name: m.metadata.name });
      await client.must('PATCH', p, { spec }, { contentType: 'application/merge-patch+json' });
    };
    await pool(cbms, concurrency, fillSpec('clusterbasemodels'));
    await pool(bms, concurrency, fillSpec('basemodels'));
    await pool(ftws, concurrency, m => patchStatus(m, 'finetunedweights', modelStatus(m)));

    // --- inference services ------------------------------------------------------------------
    const accelNames = accels.map(a => a.metadata.name).sort();
    const isvcReady = {};
    const services = []; // for the workloads: pods, events
    await pool(isvcs, concurrency, isvc => {
      const { name, namespace } = isvc.metadata;
      const modelName = isvc.spec?.model?.name;
      const mState = modelName ? modelState.get(`${namespace}/${modelName}`) ?? modelState.get(modelName) : undefined;
      const comps = ['engine', 'decoder', 'router'].filter(c => isvc.spec?.[c]);
      if (!comps.length) comps.push('engine');
      let ready = 'True';
      let reason;
      let message;
      let failure;
      if (!mState) {
        ready = 'False';
        reason = 'BaseModelNotFound';
        message = modelName ? `model ${modelName} not found` : 'spec.model is not set';
        failure = { reason: 'BaseModelNotFound', message };
      } else if (mState === 'Failed') {
        ready = 'False';
        reason = 'BaseModelNotReady';
        message = `model ${modelName} is in state Failed`;
        failure = { reason: 'BaseModelNotReady', message };
      } else if (mState === 'In_Transit') {
        ready = 'Unknown';
        reason = 'BaseModelNotReady';
        message = `model ${modelName} is still downloading (In_Transit)`;
      }
      isvcReady[ready] = (isvcReady[ready] || 0) + 1;
      services.push({ name, namespace, components: comps, ready, reason, message });
      const cond = (type, status = ready) => ({
        type,
        status,
        lastTransitionTime: now,
        ...(status !== 'True' ? { reason, message } : {}),
      });
      const host = `${name}.${namespace}.svc.cluster.local`;
      const acc = accelNames.length ? accelNames[Math.floor(hashFraction(`acc:${namespace}/${name}`) * accelNames.length)] : undefined;
      const components = {};
      for (const c of comps) {
        const chost = `${name}-${c}.${namespace}.svc.cluster.local`;
        components[c] = {
          url: `http://${chost}`,
          address: { url: `http://${chost}` },
          latestCreatedRevision: `${name}-${c}-00001`,
          ...(ready === 'True' ? { latestReadyRevision: `${name}-${c}-00001` } : {}),
          ...(acc && c !== 'router'
            ? { selectedAccelerator: { acceleratorClass: acc, reason: 'demo: first AcceleratorClass matching the runtime' } }
            : {}),
        };
      }
      const compCond = { engine: 'EngineReady', decoder: 'DecoderReady', router: 'RouterReady' };
      const status = {
        observedGeneration: isvc.metadata.generation,
        conditions: [
          ...comps.map(c => cond(compCond[c], c === 'router' && ready !== 'True' ? 'True' : ready)),
          cond('IngressReady', ready === 'True' ? 'True' : 'False'),
          cond('Ready'),
        ].sort((a, b) => a.type.localeCompare(b.type)),
        ...(ready === 'True' ? { url: `http://${host}`, address: { url: `http://${host}` } } : {}),
        components,
        modelStatus: {
          transitionStatus: ready === 'True' ? 'UpToDate' : ready === 'Unknown' ? 'InProgress' : 'BlockedByFailedLoad',
          modelRevisionStates: {
            activeModelState: ready === 'True' ? 'Loaded' : ready === 'Unknown' ? 'Loading' : 'FailedToLoad',
            targetModelState: 'Loaded',
          },
          modelCopies: {
            failedCopies: ready === 'False' ? 1 : 0,
            totalCopies: ready === 'True' ? isvc.spec?.engine?.minReplicas ?? 1 : 0,
          },
          ...(failure ? { lastFailureInfo: { ...failure, time: now, location: `${name}-engine` } } : {}),
        },
      };
      // IngressReady is false only because the components are not ready: give it its own reason.
      const ing = status.conditions.find(c => c.type === 'IngressReady');
      if (ing.status !== 'True') Object.assign(ing, { reason: 'ComponentNotReady', message: 'engine is not ready' });
      return patchStatus(isvc, 'inferenceservices', status);
    });

    // --- benchmark jobs ------------------------------------------------------------------------
    const benches = (await listAll(client, kinds, 'benchmarkjobs')).sort((a, b) => nsName(a).localeCompare(nsName(b)));
    const hourAgo = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await pool(benches, concurrency, (b, i) => {
      const s = [
        { state: 'Completed', startTime: hourAgo, completionTime: now, details: 'demo: all traffic scenarios finished' },
        { state: 'Running', startTime: hourAgo, details: 'demo: running scenario 2 of 6' },
        { state: 'Failed', startTime: hourAgo, failureMessage: 'demo: inference service endpoint not reachable' },
      ][i % 3];
      return patchStatus(b, 'benchmarkjobs', { ...s, lastReconcileTime: now });
    });

    // --- workloads: pods, events, model-agent ConfigMaps ---------------------------------------
    const workloads = await writeDemoWorkloads(client, { nodes: allNodes, services, models: agentModels, now, concurrency });

    const ms = performance.now() - t0;
    log(
      `controlplane: demo status on ${info.name} in ${formatMs(ms)}: ${nodeObjs.length} nodes, models ` +
        `${Object.entries(states).map(([k, v]) => `${v} ${k}`).join(', ')} (failed: ${failedModel}), ` +
        `isvc Ready ${Object.entries(isvcReady).map(([k, v]) => `${k}=${v}`).join(' ')}, ` +
        `${workloads.pods.length} pods, ${workloads.events} events, ${workloads.configMaps} model-agent ConfigMaps`,
    );
    return {
      cluster: info.name,
      nodes: nodeObjs.length,
      patched,
      failedModel,
      states,
      isvcReady,
      ms,
      workloads: { pods: workloads.pods, services: workloads.services, nodes: allNodes, models: agentModels },
    };
  } finally {
    client.close();
  }
}
