/**
 * Isomorphic OME types, schemas, permissions and domain logic shared by the OME
 * Backstage plugins.
 *
 * @packageDocumentation
 */
export * from './kinds';
export * from './types';
export * from './models';
export * from './permissions';
export * from './api';
export * from './names';
export * from './schemas';
export * from './patch';
export * from './rebase';
export * from './yaml';
export * from './yamlNesting';
export * from './columns';
export * from './forms';
export * from './stream';
export * from './operate';
export * from './services';
export * from './deploy';
export * from './attention';
export * from './entity';
export * from './deploy';
export { spec as omeOpenApiSpec } from './schema/openapi.generated';
export type {
  paths as OmeApiPaths,
  components as OmeApiComponents,
  operations as OmeApiOperations,
} from './schema/openapi.types.generated';
export * from './huggingface';
export * from './runtimeSelection';
