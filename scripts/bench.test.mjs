// The pure helpers of `npm run bench` (bench/stats.mjs): percentiles, ratios, tables, flags.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
