/*
 * Property-based fuzzing of every route of the OpenAPI document, and of YAML imports,
 * against the real control plane (kube-apiserver with OME's CRDs, through the real
 * kubernetes backend plugin; the stand-in model hub for the Hugging Face routes).
 * Property: while the clusters are healthy no answer is a 5xx, nothing hangs or crashes,
 * every rejection is a 4xx whose body names what is wrong (`error.message`), and the
 * backend's heap after GC stays bounded through thousands of cases.
 * Every write is a dry run (`dryRun=true` is forced on every operation that has it), so the
 * suite writes nothing but its own namespace, deleted at the end.
 * Reproduce a run: OME_FUZZ_SEED=<the printed seed>.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { clusterA, startOmeBackend } from './__testUtils__/controlPlane';
import {
  bodyText,
  FuzzRequest,
  omeDocument,
  operationArbitraries,
} from './__testUtils__/openApiArbitraries';
import { FuzzAnswer, sendFuzzRequest } from './__testUtils__/sendFuzzRequest';
import {
  StandinModelHub,
  startStandinModelHub,
} from './__testUtils__/standinModelHub';
import { hostileYaml } from './__testUtils__/yamlArbitraries';
import {
  createSuiteNamespace,
  deleteSuiteNamespace,
} from './__testUtils__/suiteNamespace';

jest.setTimeout(600_000);

const SEED = Number(process.env.OME_FUZZ_SEED ?? 1202);
/** Cases per operation (valid, hostile) and YAML texts: ~2,000 cases, sized for 1-2 minutes on 2 busy cores. */
const RUNS = { valid: 15, hostile: 35 } as const;
const YAML_RUNS = 80;
/** Longest a request may take: the backend's cluster timeout is 10 s. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Generous: the heap after GC may grow by this much over the whole run. */
const HEAP_GROWTH_BOUND = 256 * 1024 * 1024;

const RUN = Date.now().toString(36);
const NAMESPACE = `fuzz-${RUN}`;
const AUTHORIZATION = mockCredentials.user.header('user:default/fuzzer');

// A forced GC, to measure the heap the backend keeps (not what is merely not collected yet).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

let backend: Awaited<ReturnType<typeof startOmeBackend>>;
let hub: StandinModelHub;
let port: number;

function send(r: FuzzRequest): Promise<FuzzAnswer> {
  return sendFuzzRequest(r, {
    port,
    basePath: '/api/ome',
    headers: { authorization: AUTHORIZATION },
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
}

/** Every write a dry run: `dryRun=true` replaces whatever the case drew for it. */
function dryRunOnly(r: FuzzRequest, hasDryRun: boolean): FuzzRequest {
  if (!hasDryRun) return r;
  const rest = r.query.split('&').filter(p => p && !p.startsWith('dryRun='));
  return { ...r, query: [...rest, 'dryRun=true'].join('&') };
}

/** What is wrong with an answer (undefined: it keeps the property). */
function violation(answer: FuzzAnswer): string | undefined {
  if (answer.status >= 500) return `${answer.status}`;
  // Node's HTTP server itself refuses a request line and headers over its 16 KB limit
  // (its status line says why; no application code runs), e.g. a 70,000-character name.
  if (answer.status === 431 && answer.text === '') return undefined;
  if (answer.status >= 400) {
    let message: unknown;
    try {
      message = JSON.parse(answer.text)?.error?.message;
    } catch {
      return `${answer.status} without a JSON error body`;
    }
    if (typeof message !== 'string' || !message.trim()) {
      return `${answer.status} without error.message`;
    }
  }
  return undefined;
}

function describeCase(r: FuzzRequest, answer?: FuzzAnswer): string {
  const text = bodyText(r);
  const body = text === undefined ? '' : ` body=${text.slice(0, 200)}`;
  return `${r.operationId} ${r.method} ${r.path.slice(0, 200)}?${r.query.slice(
    0,
    200,
  )}${body} -> ${
    answer ? `${answer.status} ${answer.text.slice(0, 300)}` : 'no answer'
  }`;
}

/** Sends every case, returning the violations (first few in full) and the count of statuses. */
async function fuzz(cases: FuzzRequest[]) {
  const violations: string[] = [];
  const statuses = new Map<number, number>();
  for (const r of cases) {
    let answer: FuzzAnswer | undefined;
    try {
      answer = await send(r);
    } catch (error) {
      violations.push(`${describeCase(r)}: ${(error as Error).message}`);
      continue;
    }
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    const wrong = violation(answer);
    if (wrong) violations.push(`${wrong}: ${describeCase(r, answer)}`);
  }
  return { violations, statuses };
}

let heapBefore: number;
let hints: Awaited<ReturnType<typeof findHints>>;

beforeAll(async () => {
  hub = await startStandinModelHub();
  backend = await startOmeBackend({
    configure: config => ({
      ...config,
      ome: {
        ...config.ome,
        huggingFace: { baseUrl: hub.url, timeoutMs: 1500 },
      },
    }),
  });
  port = (backend.server.address() as net.AddressInfo).port;
  await createSuiteNamespace(clusterA, NAMESPACE);
  // eslint-disable-next-line no-console
  console.log(
    `fuzz: seed ${SEED} (reproduce with OME_FUZZ_SEED=${SEED}), ${RUNS.valid} valid + ${RUNS.hostile} hostile cases per operation, ${YAML_RUNS} YAML imports`,
  );
  hints = await findHints();
  heapBefore = heapAfterGc();
});

afterAll(async () => {
  await deleteSuiteNamespace(clusterA, NAMESPACE);
  await backend?.stop();
  await hub?.stop();
});

/** Names that exist, so that cases reach the handlers past "not found". */
async function findHints() {
  // The first list may wait for the cache's first sync of both clusters.
  const list = await sendFuzzRequest(
    {
      operationId: 'listResources',
      method: 'GET',
      path: '/clusterbasemodels',
      query: 'limit=3',
      valid: true,
    },
    {
      port,
      basePath: '/api/ome',
      headers: { authorization: AUTHORIZATION },
      timeoutMs: 120_000,
    },
  );
  if (list.status !== 200)
    throw new Error(`listing models: ${list.status} ${list.text}`);
  const names = JSON.parse(list.text).items.map(
    (i: any) => i.object.metadata.name,
  );
  expect(names.length).toBeGreaterThan(0);
  return {
    cluster: ['ome-dev-a', 'ome-dev-b'],
    namespace: [NAMESPACE, 'default'],
    name: names,
    modelId: ['Qwen/Qwen2.5-0.5B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct'],
  };
}

const operations = () =>
  Object.values(omeDocument.paths).flatMap(item => Object.values(item)).length;

describe('fuzzing every route of the OpenAPI document', () => {
  it.each([['valid'], ['hostile']] as const)(
    'answers %s cases with no 5xx and a message on every 4xx',
    async which => {
      const ops = operationArbitraries(omeDocument, hints);
      expect(ops.length).toBe(operations());
      const cases = ops.flatMap((op, i) =>
        fc
          .sample(op[which], { seed: SEED + i, numRuns: RUNS[which] })
          .map(r => dryRunOnly(r, op.queryParameters.includes('dryRun'))),
      );
      expect(cases.length).toBe(ops.length * RUNS[which]);
      const { violations, statuses } = await fuzz(cases);
      // eslint-disable-next-line no-console
      console.log(
        `fuzz ${which}: ${cases.length} cases over ${
          ops.length
        } operations, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
      expect(violations.slice(0, 15)).toEqual([]);
    },
  );
});

describe('fuzzing YAML imports (dry run)', () => {
  it('answers every YAML text with results or a 4xx with a message, never a 5xx', async () => {
    const texts = fc.sample(hostileYaml, { seed: SEED, numRuns: YAML_RUNS });
    expect(texts.length).toBe(YAML_RUNS);
    const cases = texts.map(yaml => ({
      operationId: 'importYaml',
      method: 'POST',
      path: '/import',
      query: 'dryRun=true',
      body: { json: { cluster: 'ome-dev-a', namespace: NAMESPACE, yaml } },
      valid: true,
    }));
    const { violations, statuses } = await fuzz(cases);
    // eslint-disable-next-line no-console
    console.log(
      `fuzz yaml: ${cases.length} imports, statuses ${JSON.stringify(
        Object.fromEntries(statuses),
      )}`,
    );
    expect(violations.slice(0, 15)).toEqual([]);
  });
});

// Each was a 500/502/503, a 200 with another resource's answer, or (YAML) a request that held the
// event loop past the timeout, before its fix; the long cluster name was checked and already a 404.
describe('what fuzzing found', () => {
  const cases: Array<[string, FuzzRequest, number, RegExp]> = [
    [
      'a cluster name beyond Latin-1',
      {
        operationId: 'getKindSchema',
        method: 'GET',
        path: '/clusters/%E5%90%8D/schemas/basemodels',
        query: '',
        valid: true,
      },
      404,
      /does not know cluster/,
    ],
    [
      'a cluster name with CR LF',
      {
        operationId: 'getClusterScopedResource',
        method: 'GET',
        path: '/clusters/a%0D%0AX-Injected%3A%201/clusterbasemodels/x',
        query: '',
        valid: true,
      },
      404,
      /does not know cluster/,
    ],
    [
      'a cluster name of 1,025 characters',
      {
        operationId: 'getClusterScopedResource',
        method: 'GET',
        path: `/clusters/${'c'.repeat(1025)}/clusterbasemodels/x`,
        query: '',
        valid: true,
      },
      404,
      /cluster/,
    ],
    [
      'an object named ..',
      {
        operationId: 'getClusterScopedResource',
        method: 'GET',
        path: '/clusters/ome-dev-a/clusterbasemodels/%2E%2E',
        query: '',
        valid: true,
      },
      404,
      /'\.' or '\.\.'/,
    ],
    [
      'a namespace named .',
      {
        operationId: 'getNamespacedResource',
        method: 'GET',
        path: '/clusters/ome-dev-a/namespaces/%2E/basemodels/x',
        query: '',
        valid: true,
      },
      404,
      /'\.' or '\.\.'/,
    ],
    [
      'a delete of ..',
      {
        operationId: 'deleteClusterScopedResource',
        method: 'DELETE',
        path: '/clusters/ome-dev-a/clusterbasemodels/%2E%2E',
        query: 'dryRun=true',
        valid: true,
      },
      404,
      /'\.' or '\.\.'/,
    ],
    [
      'a hub token no header can carry',
      {
        operationId: 'inspectHuggingFaceModel',
        method: 'POST',
        path: '/huggingface/inspect',
        query: '',
        body: {
          json: {
            modelId: 'Qwen/Qwen2.5-0.5B-Instruct',
            token: 'hf_abc\r\nX-Injected: 1',
          },
        },
        valid: true,
      },
      400,
      /^token: /,
    ],
    [
      'YAML nested 1,000,000 levels deep',
      {
        operationId: 'importYaml',
        method: 'POST',
        path: '/import',
        query: 'dryRun=true',
        body: {
          json: {
            cluster: 'ome-dev-a',
            yaml: `spec: ${'['.repeat(1_000_000)}`,
          },
        },
        valid: true,
      },
      400,
      /^body\.yaml: nests deeper than 100 levels/,
    ],
  ];
  it.each(cases)(
    'answers %s with a clear 4xx',
    async (_what, r, status, message) => {
      const answer = await send(r);
      expect({
        status: answer.status,
        message: JSON.parse(answer.text)?.error?.message,
      }).toEqual({
        status,
        message: expect.stringMatching(message),
      });
    },
  );
});

describe('memory', () => {
  it('keeps the heap after GC bounded through the whole run', () => {
    const growth = heapAfterGc() - heapBefore;
    // eslint-disable-next-line no-console
    console.log(
      `fuzz memory: heap after GC ${Math.round(
        heapBefore / 2 ** 20,
      )} MB before, growth ${Math.round(
        growth / 2 ** 20,
      )} MB (process.memoryUsage().heapUsed after two forced GCs)`,
    );
    expect(growth).toBeLessThan(HEAP_GROWTH_BOUND);
  });
});
