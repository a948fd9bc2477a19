// What OME's model-agent reports per node: one ConfigMap per node in OME's namespace, one key
// per model. The key rule follows OME's pkg/constants GetModelConfigMapKey (read at OME
// 17b77eda); the value shape follows pkg/modelagent.
// No imports: controlplane/ (plain Node, type stripping) imports this file directly, so the
// demo status writer names its ConfigMap keys by the same rule the console reads them by.

/** Labels of the model-agent's ConfigMaps. @public */
export const MODEL_AGENT_CONFIGMAP_LABEL = 'models.ome/basemodel-status';
/** The namespace OME (and its model-agent) runs in by default. @public */
export const OME_SYSTEM_NAMESPACE = 'ome';

const MAX_KEY_LENGTH = 253;
const HASH_PREFIX_LENGTH = 8;
const CLUSTER_BASE_MODEL = 'clusterbasemodel';
const BASE_MODEL = 'basemodel';

/**
 * OME's `truncateWithHash`: a string longer than `max` becomes the first 8 hex digits of its
 * sha256, `-`, and its tail, `max` characters in all.
 * @public
 */
export function truncateWithHash(original: string, max: number): string {
  if (original.length <= max) return original;
  const prefix = sha256Hex(original).slice(0, HASH_PREFIX_LENGTH);
  const suffixLength = max - HASH_PREFIX_LENGTH - 1;
  if (suffixLength <= 0) return prefix.slice(0, max);
  return `${prefix}-${original.slice(original.length - suffixLength)}`;
}

/**
 * The key under which the model-agent reports a model in its node ConfigMap:
 * `clusterbasemodel.<name>` or `<namespace>.basemodel.<name>`, shortened like OME does when
 * longer than 253 characters. `namespace` undefined means a ClusterBaseModel.
 * @public
 */
export function modelConfigMapKey(
  name: string,
  namespace?: string,
): string {
  if (namespace === undefined) {
    const max = MAX_KEY_LENGTH - CLUSTER_BASE_MODEL.length - 1;
    return `${CLUSTER_BASE_MODEL}.${truncateWithHash(name, max)}`;
  }
  const available = MAX_KEY_LENGTH - (BASE_MODEL.length + 1) - 1;
  if (namespace.length + name.length <= available) {
    return `${namespace}.${BASE_MODEL}.${name}`;
  }
  const minLength = 8;
  let namespaceMax: number;
  if (available < minLength * 2) namespaceMax = Math.floor(available / 2);
  else namespaceMax = namespace.length <= minLength ? namespace.length : minLength;
  const nameMax = available - namespaceMax;
  return `${truncateWithHash(namespace, namespaceMax)}.${BASE_MODEL}.${truncateWithHash(
    name,
    nameMax,
  )}`;
}

/** A model's state on one node as the model-agent reports it. @public */
export type ModelNodeState = 'Ready' | 'Updating' | 'Failed' | 'Deleted' | 'Unknown';

/** Download progress on one node (every field optional: older agents omit it). @public */
export interface ModelNodeProgress {
  phase?: string;
  totalBytes?: number;
  completedBytes?: number;
  totalFiles?: number;
  completedFiles?: number;
  speedBytesPerSec?: number;
  lastUpdated?: string;
  /** completedBytes / totalBytes in [0, 1], when both are known. */
  fraction?: number;
}

/** One node's entry for a model. @public */
export interface ModelNodeReport {
  node: string;
  state: ModelNodeState;
  progress?: ModelNodeProgress;
}

const NODE_STATES: ReadonlySet<string> = new Set([
  'Ready',
  'Updating',
  'Failed',
  'Deleted',
]);

const num = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;

/**
 * Reads one value of a model-agent ConfigMap (JSON `{name, status, progress?}`); a value that
 * is not such JSON reads as state Unknown rather than failing the page.
 * @public
 */
export function parseModelNodeEntry(
  node: string,
  value: string,
): ModelNodeReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { node, state: 'Unknown' };
  }
  const entry = (parsed ?? {}) as { status?: unknown; progress?: unknown };
  const state =
    typeof entry.status === 'string' && NODE_STATES.has(entry.status)
      ? (entry.status as ModelNodeState)
      : 'Unknown';
  const p = entry.progress as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object') return { node, state };
  const progress: ModelNodeProgress = {
    ...(typeof p.phase === 'string' && { phase: p.phase }),
    ...(num(p.totalBytes) !== undefined && { totalBytes: num(p.totalBytes) }),
    ...(num(p.completedBytes) !== undefined && {
      completedBytes: num(p.completedBytes),
    }),
    ...(num(p.totalFiles) !== undefined && { totalFiles: num(p.totalFiles) }),
    ...(num(p.completedFiles) !== undefined && {
      completedFiles: num(p.completedFiles),
    }),
    ...(num(p.speedBytesPerSec) !== undefined && {
      speedBytesPerSec: num(p.speedBytesPerSec),
    }),
    ...(typeof p.lastUpdated === 'string' && { lastUpdated: p.lastUpdated }),
  };
  if (progress.totalBytes && progress.completedBytes !== undefined) {
    progress.fraction = Math.min(1, progress.completedBytes / progress.totalBytes);
  }
  return { node, state, progress };
}

/** A model-agent ConfigMap, as far as this rule reads it. @public */
export interface ModelAgentConfigMap {
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
}

/**
 * Every node's report of one model, from the model-agent's ConfigMaps (the node is the
 * ConfigMap's `node` label, else its name), sorted by node.
 * @public
 */
export function modelNodeReports(
  configMaps: ModelAgentConfigMap[],
  model: { name: string; namespace?: string },
): ModelNodeReport[] {
  const key = modelConfigMapKey(model.name, model.namespace);
  return configMaps
    .filter(cm => cm.data && key in cm.data)
    .map(cm =>
      parseModelNodeEntry(
        cm.metadata.labels?.node ?? cm.metadata.name,
        cm.data![key],
      ),
    )
    .sort((a, b) => a.node.localeCompare(b.node));
}

// --- SHA-256 ---------------------------------------------------------------------------
// A small synchronous SHA-256 (FIPS 180-4) over UTF-8 text: ome-common runs in the browser
// and in Node, so node:crypto is out, and Web Crypto's digest is asynchronous while this rule
// is used inside synchronous code.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
  0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** The SHA-256 of `text` (UTF-8), as 64 lower-case hex digits. @public */
export function sha256Hex(text: string): string {
  const data = new TextEncoder().encode(text);
  // message + 0x80 + zero padding + 64-bit big-endian bit length, to a multiple of 64 bytes
  const blocks = Math.ceil((data.length + 9) / 64);
  const buf = new Uint8Array(blocks * 64);
  buf.set(data);
  buf[data.length] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = data.length * 8;
  view.setUint32(buf.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(buf.length - 4, bits >>> 0);

  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c,
    0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block * 64 + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 =
        (hh +
          (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
          ((e & f) ^ (~e & g)) +
          K[i] +
          w[i]) >>>
        0;
      const t2 =
        ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) +
          ((a & b) ^ (a & c) ^ (b & c))) >>>
        0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return Array.from(h, x => x.toString(16).padStart(8, '0')).join('');
}
