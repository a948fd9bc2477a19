import { parseYamlDocuments } from './yaml';
import { MAX_YAML_NESTING, yamlNestingProblem } from './yamlNesting';

function blockNesting(depth: number): string {
  return `${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}a:`).join(
    '\n',
  )} x\n`;
}

describe('yamlNestingProblem', () => {
  it('passes real objects, quotes, comments and brackets in strings', () => {
    const texts = [
      'apiVersion: ome.io/v1beta1\nkind: ClusterBaseModel\nmetadata:\n  name: a\n  labels: {a: b, "c[": "{{{{"}\nspec:\n  list: [[1, 2], [3]]\n',
      "description: it's fine\nother: '[[[[[[[[' # [[[[[[[[\n",
      `- a\n- - b\n  - c\n---\n${blockNesting(MAX_YAML_NESTING - 1)}`,
      `x: ${'['.repeat(MAX_YAML_NESTING - 2)}1${']'.repeat(
        MAX_YAML_NESTING - 2,
      )}\n`,
    ];
    for (const text of texts) {
      expect({ text, problem: yamlNestingProblem(text) }).toEqual({
        text,
        problem: undefined,
      });
      expect(parseYamlDocuments(text).every(d => !d.error)).toBe(true);
    }
  });

  // Found by fuzz.integration.test.ts: parsing such texts blocked the event loop for seconds.
  it('refuses flow, block and compact nesting past the limit before any parsing', () => {
    const deep = MAX_YAML_NESTING + 1;
    const texts = [
      `spec: ${'['.repeat(1_000_000)}x${']'.repeat(1_000_000)}`,
      `spec: ${'{a: '.repeat(deep)}x${'}'.repeat(deep)}`,
      blockNesting(deep + 1),
      `${'- '.repeat(deep)}x`,
      // A plain scalar's apostrophe opens no quote that would hide the brackets after it.
      `a: it's\nb: ${'['.repeat(deep)}`,
    ];
    for (const text of texts) {
      expect(yamlNestingProblem(text)).toMatch(
        new RegExp(
          `^nests deeper than ${MAX_YAML_NESTING} levels \\(at line \\d+\\)$`,
        ),
      );
    }
  });
});
