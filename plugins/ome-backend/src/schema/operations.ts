import {
  OmeKind,
  omeKindByPlural,
  omeOpenApiSpec,
} from '@ome-console/plugin-ome-common';

/**
 * Which permission an operation decides (`x-ome-permission` in the document): the resource
 * permission of that action, `operational` for `ome.resource.operational.read` (pods, events,
 * logs, model progress), or `none` for the open health route.
 * @public
 */
export type OmeOperationPermission =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'operational'
  | 'none';

/**
 * One operation of the OME backend's OpenAPI document, with a path parameter over the kinds
 * (`{plural}`, `{clusterPlural}`, `{namespacedPlural}`) expanded to one entry per kind.
 * @public
 */
export interface OmeOperation {
  /** HTTP method, lower case. */
  method: 'get' | 'post' | 'put' | 'delete';
  /** The document's path, e.g. `/clusters/{cluster}/{clusterPlural}/{name}`. */
  template: string;
  /** The path with the kind's plural filled in, e.g. `/clusters/{cluster}/clusterbasemodels/{name}`. */
  path: string;
  operationId: string;
  /** The kind the operation concerns (operations with a plural parameter). */
  kind?: OmeKind;
  permission: OmeOperationPermission;
  /** Whether the request has a JSON body. */
  body: boolean;
}

const PLURAL_PARAMETERS = ['plural', 'clusterPlural', 'namespacedPlural'];

/** The enum of a path parameter's schema, following one `$ref` into the components. */
function enumOf(template: string, parameter: string): readonly string[] {
  const name = {
    plural: 'Plural',
    clusterPlural: 'ClusterScopedPlural',
    namespacedPlural: 'NamespacedPlural',
  }[parameter];
  const schema = (
    omeOpenApiSpec.components.schemas as Record<
      string,
      { enum?: readonly string[] }
    >
  )[name ?? ''];
  if (!schema?.enum) {
    throw new Error(`${template}: no enum for path parameter {${parameter}}`);
  }
  return schema.enum;
}

/**
 * Every operation of the document, per kind where the path has a plural parameter: the
 * route table the permission matrix and the route test are generated from.
 * @public
 */
export function omeOperations(): OmeOperation[] {
  const operations: OmeOperation[] = [];
  const paths = omeOpenApiSpec.paths as Record<
    string,
    Record<
      string,
      {
        operationId: string;
        'x-ome-permission': OmeOperationPermission;
        requestBody?: unknown;
      }
    >
  >;
  for (const [template, methods] of Object.entries(paths)) {
    const parameter = PLURAL_PARAMETERS.find(p => template.includes(`{${p}}`));
    const plurals = parameter ? enumOf(template, parameter) : [undefined];
    for (const [method, op] of Object.entries(methods)) {
      for (const plural of plurals) {
        const kind = plural ? omeKindByPlural(plural)?.kind : undefined;
        if (plural && !kind)
          throw new Error(`${template}: unknown plural ${plural}`);
        operations.push({
          method: method as OmeOperation['method'],
          template,
          path: plural ? template.replace(`{${parameter}}`, plural) : template,
          operationId: op.operationId,
          ...(kind && { kind }),
          permission: op['x-ome-permission'],
          body: !!op.requestBody,
        });
      }
    }
  }
  return operations;
}
