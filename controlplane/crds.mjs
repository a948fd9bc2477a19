// OME's CustomResourceDefinitions: which ones a cluster gets, installing them and waiting
// until they are Established.
import { readYamlDocs } from './kube.mjs';
import { waitFor } from './processes.mjs';

/** Kinds whose CRD is left out on every cluster but the first ("kind not installed" case). */
export const SECONDARY_EXCLUDED_KINDS = ['FineTunedWeight', 'BenchmarkJob'];

const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/**
 * OME's CRDs from the located OME data (ome-data.mjs), without `excludeKinds`.
 * @param {'full' | 'minimal'} crdSet  full OpenAPI schemas, or OME's schemaless variants
 */
export async function loadCrds(data, excludeKinds, crdSet) {
  const crds = [];
  for (const f of crdSet === 'minimal' ? data.minimalCrdFiles : data.crdFiles) {
    for (const doc of await readYamlDocs(f)) {
      if (doc.kind !== 'CustomResourceDefinition') continue;
      if (excludeKinds.includes(doc.spec.names.kind)) continue;
      crds.push(doc);
    }
  }
  return crds;
}

/**
 * Creates the CRDs (as an admin client) and waits until all are Established; fails early
 * when `apiserverProc` exits. Resolves when the creates were done (a performance.now()).
 */
export async function installCrds(api, crds, { cluster, apiserverProc }) {
  await Promise.all(crds.map(crd => api.create(CRD_PATH, crd)));
  const postedAt = performance.now();
  // Polling the CRD list itself is expensive here (three of the CRDs are ~600 kB of JSON
  // each), so poll the small discovery document: a CRD's resource is listed there only once
  // it is Established; then confirm with one list.
  const plurals = crds.filter(c => c.spec.group === 'ome.io').map(c => c.spec.names.plural);
  const isEstablished = c => (c.status?.conditions || []).some(k => k.type === 'Established' && k.status === 'True');
  await waitFor(`CRDs of ${cluster}`, apiserverProc, 180_000, async () => {
    if (!crds.length) return true;
    const disc = await api.request('GET', '/apis/ome.io/v1beta1');
    if (disc.status !== 200) return false;
    const listed = new Set(disc.body.resources.map(r => r.name));
    if (!plurals.every(p => listed.has(p))) return false;
    const list = await api.get(CRD_PATH);
    const established = new Set(list.items.filter(isEstablished).map(c => c.metadata.name));
    return crds.every(c => established.has(c.metadata.name));
  });
  return { postedAt };
}
