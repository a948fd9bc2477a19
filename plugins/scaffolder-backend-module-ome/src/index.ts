/**
 * Scaffolder backend module for OME: template actions that create InferenceServices and
 * models through the OME backend, as the user who runs the template.
 *
 * @packageDocumentation
 */
export { scaffolderModuleOme as default } from './module';
