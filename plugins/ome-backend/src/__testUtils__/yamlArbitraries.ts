/*
 * fast-check arbitraries of YAML texts for the import route: OME-shaped documents with
 * hostile values, and hostile YAML as such (deep nesting, anchors and aliases that expand,
 * very large documents, wrong types, unicode, control characters, garbage).
 */
import fc from 'fast-check';
import { hostileString } from './openApiArbitraries';

/** A JSON value is a YAML flow value: documents are written as JSON where the shape matters. */
function doc(value: unknown): string {
  return JSON.stringify(value);
}

const name = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
  hostileString,
);

const kind = fc.constantFrom(
  'ClusterBaseModel',
  'BaseModel',
  'ClusterServingRuntime',
  'ServingRuntime',
  'InferenceService',
  'AcceleratorClass',
  'BenchmarkJob',
  'FineTunedWeight',
  'Namespace',
  'Secret',
  'ConfigMap',
);

const apiVersion = fc.constantFrom('ome.io/v1beta1', 'v1', 'ome.io/v1', '');

/** Documents shaped like Kubernetes objects, with any of their parts hostile or of the wrong type. */
export const objectDocument: fc.Arbitrary<string> = fc
  .record(
    {
      apiVersion: fc.oneof(apiVersion, fc.jsonValue({ maxDepth: 1 })),
      kind: fc.oneof(kind, fc.jsonValue({ maxDepth: 1 })),
      metadata: fc.oneof(
        fc.record(
          {
            name,
            namespace: name,
            labels: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
            annotations: fc.dictionary(fc.string(), fc.string(), {
              maxKeys: 2,
            }),
          },
          { requiredKeys: [] },
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      spec: fc.oneof(
        fc.record(
          {
            storage: fc.record(
              {
                storageUri: fc.oneof(
                  fc.constant('hf://org/model'),
                  hostileString,
                ),
              },
              { requiredKeys: [] },
            ),
            disabled: fc.jsonValue({ maxDepth: 1 }),
          },
          { requiredKeys: [] },
        ),
        fc.jsonValue({ maxDepth: 3 }),
      ),
    },
    { requiredKeys: ['kind'] },
  )
  .map(doc);

/** Aliases that expand exponentially ("billion laughs"), `levels` deep with `width` each. */
export function aliasBomb(levels: number, width: number): string {
  const lines = [`l0: &l0 ${doc(Array(width).fill('lol'))}`];
  for (let i = 1; i <= levels; i++) {
    lines.push(
      `l${i}: &l${i} [${Array(width)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  }
  return `apiVersion: ome.io/v1beta1\nkind: ClusterBaseModel\nmetadata: {name: laughs}\nspec:\n  ${lines.join(
    '\n  ',
  )}\n`;
}

/** Nesting `depth` levels deep: flow sequences, flow mappings or block mappings. */
export function deepYaml(
  depth: number,
  style: 'seq' | 'map' | 'block',
): string {
  if (style === 'seq')
    return `spec: ${'['.repeat(depth)}x${']'.repeat(depth)}\n`;
  if (style === 'map')
    return `spec: ${'{a: '.repeat(depth)}x${'}'.repeat(depth)}\n`;
  return `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join(
    '\n',
  )} x\n`;
}

/** Many documents, or one document with many labels. */
export function largeYaml(documents: number, labelsEach: number): string {
  const labels = Object.fromEntries(
    Array.from({ length: labelsEach }, (_, i) => [`l${i}`, `v${i}`]),
  );
  return Array.from({ length: documents }, (_, i) =>
    doc({
      apiVersion: 'ome.io/v1beta1',
      kind: 'ClusterBaseModel',
      metadata: { name: `fuzz-large-${i}`, labels },
      spec: { storage: { storageUri: 'hf://org/model' } },
    }),
  ).join('\n---\n');
}

/** Every kind of YAML text the import must answer with a result or a 400, never a 5xx. */
export const hostileYaml: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(objectDocument, { minLength: 1, maxLength: 4 })
      .map(d => d.join('\n---\n')),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 10 }))
      .map(([levels, width]) => aliasBomb(levels, width)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 50, max: 20_000 }),
        fc.constantFrom('seq', 'map', 'block') as fc.Arbitrary<
          'seq' | 'map' | 'block'
        >,
      )
      // Block nesting grows with the square of its depth: keep it inside the 10 MB body.
      .map(([depth, style]) =>
        deepYaml(style === 'block' ? Math.min(depth, 3000) : depth, style),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        // Each document is a dry run against the cluster, one after another: many documents
        // cost time, not risk; past the limit of 500 the import refuses before any request.
        fc.oneof(
          fc.integer({ min: 1, max: 40 }),
          fc.integer({ min: 501, max: 2000 }),
        ),
        fc.integer({ min: 0, max: 3 }),
      )
      .map(([documents, labels]) => largeYaml(documents, labels)),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1000, max: 5000 })
      .map(labels => largeYaml(1, labels)),
  },
  // Unicode, control characters and garbage as YAML text.
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .string({
        unit: fc
          .integer({ min: 0, max: 0x1f })
          .map(c => String.fromCharCode(c)),
        maxLength: 50,
      })
      .map(s => `kind: ClusterBaseModel\nmetadata:\n  name: a${s}b\n`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '---',
      '--- !!binary x',
      '%YAML 9.9\n---\na',
      '? [a]\n: b',
      '!!js/function "f"',
      'a: !!int notanint',
      '&a [*a]',
      '*undefined',
    ),
  },
);
