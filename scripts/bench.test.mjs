// The pure helpers of `npm run bench`: percentiles, ratios, tables, flags (bench/stats.mjs,
// bench/run.mjs), source-map attribution (bench/sourceMaps.mjs), the page rows
// (bench/page.mjs), and the per-request load client against a loopback server that closes
// every connection (bench/requestLoad.mjs).
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { pageRows, pageTable } from '../bench/page.mjs';
import { closedLoopLoad } from '../bench/requestLoad.mjs';
import { BENCHMARKS, mergeLatest, parseArgs } from '../bench/run.mjs';
import { attributeFile, decodeVlq, gzipSize, mappedSpans, sourceGroup, sumAttributions } from '../bench/sourceMaps.mjs';
import { fmtBytes, fmtRatio, formatTable, parseCounts, parseSizes, percentile, ratio, summarize } from '../bench/stats.mjs';

test('percentile is the nearest rank: always an observed value', () => {
  const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  assert.equal(percentile(values, 50), 5);
  assert.equal(percentile(values, 95), 10);
  assert.equal(percentile(values, 90), 9);
  assert.equal(percentile(values, 0), 1);
  assert.equal(percentile(values, 100), 10);
  assert.equal(percentile([42], 95), 42);
  assert.equal(percentile([], 50), undefined);
  assert.throws(() => percentile(values, 101), /0\.\.100/);
  // the input is not reordered
  assert.deepEqual(values, [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
});

test('percentile of 100 values 1..100 is the value itself', () => {
  const values = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(values, 50), 50);
  assert.equal(percentile(values, 95), 95);
});

test('summarize gives count, p50, p95, max and mean', () => {
  assert.deepEqual(summarize([1, 2, 3, 4]), { count: 4, p50: 2, p95: 4, max: 4, mean: 2.5 });
  assert.deepEqual(summarize([]), { count: 0, p50: undefined, p95: undefined, max: undefined, mean: undefined });
});

test('ratio is undefined (never 0 or Infinity) when it cannot be computed', () => {
  assert.equal(ratio(6, 3), 2);
  assert.equal(ratio(1, 0), undefined);
  assert.equal(ratio(undefined, 3), undefined);
  assert.equal(ratio(3, NaN), undefined);
  assert.equal(fmtRatio(2), '2.00x');
  assert.equal(fmtRatio(123.4), '123x');
  assert.equal(fmtRatio(undefined), '-');
});

test('fmtBytes picks B, KiB or MiB', () => {
  assert.equal(fmtBytes(512), '512 B');
  assert.equal(fmtBytes(1536), '1.5 KiB');
  assert.equal(fmtBytes(3 * 1024 * 1024), '3.0 MiB');
  assert.equal(fmtBytes(undefined), '-');
});

test('formatTable pads columns, right-aligns numbers and is a markdown table', () => {
  const text = formatTable(
    ['objects', 'via', 'p50 ms'],
    [
      [1000, 'ome-backend', '12'],
      [20000, 'k8s proxy', '1,234'],
    ],
  );
  const lines = text.split('\n');
  assert.equal(lines.length, 4);
  assert.equal(lines[0], '| objects | via         | p50 ms |');
  assert.equal(lines[1], '| ------: | ----------- | -----: |');
  assert.equal(lines[2], '|    1000 | ome-backend |     12 |');
  assert.equal(lines[3], '|   20000 | k8s proxy   |  1,234 |');
  // every line is as wide as the header
  assert.ok(lines.every(l => l.length === lines[0].length));
});

test('formatTable shows a missing cell as -', () => {
  assert.equal(formatTable(['a'], [[undefined]]).split('\n')[2], '|   - |');
});

test('--sizes and other count flags: ascending, unique, errors name the flag and value', () => {
  assert.deepEqual(parseSizes('20000,1000,5000,1000'), [1000, 5000, 20000]);
  assert.deepEqual(parseSizes(' 1000 , 5000 '), [1000, 5000]);
  assert.throws(() => parseSizes('1000,abc'), /--sizes: "abc" is not a whole number >= 2/);
  assert.throws(() => parseSizes('1'), /--sizes: "1"/);
  assert.throws(() => parseSizes(''), /--sizes: expected/);
  assert.deepEqual(parseCounts('500,1,50', { flag: '--subscribers' }), [1, 50, 500]);
  assert.throws(() => parseCounts('0', { flag: '--subscribers' }), /--subscribers: "0"/);
});

test('--only takes every benchmark, default all; --loads and --no-build', () => {
  assert.deepEqual(parseArgs([]).only, BENCHMARKS);
  assert.deepEqual(BENCHMARKS, ['list', 'propagation', 'memory', 'page', 'bundle', 'startup']);
  const opts = parseArgs(['--only', 'page,bundle,startup', '--sizes=5000', '--loads', '3', '--no-build']);
  assert.deepEqual(opts.only, ['page', 'bundle', 'startup']);
  assert.deepEqual(opts.sizes, [5000]);
  assert.equal(opts.loads, 3);
  assert.equal(opts.build, false);
  assert.equal(parseArgs([]).build, true);
  assert.equal(parseArgs([]).loads, 5);
  assert.throws(() => parseArgs(['--only', 'page,pages']), /--only: unknown benchmark "pages"/);
  assert.throws(() => parseArgs(['--loads', '0']), /--loads: "0" is not a whole number within 1\.\.50/);
  assert.throws(() => parseArgs(['--sizes', '5001']), /5001 is odd/);
  assert.throws(() => parseArgs(['--bogus']), /unknown argument --bogus/);
});

test('latest.json keeps the results of benchmarks this run did not run', () => {
  const first = mergeLatest(undefined, { startedAt: 't1', machine: { cores: 2 } }, { list: { rows: [1] }, memory: { rssPer10k: 5 } });
  assert.deepEqual(Object.keys(first.benchmarks).sort(), ['list', 'memory']);
  const second = mergeLatest(first, { startedAt: 't2', machine: { cores: 2 } }, { page: { rows: [2] }, list: { rows: [3] } });
  assert.equal(second.updatedAt, 't2');
  assert.deepEqual(second.benchmarks.memory, { startedAt: 't1', machine: { cores: 2 }, rssPer10k: 5 });
  assert.deepEqual(second.benchmarks.list.rows, [3]);
  assert.equal(second.benchmarks.list.startedAt, 't2');
  assert.deepEqual(second.benchmarks.page.rows, [2]);
  // the earlier object is not changed
  assert.deepEqual(first.benchmarks.list.rows, [1]);
  // a file of the earlier shape (no `benchmarks`) is replaced, not merged into
  assert.deepEqual(Object.keys(mergeLatest({ list: [] }, { startedAt: 't3' }, { bundle: {} }).benchmarks), ['bundle']);
});

test('decodeVlq reads base64 VLQ segments, signs and continuations', () => {
  assert.deepEqual(decodeVlq('AAAA'), [0, 0, 0, 0]);
  assert.deepEqual(decodeVlq('ECAA'), [2, 1, 0, 0]);
  assert.deepEqual(decodeVlq('D'), [-1]);
  assert.deepEqual(decodeVlq('gB'), [16]);
  assert.deepEqual(decodeVlq('6rB'), [701]); // 26 + (11 << 5) + (1 << 10) = 1402, sign bit 0
  assert.throws(() => decodeVlq('A!'), /bad VLQ character "!"/);
  assert.throws(() => decodeVlq('g'), /ends mid-number/);
});

test('sourceGroup sorts sources into the OME plugins, dependencies and the rest', () => {
  assert.equal(sourceGroup('webpack://app/../../plugins/ome/src/components/X.tsx'), 'plugins/ome');
  assert.equal(sourceGroup('webpack://app/../../plugins/ome-common/src/kinds.ts'), 'plugins/ome-common');
  assert.equal(sourceGroup('webpack://app/../../node_modules/@ome-console/plugin-ome/src/a.ts'), 'plugins/ome');
  assert.equal(sourceGroup('webpack://app/../../plugins/ome/node_modules/yaml/dist/index.js'), 'dependencies');
  assert.equal(sourceGroup('webpack://app/../../node_modules/react-dom/cjs/react-dom.production.min.js'), 'dependencies');
  assert.equal(sourceGroup('webpack://app/../../plugins/ome-backend/src/x.ts'), 'app and other');
  assert.equal(sourceGroup('webpack://app/./src/App.tsx'), 'app and other');
  assert.equal(sourceGroup(null), 'app and other');
});

// "abc\ndef": line 0 maps "ab" to plugins/ome and "c\n" to react; line 1 has one segment
// without a source at column 1, so "d" (before any segment) and "ef" are unmapped.
const TINY_CODE = 'abc\ndef';
const TINY_MAP = {
  version: 3,
  sources: ['webpack://app/../../plugins/ome/src/a.ts', 'webpack://app/../../node_modules/react/index.js'],
  mappings: 'AAAA,ECAA;C',
};

test('mappedSpans splits the generated text at every mapping, each byte exactly once', () => {
  const spans = mappedSpans(TINY_CODE, TINY_MAP);
  assert.deepEqual(spans, [
    { source: TINY_MAP.sources[0], text: 'ab' },
    { source: TINY_MAP.sources[1], text: 'c\n' },
    { source: null, text: 'd' },
    { source: null, text: 'ef' },
  ]);
  assert.equal(spans.map(s => s.text).join(''), TINY_CODE);
});

test('attributeFile: raw bytes per group exactly, gzip of each group on its own, whole-file gzip', () => {
  const a = attributeFile(TINY_CODE, TINY_MAP);
  assert.equal(a.bytes, 7);
  assert.equal(a.gzip, gzipSize(TINY_CODE));
  assert.deepEqual(Object.keys(a.groups).sort(), ['app and other', 'dependencies', 'plugins/ome']);
  assert.equal(a.groups['plugins/ome'].bytes, 2);
  assert.equal(a.groups.dependencies.bytes, 2);
  assert.equal(a.groups['app and other'].bytes, 3);
  assert.equal(a.groups['plugins/ome'].gzip, gzipSize('ab'));
  assert.equal(a.groups['app and other'].gzip, gzipSize('def'));
  // bytes are counted in UTF-8, columns in UTF-16 code units
  const u = attributeFile('é€x', { sources: ['webpack://app/../../plugins/ome-common/src/u.ts'], mappings: 'AAAA,EAAA' });
  assert.equal(u.groups['plugins/ome-common'].bytes, Buffer.byteLength('é€x'));
  const total = sumAttributions([a, a, u]);
  assert.equal(total.files, 3);
  assert.equal(total.bytes, 14 + Buffer.byteLength('é€x'));
  assert.equal(total.groups['plugins/ome'].bytes, 4);
  assert.equal(total.groups['plugins/ome-common'].gzip, u.groups['plugins/ome-common'].gzip);
});

test('pageRows: one row per cache state with the median (nearest rank) of its loads', () => {
  const sample = (cold, ms, totalCount = 5012) => ({
    cold,
    totalCount,
    rowsVisibleMs: ms,
    rowInDomMs: ms - 5,
    domContentLoadedMs: ms / 2,
    listRequestMs: 40,
    listRequestStartMs: ms - 100,
    scripts: 12,
    scriptBytesTransferred: cold ? 1000 : 0,
    scriptBytesDecoded: 3000,
  });
  const rows = pageRows(5000, [sample(true, 900), sample(false, 300), sample(true, 700), sample(false, 200), sample(true, 800, 5001), sample(false, 250)]);
  assert.equal(rows.length, 2);
  const [cold, warm] = rows;
  assert.equal(cold.cache, 'cold');
  assert.equal(cold.loads, 3);
  assert.equal(cold.rowsVisible.p50, 800);
  assert.equal(cold.rowsVisible.max, 900);
  assert.equal(cold.listed, 5001);
  assert.equal(cold.scriptBytesTransferred, 1000);
  assert.equal(cold.listRequestStart.p50, 700);
  assert.equal(warm.rowsVisible.p50, 250);
  assert.equal(warm.scriptBytesTransferred, 0);
  const table = pageTable(rows).split('\n');
  assert.equal(table.length, 4);
  assert.match(table[2], /\|\s+5000 \|\s+5001 \| cold\s+\|\s+3 \|\s+800 \|\s+700 \|\s+900 \|/);
});

test('closedLoopLoad times each request from sending, also when the server closes every connection', async () => {
  const DELAY_MS = 20;
  let served = 0;
  const server = http.createServer((req, res) => {
    served++;
    setTimeout(() => {
      res.setHeader('connection', 'close');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ auth: req.headers.authorization, cluster: req.headers['backstage-kubernetes-cluster'] ?? null }));
    }, DELAY_MS);
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  try {
    const connections = 3;
    const r = await closedLoopLoad({
      baseUrl: `http://127.0.0.1:${server.address().port}`,
      token: 'tok',
      requests: [
        { method: 'GET', path: '/a', headers: { 'backstage-kubernetes-cluster': 'one' } },
        { method: 'GET', path: '/b', headers: { 'backstage-kubernetes-cluster': 'two' } },
      ],
      connections,
      durationSeconds: 1,
    });
    assert.equal(r.errors + r.non2xx + r.timeouts, 0);
    assert.ok(r.requests > 0);
    assert.equal(r.requests, served);
    assert.equal(r.connectionCloseResponses, r.requests);
    // no response can come sooner than the server's delay
    assert.ok(r.latency.p50 >= DELAY_MS - 1, `p50 ${r.latency.p50}`);
    // each worker sends one request at a time: its requests' times fit into the run. (autocannon
    // 9 breaks exactly this against such a server: its times add up to many times the run.)
    assert.ok(r.latency.mean * r.requests <= connections * r.durationSeconds * 1000 + 1);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
