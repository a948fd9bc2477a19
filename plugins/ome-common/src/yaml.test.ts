import { parseYamlDocuments } from './yaml';

describe('parseYamlDocuments', () => {
  it('splits documents, skips empty ones and reports errors with lines', () => {
    const docs = parseYamlDocuments(
      '---\n# only a comment\n---\na: yes\n---\n---\n{"b": 1}\n---\nc: [\n',
    );
    expect(docs.map(d => d.index)).toEqual([0, 1, 2]);
    expect(docs[0].value).toEqual({ a: 'yes' });
    expect(docs[1].value).toEqual({ b: 1 });
    expect(docs[2].error?.line).toBeGreaterThan(0);
    expect(parseYamlDocuments('')).toEqual([]);
  });

  it('refuses text nested too deep as a whole, before parsing it', () => {
    const text = `a: 1\n---\nspec: ${'['.repeat(1_000_000)}x`;
    expect(parseYamlDocuments(text)).toEqual([
      {
        index: 0,
        error: {
          message: 'nests deeper than 100 levels (at line 3)',
          limitExceeded: true,
        },
      },
    ]);
  });

  it('rejects duplicate keys', () => {
    expect(parseYamlDocuments('a: 1\na: 2\n')[0].error?.message).toMatch(
      /unique/i,
    );
  });
});
