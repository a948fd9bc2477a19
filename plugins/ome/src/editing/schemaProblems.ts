/**
 * The parts of a CRD's OpenAPI v3 schema (`openAPIV3Schema`) that the editor reads:
 * field names, types, enums and descriptions. Other keywords are ignored.
 */
export interface KindSchema {
  type?: string;
  description?: string;
  properties?: Record<string, KindSchema>;
  additionalProperties?: boolean | KindSchema;
  items?: KindSchema;
  enum?: unknown[];
  required?: string[];
  nullable?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  [keyword: string]: unknown;
}

/** A place where an object breaks its kind's schema, as the apiserver would see it. */
export interface SchemaProblem {
  path: (string | number)[];
  /** Unknown fields are marked on their key; the others on the value. */
  at: 'key' | 'value';
  message: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeProblem(schema: KindSchema, value: unknown): string | undefined {
  if (schema['x-kubernetes-int-or-string']) {
    return typeof value === 'string' || Number.isInteger(value)
      ? undefined
      : 'must be a string or an integer';
  }
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'must be an integer';
    case 'number':
      return typeof value === 'number' ? undefined : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'array':
      return Array.isArray(value) ? undefined : 'must be a list';
    case 'object':
      return isPlainObject(value) ? undefined : 'must be a mapping';
    default:
      return undefined;
  }
}

/** The schema of the field at `key` inside an object of `schema`, if it is known. */
export function propertySchema(schema: KindSchema | undefined, key: string | number): KindSchema | undefined {
  if (!schema) return undefined;
  if (typeof key === 'number' || key === '*') return schema.items;
  const own = schema.properties?.[key];
  if (own) return own;
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/**
 * Unknown fields (which the apiserver would silently drop), wrong types and values outside
 * an enum, found by walking `value` along the kind's schema. `null` is left alone: the
 * apiserver prunes it from fields that do not allow it.
 */
export function schemaProblems(value: unknown, schema: KindSchema | undefined): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const walk = (v: unknown, s: KindSchema | undefined, path: (string | number)[]) => {
    if (!s || v === null || v === undefined) return;
    const wrongType = typeProblem(s, v);
    if (wrongType) {
      problems.push({ path, at: 'value', message: `${path.join('.') || 'the document'} ${wrongType}` });
      return;
    }
    if (Array.isArray(s.enum) && s.enum.length && !s.enum.some(e => e === v)) {
      problems.push({
        path,
        at: 'value',
        message: `${path.join('.')} must be one of ${s.enum.map(e => JSON.stringify(e)).join(', ')}`,
      });
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, s.items, [...path, i]));
      return;
    }
    if (!isPlainObject(v)) return;
    const closed =
      !!s.properties &&
      !s['x-kubernetes-preserve-unknown-fields'] &&
      !s['x-kubernetes-embedded-resource'] &&
      s.additionalProperties === undefined;
    for (const [key, child] of Object.entries(v)) {
      const childSchema = propertySchema(s, key);
      if (!childSchema && closed) {
        problems.push({
          path: [...path, key],
          at: 'key',
          message: `${[...path, key].join('.')}: unknown field "${key}" (the cluster would drop it)`,
        });
        continue;
      }
      walk(child, childSchema, [...path, key]);
    }
  };
  walk(value, schema, []);
  return problems;
}
