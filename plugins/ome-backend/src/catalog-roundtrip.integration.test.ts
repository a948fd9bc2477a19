/*
 * Round trip over OME's whole catalog (every document of config/models, config/runtimes and
 * config/samples/isvc) through the REAL backend against the real control plane (cluster
 * ome-dev-a holds the whole catalog, see controlplane/seed.mjs):
 *
 *   1. load each object the way the edit flow does (GET through /api/ome), read its form values,
 *      apply the same values, save (PUT): 200 `changed: false`, and the object read directly
 *      from the apiserver is identical (resourceVersion included: nothing was written);
 *   2. change one form field, save with the fetched resourceVersion: 200 `changed: true`, and
 *      the object in the apiserver differs from before in exactly that one path (ignoring the
 *      server-owned resourceVersion, generation and managedFields);
 *   3. save the original value back, so the cluster ends as seeded.
 *
 * Every document of the three catalog folders is accounted for: round-tripped, or listed with
 * the reason the seed report (controlplane.json seed[]) gives for it not being in the cluster.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  KubernetesObject,
  OmeFormValues,
  OmeKind,
  OmePatchOperation,
  applyFormValues,
  deepEqual,
  diffObjects,
  getAtPath,
  jsonPointer,
  omeKindInfo,
  omeResourcePath,
  parseYamlDocuments,
  readFormValues,
} from '@ome-console/plugin-ome-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  clusterA,
  controlPlane,
  kubeRequest,
  seeded,
  startOmeBackend,
} from './__testUtils__/controlPlane';

jest.setTimeout(600_000);

const CLUSTER = 'ome-dev-a';
const CONCURRENCY = 8;

// ---------------------------------------------------------------------------------------------
// The catalog, read from the same place as controlplane/ome-data.mjs reads it. That module
// first tries the Go module github.com/sgl-project/ome (the proxy answers 403 today) and falls
// back to ../shared/ome beside the repository, in this layout; it cannot be imported into jest
// (ESM importing TypeScript, and it may run `go mod download`), so the layout is repeated here.
// ---------------------------------------------------------------------------------------------
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const OME_DATA_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'ome');

type CatalogGroup = 'models' | 'runtimes' | 'isvcs';
const CATALOG: Record<
  CatalogGroup,
  { dir: string; kind: OmeKind; upstream: string }
> = {
  models: {
    dir: 'catalog-models',
    kind: 'ClusterBaseModel',
    upstream: 'config/models',
  },
  runtimes: {
    dir: 'catalog-runtimes',
    kind: 'ClusterServingRuntime',
    upstream: 'config/runtimes',
  },
  isvcs: {
    dir: 'samples/isvc',
    kind: 'InferenceService',
    upstream: 'config/samples/isvc',
  },
};

/** The same filter as ome-data.mjs: YAML manifests, kustomization files excluded. */
const isManifest = (p: string) =>
  /\.ya?ml$/.test(p) && !/(^|\/)kustomization\.ya?ml$/.test(p);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (isManifest(p)) out.push(p);
  }
  return out.sort();
}

/** What happened to one document of the catalog. */
type Disposition =
  | { status: 'roundtrip' }
  | { status: 'rejected'; reason: string }
  | { status: 'duplicate'; reason: string }
  | { status: 'namespace'; reason: string }
  | { status: 'skipped'; reason: string };

interface CatalogDoc {
  group: CatalogGroup;
  file: string;
  index: number;
  kind?: string;
  name?: string;
  /** Where the seed put it (InferenceServices without a namespace go to `default`). */
  namespace?: string;
  /** The seed's duplicate key (`Kind/<namespace as written>/name`). */
  seedKey?: string;
  disposition: Disposition;
}

interface SeedReport {
  cluster: string;
  counts: Record<string, number>;
  rejected?: string[];
  duplicates?: Array<string | { key: string }>;
  skipped?: Record<string, number>;
}

const seedA = (controlPlane.seed as unknown as SeedReport[]).find(
  s => s.cluster === CLUSTER,
)!;

/** `Kind ns/name: reason` (or `Kind name: reason`) of the seed's rejected[] → key and reason. */
function seedRejections(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of seedA.rejected ?? []) {
    const m = /^(\w+) (?:([^/\s]+)\/)?([^:\s]+): ([\s\S]*)$/.exec(line);
    if (!m) throw new Error(`unparsable seed rejection: ${line}`);
    out.set(`${m[1]}/${m[2] ?? ''}/${m[3]}`, m[4]);
  }
  return out;
}

function seedDuplicates(): Set<string> {
  return new Set(
    (seedA.duplicates ?? []).map(d => (typeof d === 'string' ? d : d.key)),
  );
}

/** Every document of the three folders, classified the way controlplane/seed.mjs seeds them. */
function loadCatalog(): CatalogDoc[] {
  if (!fs.existsSync(OME_DATA_DIR)) {
    throw new Error(
      `OME catalog not found at ${OME_DATA_DIR} (see controlplane/ome-data.mjs)`,
    );
  }
  const rejections = seedRejections();
  const duplicates = seedDuplicates();
  const docs: CatalogDoc[] = [];
  for (const group of Object.keys(CATALOG) as CatalogGroup[]) {
    const { dir, kind } = CATALOG[group];
    const seen = new Map<string, string>();
    for (const file of listFiles(path.join(OME_DATA_DIR, dir))) {
      const rel = path.relative(OME_DATA_DIR, file);
      parseYamlDocuments(fs.readFileSync(file, 'utf8')).forEach(parsed => {
        if (parsed.error) throw new Error(`${rel}: ${parsed.error.message}`);
        const value = parsed.value as Partial<KubernetesObject> | null;
        const base = { group, file: rel, index: parsed.index };
        if (
          !value ||
          typeof value !== 'object' ||
          !value.kind ||
          !value.metadata
        ) {
          docs.push({
            ...base,
            disposition: {
              status: 'skipped',
              reason: 'not a Kubernetes object (the seed ignores it)',
            },
          });
          return;
        }
        const name = value.metadata.name;
        const written = value.metadata.namespace ?? '';
        const doc: CatalogDoc = {
          ...base,
          kind: value.kind,
          name,
          disposition: { status: 'roundtrip' },
        };
        if (value.kind === 'Namespace' && group === 'isvcs') {
          docs.push({
            ...doc,
            disposition: {
              status: 'namespace',
              reason:
                'a Namespace document: created as a namespace, not an OME object',
            },
          });
          return;
        }
        if (value.kind !== kind) {
          docs.push({
            ...doc,
            disposition: {
              status: 'skipped',
              reason: `kind ${value.kind} is not seeded from ${dir}`,
            },
          });
          return;
        }
        const seedKey = `${value.kind}/${written}/${name}`;
        const namespace = omeKindInfo(kind).namespaced
          ? written || 'default'
          : undefined;
        Object.assign(doc, { seedKey, namespace });
        const first = seen.get(seedKey);
        if (first) {
          doc.disposition = {
            status: 'duplicate',
            reason: `duplicate name: ${first} is seeded instead`,
          };
          docs.push(doc);
          return;
        }
        seen.set(seedKey, rel);
        const rejected = rejections.get(
          `${value.kind}/${namespace ?? ''}/${name}`,
        );
        if (rejected)
          doc.disposition = {
            status: 'rejected',
            reason: `rejected by the cluster: ${rejected}`,
          };
        docs.push(doc);
      });
    }
  }
  // The seed report agrees: every duplicate it names is one found here, and vice versa.
  const found = new Set(
    docs.filter(d => d.disposition.status === 'duplicate').map(d => d.seedKey!),
  );
  const reported = new Set(
    [...duplicates].filter(k =>
      Object.values(CATALOG).some(c => k.startsWith(`${c.kind}/`)),
    ),
  );
  if (!deepEqual([...found].sort(), [...reported].sort())) {
    throw new Error(
      `duplicates differ from the seed report: found ${[...found]
        .sort()
        .join(', ')}; ` + `seed says ${[...reported].sort().join(', ')}`,
    );
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------
// The one field each kind's round trip changes through the form
// ---------------------------------------------------------------------------------------------
interface FieldChange {
  /** Form field id (its dotted path). */
  field: string;
  value: unknown;
  /** The one JSON patch operation expected between the stored object before and after. */
  expected: OmePatchOperation;
}

const CHANGED_LABEL = 'ome-console.dev/catalog-roundtrip';

function labelChange(
  object: KubernetesObject,
  values: OmeFormValues,
): FieldChange {
  const labels = values['metadata.labels'] as
    | Record<string, string>
    | undefined;
  const stored = object.metadata.labels;
  return {
    field: 'metadata.labels',
    value: { ...labels, [CHANGED_LABEL]: 'changed' },
    expected:
      stored && typeof stored === 'object'
        ? {
            op: 'add',
            path: jsonPointer(['metadata', 'labels', CHANGED_LABEL]),
            value: 'changed',
          }
        : {
            op: 'add',
            path: '/metadata/labels',
            value: { [CHANGED_LABEL]: 'changed' },
          },
  };
}

/** A real spec change for (nearly) every object: models' vendor, runtimes' disabled, isvcs' engine maxReplicas. */
function planChange(
  kind: OmeKind,
  object: KubernetesObject,
  values: OmeFormValues,
): FieldChange {
  const at = (field: string) => getAtPath(object, field.split('.'));
  const scalar = (field: string, value: unknown): FieldChange => ({
    field,
    value,
    expected:
      at(field) === undefined
        ? { op: 'add', path: jsonPointer(field.split('.')), value }
        : { op: 'replace', path: jsonPointer(field.split('.')), value },
  });
  switch (kind) {
    case 'ClusterBaseModel': {
      const vendor = values['spec.vendor'];
      if (typeof at('spec') !== 'object') return labelChange(object, values);
      return scalar(
        'spec.vendor',
        typeof vendor === 'string' && vendor
          ? `${vendor}-roundtrip`
          : 'roundtrip-vendor',
      );
    }
    case 'ClusterServingRuntime':
      if (typeof at('spec') !== 'object') return labelChange(object, values);
      return scalar('spec.disabled', !(values['spec.disabled'] === true));
    case 'InferenceService': {
      const max = values['spec.engine.maxReplicas'];
      if (typeof max === 'number')
        return scalar('spec.engine.maxReplicas', max + 1);
      return labelChange(object, values);
    }
    default:
      throw new Error(`no change planned for ${kind}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------
const IGNORED_METADATA = [
  '/metadata/resourceVersion',
  '/metadata/generation',
  '/metadata/managedFields',
];
const ignoringServerOwned = (ops: OmePatchOperation[]) =>
  ops.filter(
    op =>
      !IGNORED_METADATA.some(p => op.path === p || op.path.startsWith(`${p}/`)),
  );

/** Every occurrence of `key` in an object: its JSON pointer and its exact JSON text. */
function occurrences(
  value: unknown,
  key: string,
  at: (string | number)[] = [],
): Array<[string, string]> {
  if (Array.isArray(value))
    return value.flatMap((v, i) => occurrences(v, key, [...at, i]));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    k === key
      ? [[jsonPointer([...at, k]), JSON.stringify(v)] as [string, string]]
      : occurrences(v, key, [...at, k]),
  );
}

async function pool<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const brief = (v: unknown) => {
  const s = JSON.stringify(v);
  return s && s.length > 600 ? `${s.slice(0, 600)}…` : s;
};

// ---------------------------------------------------------------------------------------------
describe(`round trip of OME's whole catalog through the edit flow (cluster ${CLUSTER})`, () => {
  let backend: Awaited<ReturnType<typeof startOmeBackend>>;
  const catalog = loadCatalog();
  const auth = () => mockCredentials.user.header();

  beforeAll(async () => {
    backend = await startOmeBackend();
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('accounts for every document of config/models, config/runtimes and config/samples/isvc', () => {
    const unaccounted = catalog.filter(d => !d.disposition);
    expect(unaccounted).toEqual([]);
    for (const group of Object.keys(CATALOG) as CatalogGroup[]) {
      const { kind } = CATALOG[group];
      const docs = catalog.filter(d => d.group === group);
      const ofKind = docs.filter(d => d.kind === kind);
      const by = (s: Disposition['status']) =>
        docs.filter(d => d.disposition.status === s).length;
      // each document is in exactly one bucket
      expect(
        by('roundtrip') +
          by('rejected') +
          by('duplicate') +
          by('namespace') +
          by('skipped'),
      ).toBe(docs.length);
      // round-tripped = documents of the kind − duplicate names − rejected by the cluster
      expect(by('roundtrip')).toBe(
        ofKind.length - by('duplicate') - by('rejected'),
      );
      // the cluster holds them (plus the seed's own demo objects of that kind, if any)
      expect(seeded(CLUSTER, kind)).toBeGreaterThanOrEqual(by('roundtrip'));
    }
    // Every rejection the seed reports for these kinds is a catalog document found here.
    const rejectedHere = new Set(
      catalog
        .filter(d => d.disposition.status === 'rejected')
        .map(d => `${d.kind}/${d.namespace ?? ''}/${d.name}`),
    );
    const reported = [...seedRejections().keys()].filter(k =>
      Object.values(CATALOG).some(c => k.startsWith(`${c.kind}/`)),
    );
    expect(reported.sort()).toEqual([...rejectedHere].sort());
    const notInCluster = catalog.filter(
      d => d.disposition.status !== 'roundtrip',
    );
    // eslint-disable-next-line no-console
    console.log(
      `catalog round trip: not round-tripped (${
        notInCluster.length
      }):\n${notInCluster
        .map(
          d =>
            `  ${d.file}#${d.index} ${d.kind ?? '-'} ${
              d.namespace ? `${d.namespace}/` : ''
            }${d.name ?? ''}: ${d.disposition.status} (${
              'reason' in d.disposition ? d.disposition.reason : ''
            })`,
        )
        .join('\n')}`,
    );
  });

  it('saves every catalog object unchanged without writing, and a one-field form edit changes exactly that field', async () => {
    const t0 = Date.now();
    const targets = catalog.filter(d => d.disposition.status === 'roundtrip');
    const failures: string[] = [];
    const done: Record<
      string,
      { unchanged: number; edited: number; restored: number }
    > = {};
    const runtimeChecks = {
      valueFrom: [] as string[],
      acceleratorRequirements: [] as string[],
      labels: [] as string[],
    };
    const conflictChecked = new Set<string>();
    let requests = 0;

    const direct = async (
      kind: OmeKind,
      namespace: string | undefined,
      name: string,
    ) => {
      requests++;
      const r = await kubeRequest<KubernetesObject>(
        clusterA,
        'GET',
        omeResourcePath(kind, { namespace, name }),
      );
      if (r.status !== 200)
        throw new Error(
          `direct GET from the apiserver: HTTP ${r.status} ${brief(r.body)}`,
        );
      return r.body;
    };

    const roundTrip = async (doc: CatalogDoc) => {
      const kind = doc.kind as OmeKind;
      const { name, namespace } = doc as { name: string; namespace?: string };
      const id = `${kind} ${namespace ? `${namespace}/` : ''}${name} (${
        doc.file
      })`;
      const fail = (step: string, detail: string) =>
        failures.push(`${id}: ${step}: ${detail}`);
      const counts = (done[kind] ??= { unchanged: 0, edited: 0, restored: 0 });
      const url = `/api/ome/clusters/${CLUSTER}${
        namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''
      }/${omeKindInfo(kind).plural}/${encodeURIComponent(name)}`;
      const put = (body: unknown) => {
        requests++;
        return request(backend.server)
          .put(url)
          .set('Authorization', auth())
          .send(body as object);
      };
      const httpError = (res: request.Response) =>
        `HTTP ${res.status} ${brief(res.body?.error?.message ?? res.body)}${
          res.body?.details ? ` details ${brief(res.body.details)}` : ''
        }`;

      try {
        // 1. load, save unchanged
        const before = await direct(kind, namespace, name);
        requests++;
        const got = await request(backend.server)
          .get(url)
          .set('Authorization', auth());
        if (got.status !== 200) {
          fail('GET (edit flow load)', httpError(got));
          return;
        }
        const loaded = got.body.object as KubernetesObject;
        const values = readFormValues(kind, loaded);
        const same = applyFormValues(kind, loaded, values);
        if (!deepEqual(same, loaded)) {
          fail(
            'applyFormValues with the values readFormValues gave changed the object',
            brief(diffObjects(loaded, same)),
          );
        }
        const saved = await put(same);
        if (
          saved.status !== 200 ||
          saved.body.changed !== false ||
          saved.body.patch?.length
        ) {
          fail(
            'unchanged save',
            saved.status === 200
              ? `changed=${saved.body.changed}, patch ${brief(
                  saved.body.patch,
                )}`
              : httpError(saved),
          );
        }
        const afterSave = await direct(kind, namespace, name);
        if (!deepEqual(afterSave, before)) {
          fail(
            'unchanged save altered the stored object',
            brief(diffObjects(before, afterSave)),
          );
          return; // the edit below would compare against a moved target
        }
        counts.unchanged++;

        // 2. change one field through the form, save with the fetched resourceVersion
        const change = planChange(kind, loaded, values);
        const edited = applyFormValues(kind, loaded, {
          ...values,
          [change.field]: change.value,
        });
        if (
          edited.metadata.resourceVersion !== before.metadata.resourceVersion
        ) {
          fail(
            'the edited object lost its resourceVersion',
            `${edited.metadata.resourceVersion} != ${before.metadata.resourceVersion}`,
          );
        }
        const editRes = await put(edited);
        if (editRes.status !== 200 || editRes.body.changed !== true) {
          fail(
            `save with ${change.field}=${brief(change.value)}`,
            editRes.status === 200
              ? `changed=${editRes.body.changed}`
              : httpError(editRes),
          );
          return;
        }
        const afterEdit = await direct(kind, namespace, name);
        const diff = ignoringServerOwned(diffObjects(before, afterEdit));
        const stripOld = (ops: OmePatchOperation[]) =>
          ops.map(({ oldValue: _o, ...op }) => op);
        if (!deepEqual(stripOld(diff), [change.expected])) {
          fail(
            `edit of ${change.field} (one field through the form)`,
            `expected exactly ${brief(
              change.expected,
            )}, the stored object changed by ${brief(diff)}`,
          );
        } else {
          counts.edited++;
        }
        if (
          afterEdit.metadata.resourceVersion === before.metadata.resourceVersion
        ) {
          fail('edit', 'resourceVersion did not move: nothing was written');
        }
        if (kind === 'ClusterServingRuntime') {
          // What OME's own console loses on edit: valueFrom env entries, labels,
          // acceleratorRequirements. Byte-for-byte the same JSON after the edit.
          for (const key of ['valueFrom', 'acceleratorRequirements'] as const) {
            const was = occurrences(before, key);
            if (!was.length) continue;
            const now = occurrences(afterEdit, key);
            if (!deepEqual(now, was))
              fail(
                `${key} after the edit`,
                `before ${brief(was)}, after ${brief(now)}`,
              );
            else runtimeChecks[key].push(name);
          }
          if (before.metadata.labels) {
            if (
              JSON.stringify(afterEdit.metadata.labels) !==
              JSON.stringify(before.metadata.labels)
            ) {
              fail(
                'metadata.labels after the edit',
                `before ${brief(before.metadata.labels)}, after ${brief(
                  afterEdit.metadata.labels,
                )}`,
              );
            } else {
              runtimeChecks.labels.push(name);
            }
          }
        }
        // once per kind: a save from the stale resourceVersion is a conflict, not an overwrite
        if (!conflictChecked.has(kind)) {
          conflictChecked.add(kind);
          const staleEdit = await put(edited);
          if (staleEdit.status !== 409)
            fail(
              'save from a stale resourceVersion',
              `expected 409, got ${httpError(staleEdit)}`,
            );
        }

        // 3. restore the original value, starting from the saved object (the reloaded edit)
        const reloaded = editRes.body.object as KubernetesObject;
        const restored = applyFormValues(kind, reloaded, {
          ...readFormValues(kind, reloaded),
          [change.field]: values[change.field],
        });
        const restoreRes = await put(restored);
        if (restoreRes.status !== 200 || restoreRes.body.changed !== true) {
          fail(
            'restore',
            restoreRes.status === 200
              ? `changed=${restoreRes.body.changed}`
              : httpError(restoreRes),
          );
          return;
        }
        const final = await direct(kind, namespace, name);
        const left = ignoringServerOwned(diffObjects(before, final));
        if (left.length)
          fail('restore left the object different from the seed', brief(left));
        else counts.restored++;
      } catch (error) {
        fail('error', String((error as Error)?.stack ?? error));
      }
    };

    await pool(targets, CONCURRENCY, roundTrip);

    const expectedPerKind: Record<string, number> = {};
    for (const d of targets)
      expectedPerKind[d.kind!] = (expectedPerKind[d.kind!] ?? 0) + 1;
    // OME's catalog (at the pinned commit) has no runtime with acceleratorRequirements.
    const catalogHasAccel = catalog.some(
      d =>
        d.group === 'runtimes' &&
        fs
          .readFileSync(path.join(OME_DATA_DIR, d.file), 'utf8')
          .includes('acceleratorRequirements'),
    );

    const accounting = (Object.keys(CATALOG) as CatalogGroup[])
      .map(group => {
        const docs = catalog.filter(d => d.group === group);
        const n: Record<string, number> = {};
        for (const d of docs)
          n[d.disposition.status] = (n[d.disposition.status] ?? 0) + 1;
        return `${CATALOG[group].upstream} ${
          docs.length
        } docs = ${Object.entries(n)
          .map(([k, v]) => `${v} ${k}`)
          .join(' + ')}`;
      })
      .join('; ');
    // eslint-disable-next-line no-console
    console.log(
      `catalog round trip on ${CLUSTER}: [${accounting}] ${Object.entries(
        expectedPerKind,
      )
        .map(
          ([k, n]) =>
            `${k} ${n} (unchanged ${done[k]?.unchanged ?? 0}, one-field edit ${
              done[k]?.edited ?? 0
            }, restored ${done[k]?.restored ?? 0})`,
        )
        .join('; ')}; runtimes keeping valueFrom ${
        runtimeChecks.valueFrom.length
      }, acceleratorRequirements ${
        runtimeChecks.acceleratorRequirements.length
      }${catalogHasAccel ? '' : ' (none in the catalog)'}, labels ${
        runtimeChecks.labels.length
      }; ${requests} requests in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${
        failures.length
      } failure(s)`,
    );

    expect(failures).toEqual([]);
    for (const [kind, n] of Object.entries(expectedPerKind)) {
      expect({ kind, ...done[kind] }).toEqual({
        kind,
        unchanged: n,
        edited: n,
        restored: n,
      });
    }
    // OME's own console loses these on edit: at least one runtime of each kept them.
    expect(runtimeChecks.valueFrom.length).toBeGreaterThan(0);
    expect(runtimeChecks.acceleratorRequirements.length > 0).toBe(
      catalogHasAccel,
    );
  });
});
