import type { OmePatchOperation } from './api';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of JSON values; key order of objects is irrelevant. @public */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => deepEqual(v, b[i]))
    );
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter(k => a[k] !== undefined);
    const kb = Object.keys(b).filter(k => b[k] !== undefined);
    return (
      ka.length === kb.length &&
      ka.every(
        k =>
          Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]),
      )
    );
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

/** Encodes a path as a JSON pointer (`~` → `~0`, `/` → `~1`). @public */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path
    .map(p => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** Decodes a JSON pointer into its reference tokens (`''` is the whole document). @public */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw new Error(
      `Invalid JSON pointer "${pointer}": must be empty or start with "/"`,
    );
  }
  return pointer
    .slice(1)
    .split('/')
    .map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `path`, or undefined when any step is missing. @public */
export function getAtPath(
  object: unknown,
  path: readonly (string | number)[],
): unknown {
  let cur: unknown = object;
  for (const key of path) {
    if (Array.isArray(cur)) {
      const i = typeof key === 'number' ? key : Number(key);
      if (!Number.isInteger(i) || String(i) !== String(key)) return undefined;
      cur = cur[i];
    } else if (isPlainObject(cur)) {
      const k = String(key);
      if (!Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
      cur = cur[k];
    } else {
      return undefined;
    }
  }
  return cur;
}

/**
 * Returns a copy of `object` with `value` at `path` (only the containers along the path are
 * copied; key order is kept). Missing intermediate objects are created. `value === undefined`
 * removes the key, and intermediate objects that this call created are not left behind empty.
 * @public
 */
export function setAtPath<T>(
  object: T,
  path: readonly (string | number)[],
  value: unknown,
): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(object)) {
    const i = Number(head);
    if (!Number.isInteger(i) || i < 0 || i > object.length) {
      throw new Error(`Invalid array index "${String(head)}"`);
    }
    if (value === undefined && rest.length === 0) {
      return object.filter((_, j) => j !== i) as unknown as T;
    }
    if (value === undefined && object[i] === undefined) return object;
    const copy = [...object];
    copy[i] = setAtPath(object[i], rest, value);
    return copy as unknown as T;
  }
  const base: Record<string, unknown> = isPlainObject(object) ? object : {};
  const key = String(head);
  const exists = Object.prototype.hasOwnProperty.call(base, key);
  if (value === undefined) {
    if (!exists) return object;
    if (rest.length === 0) {
      const { [key]: _removed, ...others } = base;
      return others as T;
    }
    const child = setAtPath(base[key], rest, undefined);
    if (child === base[key]) return object;
    return { ...base, [key]: child } as T;
  }
  const child = setAtPath(exists ? base[key] : undefined, rest, value);
  return { ...base, [key]: child } as T;
}

/**
 * A JSON patch that turns `before` into `after`: recurses into objects and into arrays of
 * equal length; other arrays and values are replaced whole. `oldValue` carries the replaced
 * or removed value for display.
 * @public
 */
export function diffObjects(
  before: unknown,
  after: unknown,
): OmePatchOperation[] {
  const ops: OmePatchOperation[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]) => {
    if (deepEqual(a, b)) return;
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const k of Object.keys(a)) {
        if (a[k] === undefined) continue;
        if (!Object.prototype.hasOwnProperty.call(b, k) || b[k] === undefined) {
          ops.push({
            op: 'remove',
            path: jsonPointer([...path, k]),
            oldValue: a[k],
          });
        } else {
          walk(a[k], b[k], [...path, k]);
        }
      }
      for (const k of Object.keys(b)) {
        if (b[k] === undefined) continue;
        if (!Object.prototype.hasOwnProperty.call(a, k) || a[k] === undefined) {
          ops.push({ op: 'add', path: jsonPointer([...path, k]), value: b[k] });
        }
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((v, i) => walk(v, b[i], [...path, i]));
      return;
    }
    ops.push({ op: 'replace', path: jsonPointer(path), value: b, oldValue: a });
  };
  walk(before, after, []);
  return ops;
}

function applyOne(target: unknown, op: OmePatchOperation): unknown {
  const path = parseJsonPointer(op.path);
  if (path.length === 0) {
    if (op.op === 'remove') throw new Error('Cannot remove the whole document');
    return op.value;
  }
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = getAtPath(target, parentPath);
  const where = `${op.op} ${op.path}`;
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    const max = op.op === 'add' ? parent.length : parent.length - 1;
    if (!/^(0|[1-9][0-9]*|-)$/.test(last) || i > max) {
      throw new Error(`Cannot ${where}: index "${last}" is out of bounds`);
    }
    const copy = [...parent];
    if (op.op === 'add') copy.splice(i, 0, op.value);
    else if (op.op === 'remove') copy.splice(i, 1);
    else copy[i] = op.value;
    return setAtPath(target, parentPath, copy);
  }
  if (!isPlainObject(parent)) {
    throw new Error(
      `Cannot ${where}: the parent ${
        jsonPointer(parentPath) || '/'
      } is not an object or array`,
    );
  }
  const exists = Object.prototype.hasOwnProperty.call(parent, last);
  if (op.op !== 'add' && !exists) {
    throw new Error(`Cannot ${where}: the path does not exist`);
  }
  if (op.op === 'remove') {
    const { [last]: _removed, ...others } = parent;
    return setAtPath(target, parentPath, others);
  }
  return setAtPath(target, parentPath, { ...parent, [last]: op.value });
}

/**
 * Applies JSON patch operations (add, remove, replace) without mutating `target`.
 * Throws an Error naming the operation when a path does not resolve.
 * @public
 */
export function applyPatch<T>(target: T, ops: readonly OmePatchOperation[]): T {
  let result: unknown = target;
  for (const op of ops) {
    if (op.op !== 'add' && op.op !== 'remove' && op.op !== 'replace') {
      throw new Error(
        `Unsupported patch operation "${String((op as { op: unknown }).op)}"`,
      );
    }
    result = applyOne(result, op);
  }
  return result as T;
}
