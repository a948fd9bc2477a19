import { OME_KINDS } from '../kinds';
import { spec } from './openapi.generated';

describe('the OpenAPI document', () => {
  const schemas = spec.components.schemas;

  it('names the OME kinds and their plurals as kinds.ts declares them', () => {
    expect([...schemas.Kind.enum]).toEqual(OME_KINDS.map(k => k.kind));
    expect([...schemas.Plural.enum]).toEqual(OME_KINDS.map(k => k.plural));
    expect([...schemas.ClusterScopedPlural.enum]).toEqual(
      OME_KINDS.filter(k => !k.namespaced).map(k => k.plural),
    );
    expect([...schemas.NamespacedPlural.enum]).toEqual(
      OME_KINDS.filter(k => k.namespaced).map(k => k.plural),
    );
  });

  const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      path,
      method,
      op: op as {
        parameters?: ReadonlyArray<{ $ref?: string }>;
        security: readonly unknown[];
        'x-ome-permission': string;
      },
    })),
  );

  it('takes a dry run one way: the dryRun query parameter of every write, never a body field', () => {
    const writesWithoutDryRun = operations
      // A POST that only reads (HuggingFace inspect: a token never goes in a URL) is no write.
      .filter(({ method, op }) => method !== 'get' && op['x-ome-permission'] !== 'read')
      .filter(
        ({ op }) =>
          !(op.parameters ?? []).some(
            p => p.$ref === '#/components/parameters/dryRun',
          ),
      )
      .map(({ method, path }) => `${method} ${path}`);
    expect(writesWithoutDryRun).toEqual([]);
    expect(Object.keys(schemas.CloneRequest.properties)).not.toContain(
      'dryRun',
    );
    expect(Object.keys(schemas.ImportRequest.properties)).not.toContain(
      'dryRun',
    );
    expect(schemas.CloneRequest.additionalProperties).toBe(false);
    expect(schemas.ImportRequest.additionalProperties).toBe(false);
  });

  it('declares a permission for every operation, and security for all but /health', () => {
    const declared = operations.map(({ path, method, op }) => ({
      operation: `${method} ${path}`,
      permission: op['x-ome-permission'],
      security: op.security,
    }));
    const resourcePermission = expect.stringMatching(
      /^(read|create|update|delete|operational)$/,
    );
    const expected = operations.map(({ path, method }) =>
      path === '/health'
        ? { operation: `${method} ${path}`, permission: 'none', security: [] }
        : {
            operation: `${method} ${path}`,
            permission: resourcePermission,
            security: [{}, { JWT: [] }],
          },
    );
    expect(declared).toEqual(expected);
  });
});
