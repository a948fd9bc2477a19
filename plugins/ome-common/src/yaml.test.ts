import { parseYamlDocuments, parseYamlEdit, toYaml, unifiedDiff } from './yaml';

describe('toYaml', () => {
  it('quotes strings that would read back as other types', () => {
    const value = {
      version: '3.10',
      on: 'yes',
      n: 'null',
      num: '0755',
      real: 3.1,
      flag: true,
      plain: 'safetensors',
      shared: ['a'],
    };
    const text = toYaml({ ...value, again: value.shared });
    expect(text).toContain('version: "3.10"');
    // `on` is a boolean key in YAML 1.1
    expect(text).toContain('"on": "yes"');
    expect(text).toContain('"n": "null"');
    expect(text).toContain('num: "0755"');
    expect(text).toContain('plain: safetensors');
    expect(text).not.toContain('&');
    expect(parseYamlDocuments(text)[0].value).toEqual({
      ...value,
      again: ['a'],
    });
  });

  it('does not fold long lines', () => {
    const long = 'x '.repeat(100).trim();
    expect(toYaml({ long }).split('\n')).toHaveLength(2);
  });
});

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

  it('rejects duplicate keys', () => {
    expect(parseYamlDocuments('a: 1\na: 2\n')[0].error?.message).toMatch(
      /unique/i,
    );
  });
});

describe('parseYamlEdit', () => {
  it('warns where a plain scalar loses its text', () => {
    const r = parseYamlEdit(
      'spec:\n  version: 3.10\n  id: 0755\n  big: 1e3\n  ok: 3\n  list: [012]\n',
    );
    expect(r.value).toEqual({
      spec: { version: 3.1, id: 755, big: 1000, ok: 3, list: [12] },
    });
    expect(r.typeWarnings.map(w => w.path)).toEqual([
      'spec.version',
      'spec.id',
      'spec.big',
      'spec.list.0',
    ]);
    expect(r.typeWarnings[0].message).toBe(
      'spec.version: unquoted 3.10 is read as the number 3.1; quote it ("3.10") to keep it text',
    );
  });

  it('warns where the original value was a string', () => {
    const original = {
      metadata: { labels: { gpu: 'true', n: '1' } },
      spec: { x: 1 },
    };
    const r = parseYamlEdit(
      'metadata:\n  labels:\n    gpu: true\n    n: 2\nspec:\n  x: 2\n',
      original,
    );
    expect(r.typeWarnings.map(w => w.path)).toEqual([
      'metadata.labels.gpu',
      'metadata.labels.n',
    ]);
    expect(parseYamlEdit('a: "3.10"\nb: yes\n').typeWarnings).toEqual([]);
  });

  it('reports errors and multiple documents', () => {
    expect(parseYamlEdit('a: [').error?.line).toBe(1);
    expect(parseYamlEdit('a: 1\n---\nb: 2\n').error).toEqual({
      message: expect.stringMatching(/one YAML document/),
      line: 3,
    });
    expect(parseYamlEdit('').error?.message).toMatch(/empty/);
  });
});

describe('unifiedDiff', () => {
  it('shows changes with context and gaps', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join(
      '\n',
    );
    const after = before
      .replace('line 10', 'line ten')
      .replace('line 20', 'line 20\nline 21');
    const diff = unifiedDiff(before, after, { context: 2 });
    expect(diff.map(d => `${d.type} ${d.text}`)).toEqual([
      'gap 7 unchanged lines',
      'same line 8',
      'same line 9',
      'remove line 10',
      'add line ten',
      'same line 11',
      'same line 12',
      'gap 6 unchanged lines',
      'same line 19',
      'same line 20',
      'add line 21',
    ]);
    expect(diff[3]).toEqual({ type: 'remove', text: 'line 10', oldLine: 10 });
    expect(diff[4]).toEqual({ type: 'add', text: 'line ten', newLine: 10 });
    expect(unifiedDiff('a\n', 'a\n')).toEqual([
      { type: 'gap', text: '1 unchanged line' },
    ]);
    expect(unifiedDiff('', 'a')).toEqual([
      { type: 'add', text: 'a', newLine: 1 },
    ]);
  });

  it('stays fast on large inputs with many changes', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const b = Array.from(
      { length: 5000 },
      (_, i) => `k${i}: ${i % 3 === 0 ? 'x' : i}`,
    ).join('\n');
    const start = Date.now();
    const diff = unifiedDiff(a, b);
    expect(Date.now() - start).toBeLessThan(3000);
    const removed = diff.filter(d => d.type === 'remove').length;
    expect(removed).toBeGreaterThanOrEqual(1667);
    const totally = unifiedDiff(
      a,
      Array.from({ length: 5000 }, (_, i) => `z${i}`).join('\n'),
    );
    expect(totally.filter(d => d.type === 'add')).toHaveLength(5000);
  });
});
