/*
 * fast-check arbitraries DERIVED from the OME backend's OpenAPI document (ome-common's
 * `omeOpenApiSpec`, generated from schema/openapi.yaml and the very document the router
 * validates with): for every operation, its path parameters, query parameters and request
 * body, both as values its schema accepts and as hostile values (wrong types, unicode,
 * control characters, huge strings, `.`/`..`, header-unsafe characters, empty). Nothing
 * here is written per route: a new operation in the document gets arbitraries by itself.
 */
import fc from 'fast-check';
import { omeOpenApiSpec } from '@ome-console/plugin-ome-common';

/** The part of JSON Schema (OpenAPI 3.1) the document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
}

interface Parameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: {
    required?: boolean;
    content: Record<string, { schema: Schema }>;
  };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, Parameter>;
  };
}

export const omeDocument = omeOpenApiSpec as unknown as OpenApiDocument;

/** One request the fuzzer sends. `valid`: every part was drawn from its schema. */
export interface FuzzRequest {
  operationId: string;
  method: string;
  /** Path with percent-encoded parameters, and the query string (without `?`, maybe empty). */
  path: string;
  query: string;
  /** A JSON value to send as the body, or `raw` text sent as application/json. */
  body?: { json: unknown } | { raw: string };
  valid: boolean;
}

/** The text a case sends as its body (undefined: none). */
export function bodyText(r: FuzzRequest): string | undefined {
  if (r.body === undefined) return undefined;
  return 'raw' in r.body ? r.body.raw : JSON.stringify(r.body.json);
}

export interface OperationArbitraries {
  operationId: string;
  method: string;
  pathTemplate: string;
  pathParameters: string[];
  queryParameters: string[];
  hasBody: boolean;
  /** Requests whose every part satisfies the document (the server may still say 404 etc.). */
  valid: fc.Arbitrary<FuzzRequest>;
  /** Requests with at least one part drawn from the hostile values (or a document-valid part that is hostile in itself, like `..`). */
  hostile: fc.Arbitrary<FuzzRequest>;
}

/**
 * Known-good values by parameter or body property name (e.g. `cluster` -> the control
 * plane's clusters), mixed into the schema's own values so that cases reach past the
 * "unknown cluster" answer into the handlers.
 */
export type Hints = Record<string, readonly string[]>;

export function resolve<T extends { $ref?: string }>(
  doc: OpenApiDocument,
  value: T,
): T {
  let current: any = value;
  for (let i = 0; current?.$ref && i < 20; i++) {
    const [, , section, name] = current.$ref.split('/');
    current = (doc.components as any)[section][name];
  }
  return current as T;
}

/** Strings a server must survive wherever a string goes. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '.',
    '..',
    '...',
    '%',
    '%2e%2e',
    '../../../etc/passwd',
    'a/b',
    'a\r\nX-Injected: 1',
    '\u0000',
    '\u007f',
    'ü',
    'ünïcödé-名前',
    '😀',
    '\u202e',
    '\ufeff',
    '{"a":1}',
    '*',
    "' OR 1=1 --",
    '$(reboot)',
    'x'.repeat(1025),
    'x'.repeat(70_000),
  ),
  // Any code points, controls included.
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0x1f }).map(c => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 8,
  }),
  fc.string({ unit: 'grapheme', minLength: 254, maxLength: 2000 }),
);

/** Values of the wrong JSON type for a schema (for bodies). */
function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  const all: Array<[string, fc.Arbitrary<unknown>]> = [
    ['string', hostileString],
    ['integer', fc.oneof(fc.integer(), fc.constant(1e308))],
    ['number', fc.double()],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })],
    [
      'object',
      fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    ],
  ];
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  const others = all.filter(
    ([t]) => t !== type && !(type === 'number' && t === 'integer'),
  );
  return fc.oneof(...others.map(([, arb]) => arb));
}

/** A value the schema accepts. */
export function validValue(
  doc: OpenApiDocument,
  schemaOrRef: Schema,
  hints: Hints = {},
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolve(doc, schemaOrRef);
  if (schema.oneOf) {
    return fc.oneof(
      ...schema.oneOf.map(s => validValue(doc, s, hints, name, depth)),
    );
  }
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string': {
      const own = fc.string({
        unit: 'grapheme',
        minLength: schema.minLength ?? 0,
        maxLength: schema.maxLength ?? 80,
      });
      const hinted = name && hints[name]?.length ? hints[name] : undefined;
      return hinted ? fc.oneof(fc.constantFrom(...hinted), own) : own;
    }
    case 'integer':
      return fc.integer({
        min: schema.minimum ?? -1_000_000,
        max: schema.maximum ?? 1_000_000,
      });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(
        validValue(doc, schema.items ?? {}, hints, name, depth + 1),
        { maxLength: 4 },
      );
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) {
        record[key] = validValue(doc, value, hints, key, depth + 1);
      }
      const known = fc.record(record, {
        requiredKeys: Object.keys(properties).filter(k => required.has(k)),
      });
      if (schema.additionalProperties === false) return known;
      const extraValue =
        typeof schema.additionalProperties === 'object' &&
        Object.keys(schema.additionalProperties).length > 0
          ? validValue(
              doc,
              schema.additionalProperties,
              hints,
              undefined,
              depth + 1,
            )
          : fc.jsonValue({ maxDepth: Math.max(0, 3 - depth) });
      const extra = fc.dictionary(
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter(k => !(k in properties)),
        extraValue,
        { maxKeys: 3 },
      );
      return fc
        .tuple(known, extra)
        .map(([k, e]) => ({ ...e, ...(k as object) }));
    }
    default:
      // `{}`: anything.
      return fc.jsonValue({ maxDepth: 3 });
  }
}

/**
 * The JSON text of a value nested `depth` levels deep, as objects or arrays (built as text:
 * JSON.stringify of such a value would itself run out of stack).
 */
export function deeplyNestedJson(depth: number, asArray: boolean): string {
  return asArray
    ? `${'['.repeat(depth)}"leaf"${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`;
}

const DEEP = '\u0000deep\u0000';

/** A valid body with a deeply nested value where the schema takes anything (or, if nowhere, as an unknown property). */
function deepBody(
  doc: OpenApiDocument,
  schemaOrRef: Schema,
  hints: Hints,
): fc.Arbitrary<string> {
  const schema = resolve(doc, schemaOrRef);
  return fc
    .tuple(
      validValue(doc, schema, hints),
      fc.integer({ min: 100, max: 20_000 }),
      fc.boolean(),
    )
    .map(([value, depth, asArray]) => {
      const base =
        value && typeof value === 'object' && !Array.isArray(value)
          ? value
          : {};
      // Inside `spec` where there is one (the objects' free-form part), else beside.
      const holder = schema.properties?.spec
        ? { ...base, spec: { deep: DEEP } }
        : { ...base, deep: DEEP };
      return JSON.stringify(holder).replace(
        JSON.stringify(DEEP),
        deeplyNestedJson(depth, asArray),
      );
    });
}

/** A body the schema refuses, or that is hostile inside what it accepts. */
export function hostileValue(
  doc: OpenApiDocument,
  schemaOrRef: Schema,
  hints: Hints = {},
): fc.Arbitrary<unknown> {
  const schema = resolve(doc, schemaOrRef);
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  const options: Array<fc.Arbitrary<unknown>> = [wrongType(schema)];
  if (type === 'string') options.push(hostileString);
  if (type === 'object' && schema.properties) {
    const keys = Object.keys(schema.properties);
    // One property hostile (wrong type or hostile string), the rest valid.
    options.push(
      fc
        .tuple(
          validValue(doc, schema, hints) as fc.Arbitrary<
            Record<string, unknown>
          >,
          fc
            .constantFrom(...keys)
            .chain(key =>
              fc.tuple(
                fc.constant(key),
                fc.oneof(
                  wrongType(resolve(doc, schema.properties![key])),
                  hostileString,
                  fc.constant(undefined),
                ),
              ),
            ),
        )
        .map(([value, [key, bad]]) => {
          const copy: Record<string, unknown> = { ...value };
          if (bad === undefined) delete copy[key];
          else copy[key] = bad;
          return copy;
        }),
    );
  }
  return fc.oneof(...options);
}

/** Percent-encodes every byte of the UTF-8 form but the unreserved ones (lone surrogates become U+FFFD). */
export function percentEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_~]/.test(c)
      ? c
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** How openapi-fetch (the frontend's client) encodes a query value: encodeURIComponent. */
export function clientEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return percentEncode(value);
  }
}

function queryValueString(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Query string as the frontend's client sends it: arrays exploded, values encodeURIComponent'd. */
export function queryString(values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(`${clientEncode(key)}=${clientEncode(queryValueString(v))}`);
    }
  }
  return parts.join('&');
}

/** Hostile query values: wrong types for the schema, hostile strings, many repeats. */
function hostileQueryValue(schema: Schema): fc.Arbitrary<unknown> {
  const options: Array<fc.Arbitrary<unknown>> = [hostileString];
  const type = schema.type;
  if (type === 'integer' || type === 'number') {
    options.push(
      fc.constantFrom(
        'abc',
        '1.5',
        '-1',
        '0',
        '1e400',
        'NaN',
        '99999999999999999999',
        '0x10',
        ' 1',
      ),
    );
  }
  if (type === 'boolean')
    options.push(fc.constantFrom('yes', '1', 'TRUE', 'null'));
  if (type === 'array') {
    options.push(fc.array(hostileString, { minLength: 1, maxLength: 3 }));
    options.push(
      fc
        .integer({ min: 50, max: 300 })
        .map(n => Array.from({ length: n }, (_, i) => `c${i}`)),
    );
  }
  return fc.oneof(...options);
}

function pathValue(doc: OpenApiDocument, p: Parameter, hints: Hints) {
  const schema = resolve(doc, p.schema);
  // An empty path segment does not match the route at all: path values are at least one character.
  const nonEmpty: Schema =
    schema.type === 'string' && !schema.enum
      ? { ...schema, minLength: Math.max(1, schema.minLength ?? 0) }
      : schema;
  return validValue(doc, nonEmpty, hints, p.name) as fc.Arbitrary<string>;
}

/** OpenAPI's `allowEmptyValue` is false by default: a query value is at least one character. */
function queryValue(doc: OpenApiDocument, p: Parameter, hints: Hints) {
  const schema = resolve(doc, p.schema);
  const nonEmpty = (s: Schema): Schema =>
    s.type === 'string' && !s.enum
      ? { ...s, minLength: Math.max(1, s.minLength ?? 0) }
      : s;
  const adjusted =
    schema.type === 'array'
      ? { ...schema, items: nonEmpty(resolve(doc, schema.items ?? {})) }
      : nonEmpty(schema);
  return validValue(doc, adjusted, hints, p.name);
}

function buildPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    // `.` and `..` encoded so that no client or URL parser folds them away before the server sees them.
    values[name] === '.' || values[name] === '..'
      ? values[name].replace(/\./g, '%2E')
      : percentEncode(values[name]),
  );
}

/** Arbitraries for every operation of the document. */
export function operationArbitraries(
  doc: OpenApiDocument = omeDocument,
  hints: Hints = {},
): OperationArbitraries[] {
  const result: OperationArbitraries[] = [];
  for (const [pathTemplate, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation?.operationId) continue;
      const parameters = (operation.parameters ?? []).map(p => resolve(doc, p));
      const pathParams = parameters.filter(p => p.in === 'path');
      const queryParams = parameters.filter(p => p.in === 'query');
      const bodySchema =
        operation.requestBody?.content['application/json']?.schema;

      const validPath = fc.record(
        Object.fromEntries(
          pathParams.map(p => [p.name, pathValue(doc, p, hints)]),
        ),
      );
      const validQuery = fc.record(
        Object.fromEntries(
          queryParams.map(p => [p.name, queryValue(doc, p, hints)]),
        ),
        { requiredKeys: queryParams.filter(p => p.required).map(p => p.name) },
      );
      const validBody = bodySchema
        ? validValue(doc, bodySchema, hints).map(json => ({ json }))
        : fc.constant(undefined);

      const make = (
        path: Record<string, string>,
        query: Record<string, unknown>,
        body: FuzzRequest['body'],
        valid: boolean,
      ): FuzzRequest => ({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path: buildPath(pathTemplate, path),
        query: queryString(query),
        body,
        valid,
      });

      const valid = fc
        .tuple(validPath, validQuery, validBody)
        .map(([p, q, b]) => make(p as any, q, b, true));

      // Hostile: one part at a time, so that each reaches as far as it can.
      const hostileParts: Array<fc.Arbitrary<FuzzRequest>> = [];
      for (const p of pathParams) {
        hostileParts.push(
          fc
            .tuple(
              validPath,
              validQuery,
              validBody,
              hostileString.filter(s => s !== ''),
            )
            .map(([path, q, b, bad]) =>
              make({ ...(path as any), [p.name]: bad }, q, b, false),
            ),
        );
      }
      for (const p of queryParams) {
        hostileParts.push(
          fc
            .tuple(
              validPath,
              validQuery,
              validBody,
              hostileQueryValue(resolve(doc, p.schema)),
            )
            .map(([path, q, b, bad]) =>
              make(path as any, { ...q, [p.name]: bad }, b, false),
            ),
        );
      }
      // A parameter the document does not know.
      hostileParts.push(
        fc
          .tuple(
            validPath,
            validQuery,
            validBody,
            fc.string({ minLength: 1, maxLength: 10 }),
          )
          .filter(
            ([, q, , key]) =>
              !(key in q) && !queryParams.some(p => p.name === key),
          )
          .map(([path, q, b, key]) =>
            make(path as any, { ...q, [key]: 'x' }, b, false),
          ),
      );
      if (bodySchema) {
        hostileParts.push(
          fc
            .tuple(validPath, validQuery, hostileValue(doc, bodySchema, hints))
            .map(([path, q, json]) => make(path as any, q, { json }, false)),
          fc
            .tuple(
              validPath,
              validQuery,
              fc.oneof(
                fc.constantFrom(
                  '{',
                  '{"a":',
                  'null',
                  '',
                  '[',
                  '\u0000',
                  '{"__proto__":{"x":1}}',
                ),
                fc.string({ maxLength: 30 }),
              ),
            )
            .map(([path, q, raw]) => make(path as any, q, { raw }, false)),
          fc
            .tuple(validPath, validQuery, deepBody(doc, bodySchema, hints))
            .map(([path, q, raw]) => make(path as any, q, { raw }, false)),
        );
      }
      result.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        pathTemplate,
        pathParameters: pathParams.map(p => p.name),
        queryParameters: queryParams.map(p => p.name),
        hasBody: Boolean(bodySchema),
        valid,
        hostile: fc.oneof(...hostileParts),
      });
    }
  }
  return result;
}
