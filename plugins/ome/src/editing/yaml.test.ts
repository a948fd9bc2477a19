import { parseYamlDocuments } from '@ome-console/plugin-ome-common';
import { parseYamlEdit, toYaml } from './yaml';

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

  it('reports text nested too deep without parsing it (it would freeze the tab)', () => {
    const text = `spec: ${'['.repeat(1_000_000)}x${']'.repeat(1_000_000)}`;
    expect(parseYamlEdit(text)).toEqual({
      error: { message: 'nests deeper than 100 levels (at line 1)' },
      typeWarnings: [],
    });
  });
});
