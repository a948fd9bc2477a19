import { createPermission } from '@backstage/plugin-permission-common';
import { OmeKind, OmeObjectRef } from './kinds';

/**
 * The permission resource type of every OME custom resource (all eight kinds, in every
 * cluster). Conditional decisions for it are resolved by the `ome` backend plugin.
 * @public
 */
export const OME_RESOURCE_TYPE = 'ome-resource';

/**
 * See (read and list) OME resources.
 * @public
 */
export const omeResourceReadPermission = createPermission({
  name: 'ome.resource.read',
  attributes: { action: 'read' },
  resourceType: OME_RESOURCE_TYPE,
});

/**
 * Create OME resources. Checked against the object about to be created.
 * @public
 */
export const omeResourceCreatePermission = createPermission({
  name: 'ome.resource.create',
  attributes: { action: 'create' },
  resourceType: OME_RESOURCE_TYPE,
});

/**
 * Update OME resources. Checked against both the stored and the updated object.
 * @public
 */
export const omeResourceUpdatePermission = createPermission({
  name: 'ome.resource.update',
  attributes: { action: 'update' },
  resourceType: OME_RESOURCE_TYPE,
});

/**
 * Delete OME resources.
 * @public
 */
export const omeResourceDeletePermission = createPermission({
  name: 'ome.resource.delete',
  attributes: { action: 'delete' },
  resourceType: OME_RESOURCE_TYPE,
});

/**
 * Read the operational data behind an OME resource: its pods, events and logs.
 * @public
 */
export const omeResourceOperationalReadPermission = createPermission({
  name: 'ome.resource.operational.read',
  attributes: { action: 'read' },
  resourceType: OME_RESOURCE_TYPE,
});

/**
 * Create a Secret with a model hub token (HuggingFace import of a gated model), separate
 * from creating the model: whoever holds it puts a credential into the cluster. A basic
 * permission; the model itself is decided by `ome.resource.create`.
 * @public
 */
export const omeSecretCreatePermission = createPermission({
  name: 'ome.secret.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the OME plugins.
 * @public
 */
export const omePermissions = [
  omeResourceReadPermission,
  omeResourceCreatePermission,
  omeResourceUpdatePermission,
  omeResourceDeletePermission,
  omeResourceOperationalReadPermission,
];

/** Stands for "no namespace" (cluster-scoped kinds); never a valid namespace name. */
const NO_NAMESPACE = '_';

/**
 * Formats the canonical resource ref of an OME object, the one string the OME plugins use as
 * a permission `resourceRef`:
 *
 * `cluster:<cluster>/namespace:<namespace or _>/kind:<Kind>/name:<name>`
 *
 * Every value is URI-component encoded (cluster names are free-form strings); `_` stands
 * for "cluster-scoped" and cannot clash with a namespace (namespaces are DNS-1123 labels).
 * Example: `cluster:ome-dev-a/namespace:_/kind:ClusterBaseModel/name:llama-3-8b`.
 * @public
 */
export function formatOmeResourceRef(parts: OmeObjectRef): string {
  const enc = encodeURIComponent;
  const ns = parts.namespace ? enc(parts.namespace) : NO_NAMESPACE;
  return `cluster:${enc(parts.cluster)}/namespace:${ns}/kind:${enc(
    parts.kind,
  )}/name:${enc(parts.name)}`;
}

const refPattern =
  /^cluster:([^/]+)\/namespace:([^/]+)\/kind:([^/]+)\/name:([^/]+)$/;

/**
 * Parses a ref made by {@link formatOmeResourceRef}; returns undefined when the string is not one.
 * The kind is not checked against the OME kinds here.
 * @public
 */
export function parseOmeResourceRef(
  ref: string,
): OmeObjectRef | undefined {
  const m = refPattern.exec(ref);
  if (!m) return undefined;
  try {
    const dec = decodeURIComponent;
    const namespace = m[2] === NO_NAMESPACE ? undefined : dec(m[2]);
    return {
      cluster: dec(m[1]),
      ...(namespace !== undefined && { namespace }),
      kind: dec(m[3]) as OmeKind,
      name: dec(m[4]),
    };
  } catch {
    return undefined; // malformed percent-encoding
  }
}
