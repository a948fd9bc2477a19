import {
  applyPatch,
  deepEqual,
  diffObjects,
  getAtPath,
  jsonPointer,
  parseJsonPointer,
  setAtPath,
} from './patch';

describe('json pointers', () => {
  it('escapes ~ and / and round-trips', () => {
    const path = ['metadata', 'labels', 'ome.io/a~b', 0];
    expect(jsonPointer(path)).toBe('/metadata/labels/ome.io~1a~0b/0');
    expect(parseJsonPointer(jsonPointer(path))).toEqual([
      'metadata',
      'labels',
      'ome.io/a~b',
      '0',
    ]);
    expect(parseJsonPointer('')).toEqual([]);
    expect(() => parseJsonPointer('spec')).toThrow(/start with "\/"/);
  });
});

describe('deepEqual', () => {
  it('ignores key order but not array order', () => {
    expect(
      deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }),
    ).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: 1 }, { a: '1' })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual({ a: undefined }, {})).toBe(true);
  });
});

describe('getAtPath / setAtPath', () => {
  const obj = { spec: { engine: { minReplicas: 1 }, list: [{ a: 1 }] }, z: 1 };

  it('reads tolerantly', () => {
    expect(getAtPath(obj, ['spec', 'list', 0, 'a'])).toBe(1);
    expect(
      getAtPath(obj, ['spec', 'engine', 'minReplicas', 'x']),
    ).toBeUndefined();
    expect(getAtPath(null, ['a'])).toBeUndefined();
  });

  it('sets immutably, keeping key order and creating parents', () => {
    const next = setAtPath(obj, ['spec', 'engine', 'minReplicas'], 2);
    expect(obj.spec.engine.minReplicas).toBe(1);
    expect(JSON.stringify(next)).toBe(
      '{"spec":{"engine":{"minReplicas":2},"list":[{"a":1}]},"z":1}',
    );
    expect(next.spec.list).toBe(obj.spec.list);
    expect(setAtPath({}, ['spec', 'router', 'maxReplicas'], 3)).toEqual({
      spec: { router: { maxReplicas: 3 } },
    });
  });

  it('removes with undefined and creates no empty parents', () => {
    expect(
      setAtPath(obj, ['spec', 'engine', 'minReplicas'], undefined),
    ).toEqual({ spec: { engine: {}, list: [{ a: 1 }] }, z: 1 });
    expect(setAtPath(obj, ['spec', 'decoder', 'minReplicas'], undefined)).toBe(
      obj,
    );
  });
});

describe('diffObjects / applyPatch', () => {
  const before = {
    metadata: { name: 'm', labels: { 'a/b': 'x' } },
    spec: { formats: [{ name: 'safetensors' }], caps: ['CHAT'], gone: 1 },
  };
  const after = {
    spec: {
      caps: ['CHAT', 'EMBEDDING'],
      formats: [{ name: 'gguf' }],
      added: true,
    },
    metadata: { labels: { 'a/b': 'y' }, name: 'm' },
  };

  it('produces a minimal patch with old values', () => {
    expect(diffObjects(before, after)).toEqual([
      {
        op: 'replace',
        path: '/metadata/labels/a~1b',
        value: 'y',
        oldValue: 'x',
      },
      {
        op: 'replace',
        path: '/spec/formats/0/name',
        value: 'gguf',
        oldValue: 'safetensors',
      },
      {
        op: 'replace',
        path: '/spec/caps',
        value: ['CHAT', 'EMBEDDING'],
        oldValue: ['CHAT'],
      },
      { op: 'remove', path: '/spec/gone', oldValue: 1 },
      { op: 'add', path: '/spec/added', value: true },
    ]);
    expect(diffObjects(before, JSON.parse(JSON.stringify(before)))).toEqual([]);
  });

  it('applies its own patches purely', () => {
    const copy = JSON.parse(JSON.stringify(before));
    expect(applyPatch(before, diffObjects(before, after))).toEqual(after);
    expect(before).toEqual(copy);
    expect(applyPatch(1, diffObjects(1, { a: 1 }))).toEqual({ a: 1 });
  });

  it('supports array add/remove and rejects bad paths', () => {
    expect(
      applyPatch({ a: [1, 2] }, [{ op: 'add', path: '/a/-', value: 3 }]),
    ).toEqual({ a: [1, 2, 3] });
    expect(
      applyPatch({ a: [1, 2] }, [{ op: 'add', path: '/a/0', value: 0 }]),
    ).toEqual({ a: [0, 1, 2] });
    expect(applyPatch({ a: [1, 2] }, [{ op: 'remove', path: '/a/0' }])).toEqual(
      { a: [2] },
    );
    expect(() =>
      applyPatch({ a: [1] }, [{ op: 'replace', path: '/a/5', value: 1 }]),
    ).toThrow(/replace \/a\/5.*out of bounds/);
    expect(() => applyPatch({}, [{ op: 'remove', path: '/x' }])).toThrow(
      /does not exist/,
    );
    expect(() =>
      applyPatch({ a: 1 }, [{ op: 'add', path: '/a/b', value: 1 }]),
    ).toThrow(/not an object or array/);
    expect(() =>
      applyPatch({}, [{ op: 'add', path: '/x/y', value: 1 }]),
    ).toThrow(/not an object/);
  });
});
