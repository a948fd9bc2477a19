import { parse } from 'yaml';
import { KindSchema, schemaProblems } from './schemaProblems';
import { schemaSuggestions, yamlCursorContext } from './schemaCompletion';
import { yamlDiagnostics } from './yamlDiagnostics';

/** A slice of an InferenceService CRD's openAPIV3Schema, in the shape the cluster serves it. */
const schema: KindSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        model: {
          type: 'object',
          properties: {
            name: { type: 'string', description: 'Name of the base model' },
            kind: { type: 'string', enum: ['BaseModel', 'ClusterBaseModel'] },
          },
        },
        engine: {
          type: 'object',
          properties: {
            minReplicas: { type: 'integer' },
            maxReplicas: { type: 'integer' },
            volumes: {
              type: 'array',
              items: { type: 'object', properties: { name: { type: 'string' }, readOnly: { type: 'boolean' } } },
            },
            resources: { type: 'object', additionalProperties: { 'x-kubernetes-int-or-string': true } },
          },
        },
        extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
      },
    },
    status: { type: 'object' },
  },
};

const text = `apiVersion: ome.io/v1beta1
kind: InferenceService
metadata:
  name: chat
spec:
  model:
    name: llama
    kidn: BaseModel
  engine:
    minReplicas: one
    volumes:
      - name: cache
        readOnyl: true
    resources:
      cpu: 2
  extra:
    anything: goes
`;

describe('schemaProblems', () => {
  it('finds misspelt fields and wrong types, and leaves open objects alone', () => {
    const value = {
      spec: {
        model: { name: 'llama', kidn: 'BaseModel', kind: 'Model' },
        engine: { minReplicas: 'one', volumes: [{ name: 'cache', readOnyl: true }], resources: { cpu: 2, memory: '1Gi' } },
        extra: { anything: 'goes' },
      },
      status: { whatever: 1 },
    };
    expect(schemaProblems(value, schema).map(p => [p.path.join('.'), p.at])).toEqual([
      ['spec.model.kidn', 'key'],
      ['spec.model.kind', 'value'],
      ['spec.engine.minReplicas', 'value'],
      ['spec.engine.volumes.0.readOnyl', 'key'],
    ]);
    expect(schemaProblems(value, schema)[0].message).toContain('unknown field "kidn"');
  });
});

describe('yamlDiagnostics', () => {
  it('marks each problem on its line: unknown fields on the key, wrong types on the value', () => {
    const marks = yamlDiagnostics(text, {}, parse(text), schema);
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    expect(marks.map(m => [lineOf(m.from), text.slice(m.from, m.to), m.source])).toEqual([
      [8, 'kidn', 'schema'],
      [10, 'one', 'schema'],
      [13, 'readOnyl', 'schema'],
    ]);
  });

  it('marks a parse error on its line and a type warning on its value', () => {
    expect(yamlDiagnostics('a: 1\nb: [\n', { error: { message: 'bad', line: 2 } })).toEqual([
      { from: 5, to: 9, severity: 'error', message: 'bad', source: 'yaml' },
    ]);
    const warned = 'spec:\n  version: 3.10\n';
    const [mark] = yamlDiagnostics(warned, {
      typeWarnings: [{ path: 'spec.version', message: 'read as 3.1', segments: ['spec', 'version'] }],
    });
    expect(warned.slice(mark.from, mark.to)).toBe('3.10');
    expect(mark.severity).toBe('warning');
  });
});

describe('completion from the schema', () => {
  const at = (marked: string) => {
    const pos = marked.indexOf('|');
    return yamlCursorContext(marked.replace('|', ''), pos);
  };

  it('reads the path of the mapping at the cursor from the indentation, list items included', () => {
    expect(at('spec:\n  model:\n    na|')).toMatchObject({ path: ['spec', 'model'], position: 'key', prefix: 'na' });
    expect(at('spec:\n  engine:\n    volumes:\n      - name: x\n        re|')).toMatchObject({
      path: ['spec', 'engine', 'volumes', '*'],
      prefix: 're',
    });
    expect(at('spec:\n  model:\n    kind: Ba|')).toMatchObject({
      path: ['spec', 'model'],
      position: 'value',
      key: 'kind',
      prefix: 'Ba',
    });
  });

  it('offers the fields of that place and the values of an enum', () => {
    expect(schemaSuggestions(schema, at('spec:\n  model:\n    |')).map(s => s.label)).toEqual(['name', 'kind']);
    expect(schemaSuggestions(schema, at('spec:\n  en|'))).toEqual([
      { label: 'engine', apply: 'engine:', detail: 'object', info: undefined },
    ]);
    expect(schemaSuggestions(schema, at('spec:\n  model:\n    kind: |')).map(s => s.label)).toEqual([
      'BaseModel',
      'ClusterBaseModel',
    ]);
    expect(schemaSuggestions(schema, at('spec:\n  engine:\n    volumes:\n      - readOnly: |')).map(s => s.label)).toEqual([
      'true',
      'false',
    ]);
  });
});
