import { OME_KINDS, OmeKind, OmeKindInfo } from '@ome-console/plugin-ome-common';

/**
 * Which permission an operation checks: the resource permission of that action, or `none`
 * for the open health route.
 * @public
 */
export type OmeRoutePermission =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'none';

/** One operation of the OME backend's route table. @public */
export interface OmeRoute {
  /** HTTP method, lower case. */
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path, e.g. `/clusters/{cluster}/namespaces/{namespace}/inferenceservices/{name}`. */
  path: string;
  /** The same path in Express' syntax (`:cluster`). */
  expressPath: string;
  operationId: string;
  /** The handler the router uses for this operation. */
  handler: OmeRouteHandler;
  /** The kind the operation concerns, if any. */
  kind?: OmeKind;
  permission: OmeRoutePermission;
  /** Whether the request has a JSON body. */
  body: boolean;
}

/** @public */
export type OmeRouteHandler =
  | 'health'
  | 'openapi'
  | 'listClusters'
  | 'listNamespaces'
  | 'import'
  | 'mayCreate'
  | 'list'
  | 'get'
  | 'create'
  | 'update'
  | 'delete'
  | 'clone';

const errorResponses = {
  '400': { $ref: '#/components/responses/Error' },
  '401': { $ref: '#/components/responses/Error' },
  '403': { $ref: '#/components/responses/Error' },
  '503': { $ref: '#/components/responses/Error' },
};
const objectErrorResponses = {
  ...errorResponses,
  '404': { $ref: '#/components/responses/Error' },
};
const writeErrorResponses = {
  ...objectErrorResponses,
  '409': { $ref: '#/components/responses/Error' },
  '422': { $ref: '#/components/responses/Error' },
};

const param = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const dryRunParam = {
  name: 'dryRun',
  in: 'query',
  description:
    "`true`: the cluster validates the request (schema and admission, `dryRun=All`) and the answer shows the result, the patch against the live object and warnings; nothing is written.",
  schema: { type: 'boolean' },
};
const json = (ref: string) => ({
  content: { 'application/json': { schema: { $ref: ref } } },
});

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Operation {
  operationId: string;
  summary: string;
  tags?: string[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: unknown[];
  'x-ome-handler': OmeRouteHandler;
  'x-ome-permission': OmeRoutePermission;
  'x-ome-kind'?: OmeKind;
}

function kindPaths(info: OmeKindInfo): Record<string, Record<string, Operation>> {
  const { kind, plural, namespaced } = info;
  const Kind = kind;
  const scope = namespaced
    ? '/clusters/{cluster}/namespaces/{namespace}'
    : '/clusters/{cluster}';
  const scopeParams = [
    param('cluster', 'Cluster name as the kubernetes backend knows it'),
    ...(namespaced ? [param('namespace', 'Namespace')] : []),
  ];
  const objectParams = [...scopeParams, param('name', `${kind} name`)];
  const common = { tags: [kind], 'x-ome-kind': kind };
  const item = '#/components/schemas/ListItem';
  const write = '#/components/schemas/WriteResult';
  const ofKind = `${kind} object (apiVersion ome.io/v1beta1)`;
  return {
    [`/${plural}`]: {
      get: {
        ...common,
        operationId: `list${pascal(plural)}`,
        summary: `List ${kind} objects across clusters (filtered, sorted, paged after permission filtering)`,
        parameters: [{ $ref: '#/components/parameters/ListCluster' }, ...(namespaced ? [{ $ref: '#/components/parameters/ListNamespace' }] : []), { $ref: '#/components/parameters/LabelSelector' }, { $ref: '#/components/parameters/Search' }, { $ref: '#/components/parameters/Sort' }, { $ref: '#/components/parameters/Order' }, { $ref: '#/components/parameters/Offset' }, { $ref: '#/components/parameters/Limit' }],
        responses: { '200': { description: 'The page', ...json('#/components/schemas/ListResponse') }, ...errorResponses },
        'x-ome-handler': 'list',
        'x-ome-permission': 'read',
      },
    },
    [`${scope}/${plural}`]: {
      post: {
        ...common,
        operationId: `create${Kind}`,
        summary: `Create a ${kind}`,
        parameters: [...scopeParams, dryRunParam],
        requestBody: { required: true, description: ofKind, ...json('#/components/schemas/KubernetesObject') },
        responses: { '201': { description: 'Created (or, dry run, would be)', ...json(write) }, ...writeErrorResponses },
        'x-ome-handler': 'create',
        'x-ome-permission': 'create',
      },
    },
    [`${scope}/${plural}/{name}`]: {
      get: {
        ...common,
        operationId: `get${Kind}`,
        summary: `Get one ${kind} (secrets redacted)`,
        parameters: objectParams,
        responses: { '200': { description: 'The object', ...json(item) }, ...objectErrorResponses },
        'x-ome-handler': 'get',
        'x-ome-permission': 'read',
      },
      put: {
        ...common,
        operationId: `update${Kind}`,
        summary: `Update a ${kind}: the edited object with the resourceVersion it was read at; only the fields that differ from the live object change`,
        parameters: [...objectParams, dryRunParam],
        requestBody: { required: true, description: ofKind, ...json('#/components/schemas/KubernetesObject') },
        responses: { '200': { description: 'Updated, unchanged or (dry run) the would-be result', ...json(write) }, ...writeErrorResponses },
        'x-ome-handler': 'update',
        'x-ome-permission': 'update',
      },
      delete: {
        ...common,
        operationId: `delete${Kind}`,
        summary: `Delete a ${kind}`,
        parameters: [...objectParams, dryRunParam, { name: 'resourceVersion', in: 'query', description: 'Delete only if the object is still at this version (else 409)', schema: { type: 'string' } }],
        responses: { '200': { description: 'Deleted (or, dry run, would be)', ...json(write) }, ...writeErrorResponses },
        'x-ome-handler': 'delete',
        'x-ome-permission': 'delete',
      },
    },
    [`${scope}/${plural}/{name}/clone`]: {
      post: {
        ...common,
        operationId: `clone${Kind}`,
        summary: `Copy a ${kind} under a new name (optionally to another cluster or namespace)`,
        parameters: [...objectParams],
        requestBody: { required: true, ...json('#/components/schemas/CloneRequest') },
        responses: { '201': { description: 'The copy', ...json(write) }, ...writeErrorResponses },
        'x-ome-handler': 'clone',
        'x-ome-permission': 'create',
      },
    },
  };
}

const looseObject = { type: 'object', additionalProperties: true };

/**
 * The OME backend's OpenAPI document: the route table the router is built from.
 * @public
 */
export const omeOpenApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'ome',
    version: '1',
    description:
      'OME resources (ome.io/v1beta1) across the clusters of the kubernetes backend plugin. Every route but /health requires a Backstage user or service token and a permission decision.',
    license: { name: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: {
      JWT: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    },
    parameters: {
      ListCluster: { name: 'cluster', in: 'query', description: 'Only these clusters (repeatable)', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true },
      ListNamespace: { name: 'namespace', in: 'query', description: 'Only these namespaces (repeatable)', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true },
      LabelSelector: { name: 'labelSelector', in: 'query', description: 'Kubernetes label selector', schema: { type: 'string' } },
      Search: { name: 'search', in: 'query', description: 'Case-insensitive text in name, namespace or columns', schema: { type: 'string' } },
      Sort: { name: 'sort', in: 'query', description: "Column id of the kind (ome-common's omeColumns)", schema: { type: 'string' } },
      Order: { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
      Offset: { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
      Limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
    },
    responses: {
      Error: {
        description: "Backstage's error body, with OME details (fieldErrors, rejectedBy, live, warnings, cluster) where they apply",
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
    schemas: {
      KubernetesObject: {
        type: 'object',
        required: ['apiVersion', 'kind', 'metadata'],
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: looseObject,
          spec: looseObject,
          status: looseObject,
        },
        additionalProperties: true,
      },
      ListItem: {
        type: 'object',
        required: ['cluster', 'object'],
        properties: {
          cluster: { type: 'string' },
          object: { $ref: '#/components/schemas/KubernetesObject' },
          actions: { type: 'object', properties: { update: { type: 'boolean' }, delete: { type: 'boolean' } } },
        },
      },
      ClusterError: {
        type: 'object',
        required: ['cluster', 'reason', 'message'],
        properties: {
          cluster: { type: 'string' },
          reason: { type: 'string', enum: ['unreachable', 'forbidden', 'not-installed', 'error'] },
          message: { type: 'string' },
          statusCode: { type: 'integer' },
        },
      },
      ListResponse: {
        type: 'object',
        required: ['items', 'totalCount', 'offset', 'stats', 'errors', 'notInstalled'],
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/ListItem' } },
          totalCount: { type: 'integer' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
          stats: {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              byCluster: { type: 'object', additionalProperties: { type: 'integer' } },
              byState: { type: 'object', additionalProperties: { type: 'integer' } },
            },
          },
          errors: { type: 'array', items: { $ref: '#/components/schemas/ClusterError' } },
          notInstalled: { type: 'array', items: { type: 'string' } },
        },
      },
      PatchOperation: {
        type: 'object',
        required: ['op', 'path'],
        properties: {
          op: { type: 'string', enum: ['add', 'remove', 'replace'] },
          path: { type: 'string' },
          value: {},
          oldValue: {},
        },
      },
      WriteResult: {
        type: 'object',
        required: ['cluster', 'object', 'changed', 'dryRun', 'patch', 'warnings'],
        properties: {
          cluster: { type: 'string' },
          object: { $ref: '#/components/schemas/KubernetesObject' },
          changed: { type: 'boolean' },
          dryRun: { type: 'boolean' },
          patch: { type: 'array', items: { $ref: '#/components/schemas/PatchOperation' } },
          warnings: { type: 'array', items: { type: 'string' } },
        },
      },
      CloneRequest: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          cluster: { type: 'string' },
          namespace: { type: 'string' },
          dryRun: { type: 'boolean' },
        },
      },
      CreateDecision: {
        type: 'object',
        required: ['allowed', 'conditional'],
        properties: {
          allowed: { type: 'boolean' },
          conditional: { type: 'boolean', description: 'The policy decided with conditions (e.g. only some namespaces)' },
          reason: { type: 'string', description: 'Why not, when not allowed' },
        },
      },
      ImportRequest: {
        type: 'object',
        required: ['cluster', 'yaml'],
        properties: {
          cluster: { type: 'string' },
          namespace: { type: 'string' },
          yaml: { type: 'string' },
          dryRun: { type: 'boolean' },
        },
      },
      ImportResponse: {
        type: 'object',
        required: ['cluster', 'dryRun', 'applied', 'results'],
        properties: {
          cluster: { type: 'string' },
          dryRun: { type: 'boolean' },
          applied: { type: 'boolean' },
          results: { type: 'array', items: looseObject },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'response'],
        properties: {
          error: { type: 'object', properties: { name: { type: 'string' }, message: { type: 'string' } } },
          request: looseObject,
          response: { type: 'object', properties: { statusCode: { type: 'integer' } } },
          details: {
            type: 'object',
            properties: {
              fieldErrors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
              rejectedBy: { type: 'string', enum: ['schema', 'admission'] },
              live: { $ref: '#/components/schemas/KubernetesObject' },
              warnings: { type: 'array', items: { type: 'string' } },
              cluster: { type: 'string' },
            },
          },
        },
      },
    },
  },
  security: [{ JWT: [] }],
  paths: {
    '/health': {
      get: {
        operationId: 'getHealth',
        summary: 'Liveness (no credentials needed)',
        security: [],
        responses: { '200': { description: 'ok' } },
        'x-ome-handler': 'health',
        'x-ome-permission': 'none',
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This document',
        responses: { '200': { description: 'OpenAPI 3 document' }, ...errorResponses },
        'x-ome-handler': 'openapi',
        'x-ome-permission': 'read',
      },
    },
    '/clusters': {
      get: {
        operationId: 'listClusters',
        summary: 'Clusters with reachability, version and the OME kinds (and versions) each serves',
        responses: { '200': { description: 'Clusters' }, ...errorResponses },
        'x-ome-handler': 'listClusters',
        'x-ome-permission': 'read',
      },
    },
    '/namespaces': {
      get: {
        operationId: 'listNamespaces',
        summary: 'Namespaces of every cluster (or of the given ones), with labels',
        parameters: [{ $ref: '#/components/parameters/ListCluster' }],
        responses: { '200': { description: 'Namespaces' }, ...errorResponses },
        'x-ome-handler': 'listNamespaces',
        'x-ome-permission': 'read',
      },
    },
    '/permissions/create': {
      get: {
        operationId: 'mayCreate',
        summary:
          "May the caller create an object of this kind here? Answers the caller's create decision (200 with allowed false, never 403), for showing or hiding create actions. A decision with conditions on the object's own labels is made again on the object itself when it is created.",
        parameters: [
          { name: 'kind', in: 'query', required: true, description: 'OME kind, e.g. InferenceService', schema: { type: 'string' } },
          { name: 'cluster', in: 'query', required: true, description: 'Cluster name', schema: { type: 'string' } },
          { name: 'namespace', in: 'query', description: 'Namespace (namespaced kinds only; required for them)', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'The decision', ...json('#/components/schemas/CreateDecision') }, ...errorResponses },
        'x-ome-handler': 'mayCreate',
        'x-ome-permission': 'create',
      },
    },
    '/import': {
      post: {
        operationId: 'importYaml',
        summary: 'Create or update the OME objects (and Namespaces) of a multi-document YAML: all or nothing, a result per document; Secrets refused',
        requestBody: { required: true, ...json('#/components/schemas/ImportRequest') },
        responses: { '200': { description: 'Per-document results', ...json('#/components/schemas/ImportResponse') }, ...writeErrorResponses },
        'x-ome-handler': 'import',
        'x-ome-permission': 'create',
      },
    },
    ...Object.assign({}, ...OME_KINDS.map(kindPaths)),
  } as Record<string, Record<string, Operation>>,
};

/**
 * The operations of {@link omeOpenApiDocument}, flattened for the router and for suites
 * generated from it.
 * @public
 */
export function omeRoutes(): OmeRoute[] {
  const routes: OmeRoute[] = [];
  for (const [path, operations] of Object.entries(omeOpenApiDocument.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      routes.push({
        method: method as OmeRoute['method'],
        path,
        expressPath: path.replace(/\{([^}]+)\}/g, ':$1'),
        operationId: op.operationId,
        handler: op['x-ome-handler'],
        permission: op['x-ome-permission'],
        ...(op['x-ome-kind'] && { kind: op['x-ome-kind'] }),
        body: !!op.requestBody,
      });
    }
  }
  return routes;
}
