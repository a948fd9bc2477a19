// Generates, from the OME backend's hand-written OpenAPI document
// (plugins/ome-common/src/schema/openapi.yaml), the two files both sides read:
//   openapi.generated.ts        `spec`: the literal document, for createValidatedOpenApiRouter
//   openapi.types.generated.ts  `paths`, `components`, `operations` (openapi-typescript),
//                               for the frontend's openapi-fetch client
//   node scripts/openapi-generate.mjs           write them
//   node scripts/openapi-generate.mjs --check   exit 1 naming each file that is stale
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import YAML from 'yaml';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const schemaDir = path.join(repoRoot, 'plugins/ome-common/src/schema');
export const SOURCE = path.join(schemaDir, 'openapi.yaml');
export const SPEC_FILE = path.join(schemaDir, 'openapi.generated.ts');
export const TYPES_FILE = path.join(schemaDir, 'openapi.types.generated.ts');

const HEADER = [
  '// GENERATED FILE: do not edit. The source is openapi.yaml beside this file;',
  '// regenerate with `yarn openapi:generate` (scripts/openapi-generate.mjs).',
  '',
].join('\n');

/** Formats TypeScript with the repo's prettier configuration, so lint and prettier agree. */
async function format(source, file) {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const prettier = require('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(source, { ...options, filepath: file });
}

/** The document as a plain object; a YAML error names the source file. */
export function readDocument(source = SOURCE) {
  const text = fs.readFileSync(source, 'utf8');
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    throw new Error(
      `${path.relative(repoRoot, source)}: ${doc.errors[0].message}`,
    );
  }
  return doc.toJS();
}

/** The contents of both generated files for `document`, keyed by absolute path. */
export async function generate(document = readDocument()) {
  const { default: openapiTS, astToString } = await import(
    'openapi-typescript'
  );
  const specSource = `${HEADER}
/**
 * The OME backend's OpenAPI document (from openapi.yaml), as the literal the backend's
 * validating router and its typed handlers need.
 * @public
 */
export const spec = ${JSON.stringify(document, null, 2)} as const;
`;
  const ast = await openapiTS(structuredClone(document), {
    // Optional properties stay optional (no `| undefined` noise); `additionalProperties: {}`
    // maps to unknown values.
    alphabetize: false,
  });
  // API reports want a release tag on every export of the package.
  const types = astToString(ast).replace(
    /^export (interface|type) (\w+)/gm,
    '/** @public */\nexport $1 $2',
  );
  const typesSource = `${HEADER}/* eslint-disable */\n${types}`;
  return {
    [SPEC_FILE]: await format(specSource, SPEC_FILE),
    [TYPES_FILE]: await format(typesSource, TYPES_FILE),
  };
}

/** The generated files whose committed content differs from a fresh generation. */
export async function staleFiles() {
  const fresh = await generate();
  return Object.entries(fresh)
    .filter(
      ([file, content]) =>
        !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content,
    )
    .map(([file]) => path.relative(repoRoot, file));
}

async function main() {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length) {
      console.error(
        `Stale generated OpenAPI files (run \`yarn openapi:generate\`): ${stale.join(
          ', ',
        )}`,
      );
      process.exit(1);
    }
    console.log('OpenAPI generated files are up to date');
    return;
  }
  for (const [file, content] of Object.entries(await generate())) {
    fs.writeFileSync(file, content);
    console.log(`wrote ${path.relative(repoRoot, file)}`);
  }
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
