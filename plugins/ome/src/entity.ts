import { Entity } from '@backstage/catalog-model';
import type { FilterPredicate } from '@backstage/filter-predicates';
import { isOmeAvailable as namesInferenceServices } from '@ome-console/plugin-ome-common';

/**
 * Whether a catalog entity has the OME tab and card: it names InferenceServices with
 * `ome.io/inference-services` (`<cluster>/<namespace>/<name>`, comma-separated), or with
 * Backstage's `backstage.io/kubernetes-id`, `backstage.io/kubernetes-label-selector` or
 * `backstage.io/kubernetes-namespace` (`backstage.io/kubernetes-cluster` narrows them).
 * For `EntityLayout.Route if={isOmeAvailable}` (legacy frontend system).
 * @public
 */
export function isOmeAvailable(entity: Entity): boolean {
  return namesInferenceServices(entity);
}

/**
 * The same test as {@link isOmeAvailable}, as a filter predicate of the new frontend system
 * (the entity content's and card's default `filter`, which app-config can override).
 * Dotted keys resolve through `metadata.annotations` to the annotation's whole name
 * (a unit test holds it equal to `isOmeAvailable`).
 * @public
 */
export const omeEntityFilter: FilterPredicate = {
  $any: [
    { 'metadata.annotations.ome.io/inference-services': { $exists: true } },
    { 'metadata.annotations.backstage.io/kubernetes-id': { $exists: true } },
    {
      'metadata.annotations.backstage.io/kubernetes-label-selector': {
        $exists: true,
      },
    },
    {
      'metadata.annotations.backstage.io/kubernetes-namespace': {
        $exists: true,
      },
    },
  ],
};
