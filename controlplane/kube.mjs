// Small shared helpers for the local control plane: a Kubernetes HTTPS client
// (node:https with a custom CA, no dependencies), the YAML loader, a bounded
// promise pool and a few file/name utilities.
import https from 'node:https';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { OME_KINDS } from '../plugins/ome-common/src/kinds.ts';

export const CONTROLPLANE_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.dirname(CONTROLPLANE_DIR);

let yamlModule;
/**
 * Returns the `yaml` package. It is a devDependency of the workspace root; before the
 * workspace is installed it is also found through NODE_PATH (e.g. a scratch
 * `npm i --no-save yaml` under /tmp).
 */
export async function loadYaml() {
  if (yamlModule) return yamlModule;
  try {
    yamlModule = await import('yaml');
  } catch {
    // createRequire honours NODE_PATH, a bare dynamic import does not.
    const require = createRequire(path.join(REPO_ROOT, 'package.json'));
    try {
      yamlModule = require('yaml');
    } catch {
      throw new Error(
        "controlplane: the 'yaml' package is missing. Install the workspace (yarn install) " +
          'or point NODE_PATH at a node_modules folder that has it.',
      );
    }
  }
  return yamlModule;
}

/** Parses every non-empty YAML document of a file into plain JSON values. */
export async function readYamlDocs(file) {
  const { parseAllDocuments } = await loadYaml();
  const text = fs.readFileSync(file, 'utf8');
  const out = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors && doc.errors.length) {
      throw new Error(`${file}: ${doc.errors[0].message}`);
    }
    const value = doc.toJS({ maxAliasCount: 1000 });
    if (value && typeof value === 'object') out.push(value);
  }
  return out;
}

export function sha256Hex(...parts) {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

/** Deterministic number in [0, 1) from a string. */
export function hashFraction(s) {
  return parseInt(sha256Hex(s).slice(0, 8), 16) / 0x100000000;
}

export function listFiles(dir, filter = () => true) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, filter));
    else if (filter(p)) out.push(p);
  }
  return out.sort();
}

/** Runs `fn` over `items` with at most `limit` in flight; resolves to the results in order. */
export async function pool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export const sleep = ms => new Promise(r => setTimeout(r, ms));

export function formatMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/**
 * A minimal Kubernetes API client: bearer token + custom CA over node:https.
 * `request` resolves to { status, body, headers } (body parsed as JSON when it is JSON)
 * and never throws for HTTP errors; it throws for network errors.
 */
export function kubeClient({ url, ca, token, maxSockets = 16, timeoutMs = 60_000, onWarning }) {
  const base = new URL(url);
  const agent = new https.Agent({ ca, keepAlive: true, maxSockets });
  function request(method, apiPath, body, { contentType = 'application/json', headers = {} } = {}) {
    const payload =
      body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path: apiPath,
          agent,
          timeout: timeoutMs,
          headers: {
            Accept: 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...(payload !== undefined
              ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) }
              : {}),
            ...headers,
          },
        },
        res => {
          const chunks = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed = text;
            if ((res.headers['content-type'] || '').includes('json')) {
              try {
                parsed = JSON.parse(text);
              } catch {
                /* keep text */
              }
            }
            if (onWarning && res.headers.warning) onWarning(res.headers.warning, { method, path: apiPath, body });
            resolve({ status: res.statusCode, body: parsed, headers: res.headers });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${apiPath}: timed out after ${timeoutMs} ms`)));
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
  async function must(method, apiPath, body, opts) {
    const res = await request(method, apiPath, body, opts);
    if (res.status >= 300) {
      const msg = typeof res.body === 'object' ? res.body.message : String(res.body).slice(0, 300);
      const err = new Error(`${method} ${apiPath}: HTTP ${res.status}: ${msg}`);
      err.status = res.status;
      err.body = res.body;
      throw err;
    }
    return res.body;
  }
  return {
    url,
    request,
    must,
    get: (p, o) => must('GET', p, undefined, o),
    /** POST that treats 409 AlreadyExists as success; resolves to 'created' | 'exists'. */
    async create(p, obj) {
      const res = await request('POST', p, obj);
      if (res.status === 201 || res.status === 200 || res.status === 202) return 'created';
      if (res.status === 409 && res.body && res.body.reason === 'AlreadyExists') return 'exists';
      const msg = typeof res.body === 'object' ? res.body.message : String(res.body).slice(0, 300);
      const err = new Error(`POST ${p} (${obj.kind} ${obj.metadata && obj.metadata.name}): HTTP ${res.status}: ${msg}`);
      err.status = res.status;
      throw err;
    },
    close: () => agent.destroy(),
  };
}

/** Client for one cluster of a startControlPlane() result, as a given token user. */
export function clusterClient(cluster, user = 'ome-admin', opts = {}) {
  const token = cluster.tokens[user];
  if (!token) throw new Error(`no token for user ${user} on cluster ${cluster.name}`);
  return kubeClient({ url: cluster.url, ca: Buffer.from(cluster.caData, 'base64'), token, ...opts });
}

/** API path of a collection or object: resource is the plural name. */
export function apiPath({ group, version = 'v1', resource, namespace, name, subresource }) {
  let p = group ? `/apis/${group}/${version}` : `/api/${version}`;
  if (namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${resource}`;
  if (name) p += `/${encodeURIComponent(name)}`;
  if (subresource) p += `/${subresource}`;
  return p;
}

// The ome.io kinds (kind, plural, namespaced, hasStatus): the single source of truth in
// ome-common, imported as TypeScript (Node >= 22.18 strips the types; kinds.ts has no imports).
export { OME_KINDS };
const omeKindsByKind = new Map(OME_KINDS.map(k => [k.kind, k]));

/** API path for an object (or its collection when `collection` is set) of any kind used here. */
export function objectPath(obj, { collection = false, subresource } = {}) {
  const kind = obj.kind;
  const ns = obj.metadata && obj.metadata.namespace;
  const name = collection ? undefined : obj.metadata.name;
  const k = omeKindsByKind.get(kind);
  if (k) {
    return apiPath({
      group: 'ome.io',
      version: 'v1beta1',
      resource: k.plural,
      namespace: k.namespaced ? ns || 'default' : undefined,
      name,
      subresource,
    });
  }
  const core = { Namespace: 'namespaces', Node: 'nodes', ConfigMap: 'configmaps', Secret: 'secrets' };
  if (core[kind]) {
    return apiPath({ resource: core[kind], namespace: kind === 'ConfigMap' || kind === 'Secret' ? ns : undefined, name, subresource });
  }
  const rbac = { ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings', Role: 'roles', RoleBinding: 'rolebindings' };
  if (rbac[kind]) {
    return apiPath({
      group: 'rbac.authorization.k8s.io',
      resource: rbac[kind],
      namespace: kind === 'Role' || kind === 'RoleBinding' ? ns : undefined,
      name,
      subresource,
    });
  }
  if (kind === 'CustomResourceDefinition') {
    return apiPath({ group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions', name, subresource });
  }
  throw new Error(`objectPath: unsupported kind ${kind}`);
}
