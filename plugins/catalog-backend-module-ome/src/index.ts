/**
 * Catalog backend module for OME: InferenceServices as Components (`model-server`) and
 * models as Resources (`ai-model`), per cluster, read through the OME backend.
 *
 * @packageDocumentation
 */
export { catalogModuleOme as default } from './module';
export { OME_INFERENCE_SERVICES_ANNOTATION } from './provider/entities';
