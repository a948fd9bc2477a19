import { KubernetesObject } from '@ome-console/plugin-ome-common';

/** One difference the store took in (cluster and kind are added by its owner). */
export interface StoreChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubernetesObject;
  resourceVersion: string;
}

/** The store's key of an object: `namespace/name` (`/name` when cluster-scoped). */
export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function keyOf(object: KubernetesObject): string {
  return objectKey(object.metadata?.namespace, object.metadata?.name ?? '');
}

/**
 * The objects of one kind in one cluster, each stored once (already in stored form), and
 * the differences each watch event or relist makes. An object is "the same" when its
 * resourceVersion is equal (resourceVersions are only compared for equality), so a resync
 * or a relist of unchanged objects yields no change at all.
 */
export class KindStore {
  readonly #objects = new Map<string, KubernetesObject>();

  get size(): number {
    return this.#objects.size;
  }

  get(
    namespace: string | undefined,
    name: string,
  ): KubernetesObject | undefined {
    return this.#objects.get(objectKey(namespace, name));
  }

  values(): KubernetesObject[] {
    return [...this.#objects.values()];
  }

  /** Adds or replaces one object (ADDED or MODIFIED); undefined when it is already stored. */
  put(object: KubernetesObject): StoreChange | undefined {
    const key = keyOf(object);
    const before = this.#objects.get(key);
    const resourceVersion = object.metadata?.resourceVersion ?? '';
    if (before && before.metadata?.resourceVersion === resourceVersion) {
      return undefined;
    }
    this.#objects.set(key, object);
    return { type: before ? 'MODIFIED' : 'ADDED', object, resourceVersion };
  }

  /**
   * Removes one object; undefined when it was not stored. `resourceVersion`: the deletion's
   * (the watch event's), the object's own when not given.
   */
  remove(
    object: KubernetesObject,
    resourceVersion?: string,
  ): StoreChange | undefined {
    const key = keyOf(object);
    const before = this.#objects.get(key);
    if (!before) return undefined;
    this.#objects.delete(key);
    return {
      type: 'DELETED',
      object: before,
      resourceVersion:
        resourceVersion ?? object.metadata?.resourceVersion ?? '',
    };
  }

  /**
   * Replaces everything with a fresh list and answers only the differences: objects gone
   * (DELETED, with the list's resourceVersion), new ones (ADDED) and changed ones (MODIFIED).
   */
  replace(objects: KubernetesObject[], listVersion: string): StoreChange[] {
    const changes: StoreChange[] = [];
    const fresh = new Set<string>();
    for (const object of objects) fresh.add(keyOf(object));
    for (const [key, before] of this.#objects) {
      if (!fresh.has(key)) {
        this.#objects.delete(key);
        changes.push({
          type: 'DELETED',
          object: before,
          resourceVersion: listVersion,
        });
      }
    }
    for (const object of objects) {
      const change = this.put(object);
      if (change) changes.push(change);
    }
    return changes;
  }

  /** Empties the store (the kind went away); every object gone is a DELETED change. */
  clear(resourceVersion: string): StoreChange[] {
    return this.replace([], resourceVersion);
  }
}
