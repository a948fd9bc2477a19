/**
 * The OME backend plugin: OME (Open Model Engine) resources across Kubernetes clusters,
 * reached through the Backstage kubernetes backend plugin.
 *
 * @packageDocumentation
 */
export { omePlugin as default } from './plugin';
export {
  omeResourcePermissionResourceRef,
  omePermissionRules,
  omeConditions,
  createOmeConditionalDecision,
} from './permissions/rules';
export type {
  OmeResourceQuery,
  OmePermissionResource,
} from './permissions/rules';
export { OmeExamplePolicy } from './permissions/examplePolicy';
export type { OmeExamplePolicyOptions } from './permissions/examplePolicy';
