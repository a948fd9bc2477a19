import { OmeObjectRef } from './kinds';

/**
 * The catalog annotation naming the InferenceServices behind an entity: comma-separated
 * `<cluster>/<namespace>/<name>` refs, e.g.
 * `ome.io/inference-services: prod-a/team-a/chat, prod-b/team-a/chat`.
 * @public
 */
export const OME_INFERENCE_SERVICES_ANNOTATION = 'ome.io/inference-services';

/**
 * Backstage's standard Kubernetes annotations, which the OME entity tab understands too:
 * services labelled `backstage.io/kubernetes-id=<id>`, or matching a label selector, or
 * (alone) every service of a namespace; `kubernetes-cluster` narrows to one cluster.
 * @public
 */
export const BACKSTAGE_KUBERNETES_ANNOTATIONS = {
  id: 'backstage.io/kubernetes-id',
  labelSelector: 'backstage.io/kubernetes-label-selector',
  namespace: 'backstage.io/kubernetes-namespace',
  cluster: 'backstage.io/kubernetes-cluster',
} as const;

/** The label Backstage's kubernetes plugin (and the OME tab) finds objects by. @public */
export const BACKSTAGE_KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

/** One InferenceService as an annotation ref. @public */
export function formatInferenceServiceRef(ref: {
  cluster: string;
  namespace: string;
  name: string;
}): string {
  return `${ref.cluster}/${ref.namespace}/${ref.name}`;
}

/** What `parseInferenceServiceRefs` makes of an annotation value. @public */
export interface ParsedInferenceServiceRefs {
  refs: OmeObjectRef[];
  /** Parts that are not `<cluster>/<namespace>/<name>`, as written. */
  invalid: string[];
}

/**
 * Reads the value of `ome.io/inference-services`: comma-separated (whitespace around a ref is
 * ignored; duplicates are kept once) `<cluster>/<namespace>/<name>` refs.
 * @public
 */
export function parseInferenceServiceRefs(
  value: string | undefined,
): ParsedInferenceServiceRefs {
  const refs: OmeObjectRef[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const raw of (value ?? '').split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const pieces = part.split('/');
    if (pieces.length !== 3 || pieces.some(p => !p.trim())) {
      invalid.push(part);
      continue;
    }
    const [cluster, namespace, name] = pieces.map(p => p.trim());
    const key = `${cluster}/${namespace}/${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ cluster, kind: 'InferenceService', namespace, name });
  }
  return { refs, invalid };
}

/** How an entity's InferenceServices are found, from its annotations. @public */
export interface EntityInferenceServiceQuery {
  /** Named by `ome.io/inference-services`. */
  refs: OmeObjectRef[];
  /** Parts of that annotation that are not refs. */
  invalid: string[];
  /**
   * A list query from Backstage's Kubernetes annotations, when they say anything: a label
   * selector (`kubernetes-id` or `kubernetes-label-selector`), a namespace, the clusters.
   */
  list?: { labelSelector?: string; namespace?: string; cluster?: string };
}

/**
 * Which InferenceServices an entity's annotations name (see
 * `OME_INFERENCE_SERVICES_ANNOTATION` and `BACKSTAGE_KUBERNETES_ANNOTATIONS`); undefined when
 * none of them is set, i.e. the entity has no OME tab.
 * @public
 */
export function entityInferenceServiceQuery(entity: {
  metadata?: { annotations?: Record<string, string> };
}): EntityInferenceServiceQuery | undefined {
  const a = entity?.metadata?.annotations ?? {};
  const str = (key: string) =>
    typeof a[key] === 'string' && a[key].trim() ? a[key].trim() : undefined;
  const own = str(OME_INFERENCE_SERVICES_ANNOTATION);
  const id = str(BACKSTAGE_KUBERNETES_ANNOTATIONS.id);
  const selector = str(BACKSTAGE_KUBERNETES_ANNOTATIONS.labelSelector);
  const namespace = str(BACKSTAGE_KUBERNETES_ANNOTATIONS.namespace);
  const cluster = str(BACKSTAGE_KUBERNETES_ANNOTATIONS.cluster);
  if (!own && !id && !selector && !namespace) return undefined;
  const { refs, invalid } = parseInferenceServiceRefs(own);
  // As Backstage's kubernetes plugin: an explicit label selector wins over the id.
  const labelSelector =
    selector ?? (id ? `${BACKSTAGE_KUBERNETES_ID_LABEL}=${id}` : undefined);
  const list =
    labelSelector || namespace
      ? {
          ...(labelSelector && { labelSelector }),
          ...(namespace && { namespace }),
          ...(cluster && { cluster }),
        }
      : undefined;
  return { refs, invalid, ...(list && { list }) };
}

/** Whether an entity names OME InferenceServices in any of the annotations the tab reads. @public */
export function isOmeAvailable(entity: {
  metadata?: { annotations?: Record<string, string> };
}): boolean {
  return entityInferenceServiceQuery(entity) !== undefined;
}
