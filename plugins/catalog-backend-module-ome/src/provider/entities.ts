import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ComponentEntity,
  Entity,
  ResourceEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  KubernetesObject,
  OmeKind,
  omeObjectPagePath,
} from '@ome-console/plugin-ome-common';
import { omeEntityName } from './entityName';
import { OmeProviderConfig } from './config';

/**
 * The annotation naming the InferenceServices behind a component, which the OME entity tab
 * reads: comma-separated `<cluster>/<namespace>/<name>`.
 * @public
 */
export const OME_INFERENCE_SERVICES_ANNOTATION = 'ome.io/inference-services';

/** One object read from the OME backend, with the cluster it came from. */
export interface OmeClusterObject {
  cluster: string;
  object: KubernetesObject;
}

type EntityOptions = Pick<
  OmeProviderConfig,
  'ownerAnnotation' | 'ownerLabel' | 'defaultOwner' | 'lifecycle' | 'consoleUrl'
>;

function ownerOf(object: KubernetesObject, options: EntityOptions): string {
  return (
    object.metadata.annotations?.[options.ownerAnnotation] ||
    object.metadata.labels?.[options.ownerLabel] ||
    options.defaultOwner
  );
}

/** The annotations and links every OME entity carries. */
function commonMetadata(
  kind: OmeKind,
  item: OmeClusterObject,
  options: EntityOptions,
) {
  const { name, namespace } = item.object.metadata;
  const pageUrl = `${options.consoleUrl}${omeObjectPagePath({
    kind,
    cluster: item.cluster,
    namespace,
    name,
  })}`;
  // The OME page is where the object lives for Backstage: the location annotations the
  // catalog requires point there (the catalog never reads them back for provider entities).
  const location = `url:${pageUrl}`;
  return {
    name: omeEntityName({ cluster: item.cluster, namespace, name }),
    namespace: 'default',
    title: name,
    annotations: {
      [ANNOTATION_LOCATION]: location,
      [ANNOTATION_ORIGIN_LOCATION]: location,
      'backstage.io/kubernetes-cluster': item.cluster,
      ...(namespace && { 'backstage.io/kubernetes-namespace': namespace }),
    },
    links: [{ url: pageUrl, title: `${kind} in the OME console` }],
    tags: ['ome'],
  };
}

/** A model as a Resource of type `ai-model`. */
export function modelEntity(
  kind: 'BaseModel' | 'ClusterBaseModel',
  item: OmeClusterObject,
  options: EntityOptions,
): ResourceEntity {
  const spec = (item.object.spec ?? {}) as Record<string, unknown>;
  const facts = [spec.vendor, spec.modelParameterSize, spec.modelArchitecture]
    .filter(v => typeof v === 'string' && v)
    .join(', ');
  const where = item.object.metadata.namespace
    ? `namespace ${item.object.metadata.namespace} of cluster ${item.cluster}`
    : `cluster ${item.cluster}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      ...commonMetadata(kind, item, options),
      description: `OME ${kind} in ${where}${facts ? ` (${facts})` : ''}`,
    },
    spec: { type: 'ai-model', owner: ownerOf(item.object, options) },
  };
}

/**
 * The entity ref of the model an InferenceService serves. Like OME, a BaseModel of that name
 * in the service's namespace wins over a ClusterBaseModel (the CRD defaults
 * `spec.model.kind` to ClusterBaseModel, so the kind alone does not tell).
 */
function modelRefOf(
  item: OmeClusterObject,
  hasBaseModel: (cluster: string, namespace: string, name: string) => boolean,
): string | undefined {
  const model = (
    item.object.spec as { model?: { name?: string; kind?: string } }
  )?.model;
  if (!model?.name) return undefined;
  const namespace = item.object.metadata.namespace!;
  const namespaced =
    model.kind === 'BaseModel' ||
    hasBaseModel(item.cluster, namespace, model.name);
  return stringifyEntityRef({
    kind: 'resource',
    namespace: 'default',
    name: omeEntityName({
      cluster: item.cluster,
      namespace: namespaced ? namespace : undefined,
      name: model.name,
    }),
  });
}

/** An InferenceService as a Component of type `model-server`, depending on its model. */
export function inferenceServiceEntity(
  item: OmeClusterObject,
  options: EntityOptions,
  hasBaseModel: (cluster: string, namespace: string, name: string) => boolean,
): ComponentEntity {
  const { name, namespace } = item.object.metadata;
  const metadata = commonMetadata('InferenceService', item, options);
  const modelRef = modelRefOf(item, hasBaseModel);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      ...metadata,
      description: `OME InferenceService in namespace ${namespace} of cluster ${item.cluster}`,
      annotations: {
        ...metadata.annotations,
        [OME_INFERENCE_SERVICES_ANNOTATION]: `${item.cluster}/${namespace}/${name}`,
      },
    },
    spec: {
      type: 'model-server',
      lifecycle: options.lifecycle,
      owner: ownerOf(item.object, options),
      ...(modelRef && { dependsOn: [modelRef] }),
    },
  };
}

/** All entities of one refresh: models first, then the services that depend on them. */
export function omeEntities(
  objects: Partial<Record<OmeKind, OmeClusterObject[]>>,
  options: EntityOptions,
): Entity[] {
  const baseModels = new Set(
    (objects.BaseModel ?? []).map(i =>
      JSON.stringify([
        i.cluster,
        i.object.metadata.namespace,
        i.object.metadata.name,
      ]),
    ),
  );
  const hasBaseModel = (cluster: string, namespace: string, name: string) =>
    baseModels.has(JSON.stringify([cluster, namespace, name]));
  return [
    ...(objects.ClusterBaseModel ?? []).map(i =>
      modelEntity('ClusterBaseModel', i, options),
    ),
    ...(objects.BaseModel ?? []).map(i => modelEntity('BaseModel', i, options)),
    ...(objects.InferenceService ?? []).map(i =>
      inferenceServiceEntity(i, options, hasBaseModel),
    ),
  ];
}
