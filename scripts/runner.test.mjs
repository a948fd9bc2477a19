// Unit tests of the test runner's counting (scripts/test.mjs) and the toolchain's Node check.
//   node --test scripts/runner.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { jestCounts, nodeTestCounts, totals } from './test.mjs';
import { usableNode } from './toolchain.mjs';

test('nodeTestCounts reads pass, fail, cancelled, skipped and todo from the TAP summary', () => {
  const tap = ['TAP version 13', 'ok 1 - a', '# tests 9', '# suites 0', '# pass 5', '# fail 1', '# cancelled 1', '# skipped 1', '# todo 1', '# duration_ms 3'].join('\n');
  assert.deepEqual(nodeTestCounts(tap), { passed: 5, failed: 2, skipped: 2 });
  assert.deepEqual(nodeTestCounts('# pass 3\n# fail 0\n'), { passed: 3, failed: 0, skipped: 0 });
  // a crash before the summary: no counts
  assert.equal(nodeTestCounts('TAP version 13\nnot ok 1 - x\n'), undefined);
});

test('jestCounts reads jest --json output; undefined when the file is missing or broken', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ome-runner-test-'));
  try {
    const file = path.join(dir, 'jest.json');
    fs.writeFileSync(file, JSON.stringify({ numPassedTests: 4, numFailedTests: 1, numRuntimeErrorTestSuites: 1, numPendingTests: 2, numTodoTests: 1 }));
    assert.deepEqual(jestCounts(file), { passed: 4, failed: 2, skipped: 3 });
    fs.writeFileSync(file, '{ truncated');
    assert.equal(jestCounts(file), undefined);
    assert.equal(jestCounts(path.join(dir, 'missing.json')), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('totals: a failed step without counts (a crash) or with 0 failures counts as failed', () => {
  assert.deepEqual(
    totals([
      { label: 'lint', ok: true },
      { label: 'jest', ok: false }, // crashed, no JSON
      { label: 'browser', ok: true, counts: { passed: 3, failed: 0, skipped: 1 } },
    ]),
    { passed: 3, failed: 1, skipped: 1 },
  );
  assert.deepEqual(
    totals([
      { label: 'jest', ok: false, counts: { passed: 10, failed: 0, skipped: 0 } },
      { label: 'node', ok: false, counts: { passed: 1, failed: 2, skipped: 0 } },
      { label: 'tsc', ok: false },
    ]),
    { passed: 11, failed: 4, skipped: 0 },
  );
  assert.deepEqual(totals([{ label: 'x', ok: true, counts: { passed: 2, failed: 0, skipped: 0 } }]), { passed: 2, failed: 0, skipped: 0 });
});

test('usableNode: 22.x >= 22.18 or 24.x, with C headers in <nodedir>/include/node', () => {
  const withHeaders = fs.mkdtempSync(path.join(os.tmpdir(), 'ome-node-'));
  const without = fs.mkdtempSync(path.join(os.tmpdir(), 'ome-node-'));
  try {
    fs.mkdirSync(path.join(withHeaders, 'include', 'node'), { recursive: true });
    fs.writeFileSync(path.join(withHeaders, 'include', 'node', 'node.h'), '');
    for (const v of ['22.18.0', 'v22.23.3', '24.0.0', '24.11.1']) assert.equal(usableNode(v, withHeaders), true, v);
    for (const v of ['20.20.2', '22.11.0', '22.17.1', '23.6.0', '25.0.0']) assert.equal(usableNode(v, withHeaders), false, v);
    assert.equal(usableNode('22.23.3', without), false);
  } finally {
    fs.rmSync(withHeaders, { recursive: true, force: true });
    fs.rmSync(without, { recursive: true, force: true });
  }
});
