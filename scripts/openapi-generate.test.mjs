// The committed OpenAPI derivatives equal a fresh generation from openapi.yaml.
//   node --test scripts/openapi-generate.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  generate,
  readDocument,
  SOURCE,
  staleFiles,
} from './openapi-generate.mjs';

test('the committed generated files equal a fresh generation from openapi.yaml', async () => {
  assert.deepEqual(await staleFiles(), []);
});

test('the generated spec is the YAML document, literally', async () => {
  const files = await generate();
  const specFile = Object.entries(files).find(([f]) =>
    f.endsWith('openapi.generated.ts'),
  )[1];
  assert.match(specFile, /export const spec = \{/);
  assert.match(specFile, /\} as const;\n$/);
  const doc = readDocument();
  assert.equal(doc.openapi, '3.1.0');
  // Prettier picks the quotes; the values are what counts.
  const quoted = value =>
    [`'${value}'`, JSON.stringify(value)].some(q => specFile.includes(q));
  for (const [p, ops] of Object.entries(doc.paths)) {
    assert.ok(quoted(p), `spec holds path ${p}`);
    for (const op of Object.values(ops)) {
      assert.ok(quoted(op.operationId), `spec holds ${op.operationId}`);
    }
  }
});

test('a broken document is refused naming the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ome-openapi-'));
  try {
    const broken = path.join(dir, 'openapi.yaml');
    fs.writeFileSync(
      broken,
      fs.readFileSync(SOURCE, 'utf8').replace('paths:', 'paths: [\n'),
    );
    assert.throws(() => readDocument(broken), /openapi\.yaml/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
