// Seeds a cluster started by startControlPlane() with OME objects.
//   full: true  (ome-dev-a) the whole catalog (207 ClusterBaseModels, the ClusterServingRuntimes,
//               every sample InferenceService and BenchmarkJob when that CRD is installed) plus
//               objects of our own (AcceleratorClasses, a FineTunedWeight, a BaseModel and a
//               ServingRuntime in team-a, `ome-dev-a-only-model`).
//   full: false (ome-dev-b) a deterministic third of the catalog, the sample InferenceServices of
//               those models, and objects only this cluster has (`ome-dev-b-only-model`, team-b).
// Idempotent (409 AlreadyExists counts as done); JSON bodies; at most `concurrency` requests in flight.
import { clusterClient, hashFraction, objectPath, pool, readYamlDocs, formatMs } from './kube.mjs';
import { locateOmeData } from './ome-data.mjs';

/** Which catalog names a partial cluster gets: about a third, chosen by hash of the name. */
export const inPartialSubset = name => hashFraction(`ome-dev-b:${name}`) < 1 / 3;

const clone = o => JSON.parse(JSON.stringify(o));

function cleanForCreate(doc) {
  const o = clone(doc);
  delete o.status;
  if (o.metadata) {
    for (const k of ['resourceVersion', 'uid', 'creationTimestamp', 'generation', 'managedFields']) delete o.metadata[k];
  }
  return o;
}

const key = o => `${o.kind}/${o.metadata.namespace || ''}/${o.metadata.name}`;

async function loadKind(files, kinds) {
  const out = [];
  const seen = new Map();
  const duplicates = [];
  const skipped = {};
  for (const f of files) {
    for (const doc of await readYamlDocs(f)) {
      if (!doc.kind || !doc.metadata) continue;
      if (!kinds.includes(doc.kind)) {
        skipped[doc.kind] = (skipped[doc.kind] || 0) + 1;
        continue;
      }
      const k = key(doc);
      if (seen.has(k)) {
        duplicates.push({ key: k, kept: seen.get(k), ignored: f });
        continue;
      }
      seen.set(k, f);
      out.push(doc);
    }
  }
  return { docs: out, duplicates, skipped };
}

/** Accelerator classes written for the demo (OME ships none). */
export function acceleratorClasses() {
  return {
    'nvidia-h100-80gb': {
      apiVersion: 'ome.io/v1beta1',
      kind: 'AcceleratorClass',
      metadata: { name: 'nvidia-h100-80gb', labels: { 'ome-console.dev/demo': 'true' } },
      spec: {
        vendor: 'nvidia',
        family: 'hopper',
        model: 'h100',
        discovery: { nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' }, pciVendorID: '10de', deviceIDs: ['2330'] },
        capabilities: {
          memoryGB: '80Gi',
          computeCapability: '9.0',
          memoryBandwidthGBps: '3350',
          clockSpeedMHz: 1980,
          features: ['tensor-cores', 'transformer-engine', 'fp8', 'nvlink'],
          performance: { fp16Tflops: 989, fp32Tflops: 67, int8Tops: 1979, int4Tops: 3958 },
        },
        resources: [{ name: 'nvidia.com/gpu', quantity: '1' }],
        integration: { kueueResourceFlavor: 'h100-80gb', volcanoGPUType: 'nvidia-h100' },
        cost: { perHour: '5.12', spotPerHour: '2.10', tier: 'high' },
      },
    },
    'nvidia-a100-80gb': {
      apiVersion: 'ome.io/v1beta1',
      kind: 'AcceleratorClass',
      metadata: { name: 'nvidia-a100-80gb', labels: { 'ome-console.dev/demo': 'true' } },
      spec: {
        vendor: 'nvidia',
        family: 'ampere',
        model: 'a100',
        discovery: { nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' }, pciVendorID: '10de', deviceIDs: ['20b2'] },
        capabilities: {
          memoryGB: '80Gi',
          computeCapability: '8.0',
          memoryBandwidthGBps: '2039',
          clockSpeedMHz: 1410,
          features: ['tensor-cores', 'nvlink', 'mig'],
          performance: { fp16Tflops: 312, fp32Tflops: 19, int8Tops: 624 },
        },
        resources: [{ name: 'nvidia.com/gpu', quantity: '1', divisible: true }],
        cost: { perHour: '3.40', tier: 'medium' },
      },
    },
    'amd-mi300x': {
      apiVersion: 'ome.io/v1beta1',
      kind: 'AcceleratorClass',
      metadata: { name: 'amd-mi300x', labels: { 'ome-console.dev/demo': 'true' } },
      spec: {
        vendor: 'amd',
        family: 'cdna3',
        model: 'mi300x',
        discovery: { nodeSelector: { 'amd.com/gpu.product': 'AMD-Instinct-MI300X' }, pciVendorID: '1002', deviceIDs: ['74a1'] },
        capabilities: {
          memoryGB: '192Gi',
          memoryBandwidthGBps: '5300',
          features: ['matrix-cores', 'fp8', 'infinity-fabric'],
          performance: { fp16Tflops: 1307, fp32Tflops: 163, int8Tops: 2615 },
        },
        resources: [{ name: 'amd.com/gpu', quantity: '1' }],
        cost: { perHour: '4.80', tier: 'high' },
      },
    },
    'nvidia-l4-24gb': {
      apiVersion: 'ome.io/v1beta1',
      kind: 'AcceleratorClass',
      metadata: { name: 'nvidia-l4-24gb', labels: { 'ome-console.dev/demo': 'true' } },
      spec: {
        vendor: 'nvidia',
        family: 'ada-lovelace',
        model: 'l4',
        discovery: { nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-L4' }, pciVendorID: '10de', deviceIDs: ['27b8'] },
        capabilities: {
          memoryGB: '24Gi',
          computeCapability: '8.9',
          memoryBandwidthGBps: '300',
          features: ['tensor-cores', 'fp8'],
          performance: { fp16Tflops: 121, fp32Tflops: 30, int8Tops: 485 },
        },
        resources: [{ name: 'nvidia.com/gpu', quantity: '1' }],
        cost: { perHour: '0.80', spotPerHour: '0.35', tier: 'low' },
      },
    },
  };
}

/** Accelerator classes per cluster role. */
export const ACCELERATORS = {
  full: ['nvidia-h100-80gb', 'nvidia-a100-80gb', 'amd-mi300x'],
  partial: ['nvidia-a100-80gb', 'nvidia-l4-24gb'],
};

function ownModel(name, { displayName, storageUri, vendor, size, arch, namespace, kind = 'ClusterBaseModel' }) {
  return {
    apiVersion: 'ome.io/v1beta1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}), labels: { 'ome-console.dev/demo': 'true' } },
    spec: {
      displayName,
      vendor,
      version: '1.0.0',
      disabled: false,
      modelCapabilities: ['TEXT_TO_TEXT'],
      modelType: 'llama',
      modelArchitecture: arch,
      modelParameterSize: size,
      modelFormat: { name: 'safetensors', version: '1.0.0' },
      modelFramework: { name: 'transformers', version: '4.46.0' },
      maxTokens: 32768,
      storage: { storageUri, path: `/raid/models/${name}`, downloadPolicy: 'ReuseIfExists' },
    },
  };
}

/** Objects written for the demo: the cluster-only models and the namespaced team objects. */
function ownObjects(cluster, full, catalog) {
  const objs = [];
  const accel = acceleratorClasses();
  for (const n of full ? ACCELERATORS.full : ACCELERATORS.partial) objs.push(accel[n]);
  const fromCatalogModel = (catalogName, kind, name, namespace) => {
    const src = catalog.models.find(m => m.metadata.name === catalogName);
    if (!src) throw new Error(`seed: catalog model ${catalogName} not found`);
    const o = cleanForCreate(src);
    o.kind = kind;
    o.metadata = { name, namespace, labels: { 'ome-console.dev/demo': 'true' } };
    o.spec.storage = { ...o.spec.storage, path: `/raid/models/${namespace}/${name}` };
    return o;
  };
  const fromCatalogRuntime = (catalogName, name, namespace) => {
    const src = catalog.runtimes.find(r => r.metadata.name === catalogName);
    if (!src) throw new Error(`seed: catalog runtime ${catalogName} not found`);
    const o = cleanForCreate(src);
    o.kind = 'ServingRuntime';
    o.metadata = { name, namespace, labels: { 'ome-console.dev/demo': 'true' } };
    return o;
  };
  // `kubernetesId`: the label Backstage's kubernetes-id annotation finds objects by (the
  // example catalog's components name these services: examples/entities.yaml).
  const isvc = (name, namespace, model, runtime, kubernetesId) => ({
    apiVersion: 'ome.io/v1beta1',
    kind: 'InferenceService',
    metadata: {
      name,
      namespace,
      labels: { 'ome-console.dev/demo': 'true', ...(kubernetesId && { 'backstage.io/kubernetes-id': kubernetesId }) },
    },
    spec: {
      model: { name: model },
      runtime: { name: runtime },
      engine: { minReplicas: 1, maxReplicas: 2 },
      router: { minReplicas: 1, maxReplicas: 1 },
    },
  });
  if (full) {
    objs.push(
      ownModel(`${cluster}-only-model`, {
        displayName: 'demo.only-on-ome-dev-a',
        storageUri: 'hf://Qwen/Qwen2.5-0.5B-Instruct',
        vendor: 'qwen',
        size: '494M',
        arch: 'Qwen2ForCausalLM',
      }),
      fromCatalogModel('llama-3-2-1b-instruct', 'BaseModel', 'team-a-llama-3-2-1b', 'team-a'),
      fromCatalogRuntime('srt-llama-3-2-1b-instruct', 'team-a-srt-llama-3-2-1b', 'team-a'),
      isvc('team-a-chat', 'team-a', 'team-a-llama-3-2-1b', 'team-a-srt-llama-3-2-1b', 'chat-assistant'),
    );
    objs.push({
      apiVersion: 'ome.io/v1beta1',
      kind: 'FineTunedWeight',
      metadata: { name: 'llama-3-1-8b-instruct-finance-lora', labels: { 'ome-console.dev/demo': 'true' } },
      spec: {
        displayName: 'demo.llama-3-1-8b-instruct-finance-lora',
        vendor: 'meta',
        version: '0.1.0',
        baseModelRef: { name: 'llama-3-1-8b-instruct' },
        modelType: 'LoRA',
        hyperParameters: { lora_rank: 16, lora_alpha: 32, learning_rate: 0.0001, epochs: 3 },
        configuration: { target_modules: ['q_proj', 'v_proj'] },
        storage: {
          storageUri: 'oci://n/demo-namespace/b/fine-tuned/o/llama-3-1-8b-instruct-finance-lora/',
          path: '/raid/fine-tuned/llama-3-1-8b-instruct-finance-lora',
        },
        trainingJobRef: { name: 'finance-lora-training', namespace: 'team-a' },
      },
    });
  } else {
    objs.push(
      ownModel(`${cluster}-only-model`, {
        displayName: 'demo.only-on-ome-dev-b',
        storageUri: 'hf://meta-llama/Llama-3.2-3B-Instruct',
        vendor: 'meta',
        size: '3.2B',
        arch: 'LlamaForCausalLM',
      }),
      ownModel('ome-dev-b-only-model-2', {
        displayName: 'demo.second-only-on-ome-dev-b',
        storageUri: 'hf://mistralai/Mistral-7B-Instruct-v0.3',
        vendor: 'mistralai',
        size: '7.2B',
        arch: 'MistralForCausalLM',
      }),
      fromCatalogModel('qwen3-8b', 'BaseModel', 'team-b-qwen3-8b', 'team-b'),
      fromCatalogRuntime('srt-qwen3-8b', 'team-b-srt-qwen3-8b', 'team-b'),
      isvc('team-b-chat', 'team-b', 'team-b-qwen3-8b', 'team-b-srt-qwen3-8b'),
    );
  }
  return objs;
}

async function installedKinds(client) {
  const res = await client.request('GET', '/apis/ome.io/v1beta1');
  if (res.status === 404) return new Set();
  if (res.status !== 200) throw new Error(`GET /apis/ome.io/v1beta1: HTTP ${res.status}`);
  return new Set(res.body.resources.filter(r => !r.name.includes('/')).map(r => r.kind));
}

/**
 * Seeds one cluster.
 * @param {{ name: string, url: string, caData: string, tokens: Record<string,string> }} info
 *   one entry of startControlPlane().clusters (or of controlplane.json)
 * @param {{ full?: boolean, data?: object, log?: (m: string) => void, concurrency?: number }} [opts]
 * @returns {Promise<{ cluster: string, full: boolean, counts: Record<string, number>,
 *   created: number, existed: number, rejected: string[], skipped: Record<string, number>,
 *   duplicates: Array<{key: string, kept: string, ignored: string}>, warnings: string[], ms: number }>}
 */
export async function seedCluster(info, { full = false, data = locateOmeData(), log = console.log, concurrency = 8 } = {}) {
  const t0 = performance.now();
  const warnings = [];
  const client = clusterClient(info, 'ome-admin', {
    maxSockets: concurrency,
    // the server prunes unknown fields (a few samples have them) and says so in a Warning header
    onWarning: (w, { body }) =>
      warnings.push(`${body?.kind} ${body?.metadata?.namespace ? `${body.metadata.namespace}/` : ''}${body?.metadata?.name}: ${w}`),
  });
  try {
    const kinds = await installedKinds(client);
    const models = await loadKind(data.modelFiles, ['ClusterBaseModel']);
    const runtimes = await loadKind(data.runtimeFiles, ['ClusterServingRuntime']);
    const isvcs = await loadKind(data.isvcFiles, ['InferenceService', 'Namespace']);
    const benches = await loadKind(data.benchmarkFiles, ['BenchmarkJob']); // the sample Secret is skipped
    const catalog = { models: models.docs, runtimes: runtimes.docs };
    const skipped = { ...isvcs.skipped, ...benches.skipped };

    let objs = [];
    if (full) {
      objs.push(...models.docs, ...runtimes.docs, ...isvcs.docs);
      if (kinds.has('BenchmarkJob')) objs.push(...benches.docs);
      else skipped.BenchmarkJob = benches.docs.length;
    } else {
      const modelSet = new Set(models.docs.map(m => m.metadata.name).filter(inPartialSubset));
      objs.push(...models.docs.filter(m => modelSet.has(m.metadata.name)));
      // runtimes named after a model (srt-<model>, vllm-<model>) follow their model
      objs.push(...runtimes.docs.filter(r => inPartialSubset(r.metadata.name.replace(/^(srt|vllm)-/, ''))));
      const subsetIsvcs = isvcs.docs.filter(o => o.kind === 'InferenceService' && modelSet.has(o.spec?.model?.name));
      objs.push(...subsetIsvcs);
      // A model that both clusters have but that differs here: disabled on this cluster.
      const differing = objs.find(o => o.kind === 'ClusterBaseModel');
      if (differing) {
        const i = objs.indexOf(differing);
        objs[i] = clone(differing);
        objs[i].spec.disabled = true;
        objs[i].metadata.labels = { ...(objs[i].metadata.labels || {}), 'ome-console.dev/differs-from': 'ome-dev-a' };
      }
    }
    objs.push(...ownObjects(info.name, full, catalog));
    objs = objs.map(cleanForCreate);

    const missing = objs.filter(o => o.kind !== 'Namespace' && !kinds.has(o.kind) && !['Secret'].includes(o.kind));
    for (const o of missing) skipped[o.kind] = (skipped[o.kind] || 0) + 1;
    objs = objs.filter(o => !missing.includes(o));

    // Namespaces first: the documents in the samples plus every namespace an object lives in.
    const nsNames = new Set(objs.filter(o => o.kind === 'Namespace').map(o => o.metadata.name));
    for (const o of objs) {
      if (o.kind !== 'Namespace' && o.metadata.namespace) nsNames.add(o.metadata.namespace);
      else if (o.kind === 'InferenceService' || o.kind === 'BenchmarkJob') o.metadata.namespace = 'default';
    }
    const namespaces = [...nsNames].sort().map(name => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
    const rest = objs.filter(o => o.kind !== 'Namespace');

    let created = 0;
    let existed = 0;
    const counts = {};
    const rejected = [];
    const createOne = async o => {
      let r;
      try {
        r = await client.create(objectPath(o, { collection: true }), o);
      } catch (err) {
        // A few OME samples do not validate against OME's own CRDs (kubectl apply rejects them
        // too): record them and go on. A denial by the clusters' admission policies
        // (admission.mjs) is a 422 too and is recorded the same way (none of OME's catalog trips it).
        if (err.status !== 422) throw err;
        rejected.push(`${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}: ${err.body?.message ?? err.message}`);
        return;
      }
      if (r === 'created') created++;
      else existed++;
      counts[o.kind] = (counts[o.kind] || 0) + 1;
    };
    await pool(namespaces, concurrency, createOne);
    await pool(rest, concurrency, createOne);
    const ms = performance.now() - t0;
    const summary = Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    log(
      `controlplane: seeded ${info.name} in ${formatMs(ms)}: ${summary} (${created} created, ${existed} already there` +
        `${rejected.length ? `, ${rejected.length} sample(s) rejected (CRD schema or admission policy)` : ''}` +
        `${warnings.length ? `, ${warnings.length} server warning(s)` : ''})`,
    );
    for (const r of rejected) log(`controlplane:   rejected: ${r}`);
    for (const w of warnings) log(`controlplane:   warning: ${w}`);
    const dups = [...models.duplicates, ...runtimes.duplicates, ...isvcs.duplicates, ...benches.duplicates].filter(
      d => !d.key.startsWith('Namespace/'),
    );
    return { cluster: info.name, full, counts, created, existed, rejected, skipped, duplicates: dups, warnings, ms };
  } finally {
    client.close();
  }
}
