import type { OmePatchOperation } from './api';
import type { KubernetesObject } from './types';
import {
  applyPatch,
  deepEqual,
  diffObjects,
  getAtPath,
  jsonPointer,
  parseJsonPointer,
  setAtPath,
} from './patch';

/**
 * Metadata that the apiserver changes on every write. An edit never "changes" these:
 * the rebased object takes them from the live object (its resourceVersion above all, so
 * the next save is checked against what the user has now seen).
 */
const SERVER_OWNED = [
  ['metadata', 'resourceVersion'],
  ['metadata', 'generation'],
  ['metadata', 'managedFields'],
  ['metadata', 'uid'],
  ['metadata', 'creationTimestamp'],
  ['status'],
].map(p => jsonPointer(p));

function isServerOwned(path: string): boolean {
  return SERVER_OWNED.some(p => path === p || path.startsWith(`${p}/`));
}

/** Whether one JSON pointer is the other or lies inside it. */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`) || a === '' || b === '';
}

/**
 * One place where the user and another writer both changed the object since the user
 * loaded it. Both values are kept so the user can choose; `undefined` means "removed".
 * @public
 */
export interface OmeEditConflict {
  /** JSON pointer of the field both changed, e.g. `/spec/modelSizeRange/max`. */
  path: string;
  /** The value when the user loaded the object. */
  base: unknown;
  /** The live value, written by the other writer. */
  theirs: unknown;
  /** The user's value. */
  mine: unknown;
}

/** The user's edits re-applied onto the live object. @public */
export interface OmeRebasedEdit {
  /**
   * The live object with the user's edits that do not collide with the other writer's.
   * At every conflict it holds the live ("theirs") value until the user chooses.
   */
  object: KubernetesObject;
  /** The user's own edits (loaded object to draft), as re-applied. */
  edits: OmePatchOperation[];
  /** The fields both changed to different values. */
  conflicts: OmeEditConflict[];
}

/**
 * Re-applies the user's own edits (`base` → `draft`) onto `live`, the object another writer
 * changed in the meantime, instead of keeping the whole stale draft (which would revert
 * the other writer's changes). An edit that touches a field the other writer also changed
 * (the same path, or one inside the other) to a different value is a conflict: the result
 * keeps the live value there and reports both, for {@link chooseConflictValue}.
 * Server-owned metadata and `status` come from `live`.
 * @public
 */
export function rebaseEdits(
  base: KubernetesObject,
  draft: KubernetesObject,
  live: KubernetesObject,
): OmeRebasedEdit {
  const edits = diffObjects(base, draft).filter(op => !isServerOwned(op.path));
  const theirs = diffObjects(base, live)
    .filter(op => !isServerOwned(op.path))
    .map(op => op.path);

  const conflictPaths: string[] = [];
  let object = live;
  for (const edit of edits) {
    const collisions = theirs.filter(t => overlaps(t, edit.path));
    if (collisions.length === 0) {
      try {
        object = applyPatch(object, [edit]);
        continue;
      } catch {
        // the path no longer resolves in the live object: treat it as a conflict below
      }
    }
    // The conflict covers the widest of the colliding changes, so "theirs" and "mine" are
    // whole values (e.g. an array the other writer resized and the user edited inside).
    const path = [edit.path, ...collisions].reduce((a, b) => (b.length < a.length ? b : a));
    conflictPaths.push(path);
  }

  const conflicts: OmeEditConflict[] = [];
  for (const path of conflictPaths) {
    // a wider conflict already covers this one
    if (conflictPaths.some(p => p !== path && overlaps(p, path) && p.length < path.length)) continue;
    if (conflicts.some(c => c.path === path)) continue;
    const tokens = parseJsonPointer(path);
    const mine = getAtPath(draft, tokens);
    const theirsValue = getAtPath(live, tokens);
    if (deepEqual(mine, theirsValue)) continue; // both made the same change
    conflicts.push({ path, base: getAtPath(base, tokens), theirs: theirsValue, mine });
  }
  return { object, edits, conflicts };
}

/**
 * Puts one side of a conflict into `object` (a draft built from {@link rebaseEdits}):
 * only that field changes, so other edits made since are kept.
 * @public
 */
export function chooseConflictValue<T>(
  object: T,
  conflict: OmeEditConflict,
  side: 'theirs' | 'mine',
): T {
  const value = side === 'mine' ? conflict.mine : conflict.theirs;
  const tokens = parseJsonPointer(conflict.path);
  if (tokens.length === 0) return value as T;
  return setAtPath(object, tokens, value);
}
