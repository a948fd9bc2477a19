/*
 * A bounded load run against the REAL control plane through the REAL kubernetes backend
 * plugin: concurrent list clients over both clusters, change-stream subscribers and writes
 * through the API at the same time, with zero errors (every list 200 with no cluster error,
 * every write accepted), and every subscriber sees every write. It prints its figures
 * (lists per second, latency percentiles, events delivered); it asserts no timing.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  KubernetesObject,
  newOmeObject,
  omeResourcePath,
} from '@ome-console/plugin-ome-common';
import { AddressInfo } from 'node:net';
import {
  clusterA,
  clusterB,
  ControlPlaneCluster,
  kubeRequest,
  startOmeBackend,
} from './__testUtils__/controlPlane';
import { EventStream, openEventStream } from './__testUtils__/eventStream';

jest.setTimeout(600_000);

const RUN = `ld${Date.now().toString(36).slice(-6)}`;
const LISTS = 2_000;
const LIST_CLIENTS = 12;
const SUBSCRIBERS = 50;
/** Objects created (then each updated once) per cluster while the lists run. */
const OBJECTS_PER_CLUSTER = 10;
const CLUSTERS = [clusterA, clusterB];
const KIND = 'ClusterServingRuntime';
const PLURAL = 'clusterservingruntimes';

/** The lists the clients cycle through: pages and whole lists, one cluster and both. */
const LIST_QUERIES = [
  `/api/ome/${PLURAL}?limit=50`,
  `/api/ome/clusterbasemodels?limit=50&sort=name`,
  `/api/ome/clusterbasemodels?cluster=${clusterB.name}`,
  `/api/ome/inferenceservices?limit=50&cluster=${clusterA.name}`,
  `/api/ome/basemodels?namespace=team-a&namespace=team-b`,
  `/api/ome/${PLURAL}?search=srt&limit=20&offset=20`,
];

/** The p-th percentile by nearest rank, as bench/stats.mjs computes it (an observed value). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

let base: string;
let stopBackend: () => Promise<void>;
const made: Array<{ cluster: ControlPlaneCluster; name: string }> = [];

beforeAll(async () => {
  const backend = await startOmeBackend();
  base = `http://127.0.0.1:${(backend.server.address() as AddressInfo).port}`;
  stopBackend = () => backend.stop();
});

afterAll(async () => {
  for (const { cluster, name } of made) {
    await kubeRequest(cluster, 'DELETE', omeResourcePath(KIND, { name })).catch(
      () => undefined,
    );
  }
  await stopBackend?.();
});

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      Authorization: mockCredentials.user.header(),
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

interface ListFailure {
  path: string;
  status: number;
  detail: unknown;
}

/** `LIST_CLIENTS` clients share `LISTS` lists, each client one request at a time. */
async function runLists() {
  const latencies: number[] = [];
  const failures: ListFailure[] = [];
  let items = 0;
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: LIST_CLIENTS }, async () => {
      // bounded: the clients together issue exactly LISTS requests
      while (issued < LISTS) {
        const path = LIST_QUERIES[issued++ % LIST_QUERIES.length];
        const t0 = performance.now();
        const res = await api('GET', path);
        latencies.push(performance.now() - t0);
        if (res.status !== 200 || res.body.errors.length) {
          failures.push({
            path,
            status: res.status,
            detail: res.status === 200 ? res.body.errors : res.body,
          });
        } else {
          items += res.body.items.length;
        }
      }
    }),
  );
  return {
    latencies,
    failures,
    items,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Creates, then updates once, OBJECTS_PER_CLUSTER objects per cluster; the final versions. */
async function runWrites() {
  const latencies: number[] = [];
  const failures: unknown[] = [];
  const finals = new Map<string, string>(); // cluster/name -> resourceVersion
  const timed = async (method: string, path: string, body: unknown) => {
    const t0 = performance.now();
    const res = await api(method, path, body);
    latencies.push(performance.now() - t0);
    return res;
  };
  await Promise.all(
    CLUSTERS.map(async cluster => {
      // one writer per cluster, one write at a time, so that the lists carry the load
      for (let i = 0; i < OBJECTS_PER_CLUSTER; i++) {
        const name = `${RUN}-${i}`;
        const object = newOmeObject(KIND, { name });
        object.metadata.labels = { 'ome-console.test/load': RUN };
        made.push({ cluster, name });
        const createdRes = await timed(
          'POST',
          `/api/ome/clusters/${cluster.name}/${PLURAL}`,
          object,
        );
        if (createdRes.status !== 201) {
          failures.push({
            name,
            status: createdRes.status,
            body: createdRes.body,
          });
          continue;
        }
        const written = createdRes.body.object as KubernetesObject;
        const updated = await timed(
          'PUT',
          `/api/ome/clusters/${cluster.name}/${PLURAL}/${name}`,
          { ...written, spec: { ...written.spec, disabled: true } },
        );
        if (updated.status !== 200) {
          failures.push({ name, status: updated.status, body: updated.body });
          continue;
        }
        finals.set(
          `${cluster.name}/${name}`,
          updated.body.object.metadata.resourceVersion,
        );
      }
    }),
  );
  return { latencies, failures, finals };
}

describe('lists, change-stream subscribers and writes at once', () => {
  it(`serves ${LISTS} lists over ${LIST_CLIENTS} clients and ${SUBSCRIBERS} subscribers with zero errors; every subscriber sees every write`, async () => {
    const subscribers: EventStream[] = Array.from(
      { length: SUBSCRIBERS },
      (_, i) =>
        openEventStream({
          base,
          user: `user:default/load-subscriber-${i}`,
          query: `kind=${PLURAL}`,
        }),
    );
    try {
      await Promise.all(subscribers.map(s => s.next(f => f.event === 'ready')));

      const [lists, writes] = await Promise.all([runLists(), runWrites()]);

      expect(lists.latencies).toHaveLength(LISTS);
      expect(lists.failures).toEqual([]);
      expect(lists.items).toBeGreaterThan(0);
      expect(writes.failures).toEqual([]);
      expect(writes.finals.size).toBe(OBJECTS_PER_CLUSTER * CLUSTERS.length);

      // every subscriber gets every object in its final (updated) version
      const waitStarted = performance.now();
      const finals = [...writes.finals];
      await Promise.all(
        subscribers.map(s =>
          Promise.all(
            finals.map(([key, version]) =>
              s.next(
                f =>
                  f.event === 'change' &&
                  `${f.data.cluster}/${f.data.object.metadata.name}` === key &&
                  f.data.object.metadata.resourceVersion === version,
              ),
            ),
          ),
        ),
      );
      const settleMs = performance.now() - waitStarted;
      const ours = (s: EventStream) =>
        s.frames.filter(
          f =>
            f.event === 'change' &&
            f.data.object.metadata.labels?.['ome-console.test/load'] === RUN,
        ).length;
      const delivered = subscribers.reduce((sum, s) => sum + ours(s), 0);
      const allChanges = subscribers.reduce(
        (sum, s) => sum + s.frames.filter(f => f.event === 'change').length,
        0,
      );
      expect(delivered).toBeGreaterThanOrEqual(finals.length * SUBSCRIBERS);

      // eslint-disable-next-line no-console
      console.log(
        [
          `load: ${LISTS} lists by ${LIST_CLIENTS} clients in ${lists.seconds.toFixed(
            1,
          )} s: ` +
            `${(LISTS / lists.seconds).toFixed(0)} lists/s, p50 ${ms(
              percentile(lists.latencies, 50),
            )}, ` +
            `p95 ${ms(percentile(lists.latencies, 95))}, max ${ms(
              Math.max(...lists.latencies),
            )}, ` +
            `${lists.items} items, 0 errors`,
          `load: ${writes.latencies.length} writes through the API meanwhile (create + update of ` +
            `${finals.length} objects over ${CLUSTERS.length} clusters): p50 ` +
            `${ms(percentile(writes.latencies, 50))}, p95 ${ms(
              percentile(writes.latencies, 95),
            )}, 0 errors`,
          `load: ${SUBSCRIBERS} subscribers: ${delivered} change events of the writes delivered ` +
            `(${finals.length} objects x ${SUBSCRIBERS}, at least the final version each), ` +
            `${allChanges} change events in all; last one ${ms(
              settleMs,
            )} after the writes ended`,
        ].join('\n'),
      );
    } finally {
      await Promise.all(subscribers.map(s => s.close()));
    }
  });
});
