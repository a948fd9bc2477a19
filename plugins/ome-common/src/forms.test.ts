import { catalogDocuments } from './__testUtils__/catalog';
import {
  applyFormValues,
  formSupport,
  newOmeObject,
  omeFormFields,
  readFormValues,
} from './forms';
import { OME_KINDS, OmeKind } from './kinds';
import { diffObjects, jsonPointer } from './patch';
import { validateOmeObject } from './schemas';

const catalog = [
  ...catalogDocuments('models'),
  ...catalogDocuments('runtimes'),
  ...catalogDocuments('isvcs'),
];

function sampleValue(type: string, current: unknown): unknown {
  switch (type) {
    case 'number':
      return typeof current === 'number' ? current + 1 : 3;
    case 'boolean':
      return current !== true;
    case 'stringList':
      return [...(Array.isArray(current) ? current : []), 'EXTRA'];
    case 'keyValue':
      return { ...(current as object), 'ome-console.dev/test': 'x' };
    default:
      return `${current ?? ''}changed`;
  }
}

describe('omeFormFields', () => {
  it('has unique ids, name first and namespace for namespaced kinds', () => {
    for (const { kind, namespaced } of OME_KINDS) {
      const fields = omeFormFields(kind);
      expect(new Set(fields.map(f => f.id)).size).toBe(fields.length);
      expect(fields[0]).toMatchObject({
        id: 'metadata.name',
        createOnly: true,
      });
      expect(fields.some(f => f.id === 'metadata.namespace')).toBe(namespaced);
    }
  });
});

describe('applyFormValues over the catalog', () => {
  it('changes nothing when nothing changed (same key order)', () => {
    expect(catalog.length).toBeGreaterThan(500);
    for (const { object } of catalog) {
      const kind = object.kind as OmeKind;
      const result = applyFormValues(
        kind,
        object,
        readFormValues(kind, object),
      );
      expect(result).toEqual(object);
      expect(JSON.stringify(result)).toBe(JSON.stringify(object));
      expect(formSupport(kind, object)).toEqual({ ok: true, reasons: [] });
    }
  });

  it('changes exactly the edited field', () => {
    for (const { object } of catalog.filter((_, i) => i % 7 === 0)) {
      const kind = object.kind as OmeKind;
      const snapshot = JSON.stringify(object);
      for (const field of omeFormFields(kind)) {
        if (field.createOnly) continue;
        const values = readFormValues(kind, object);
        const next =
          field.type === 'select'
            ? field.options!.find(o => o !== values[field.id])
            : sampleValue(field.type, values[field.id]);
        const result = applyFormValues(kind, object, {
          ...values,
          [field.id]: next,
        });
        const ops = diffObjects(object, result);
        expect(ops.length).toBeGreaterThan(0);
        for (const op of ops)
          expect(op.path.startsWith(jsonPointer(field.path.slice(0, 2)))).toBe(
            true,
          );
        expect(readFormValues(kind, result)[field.id]).toEqual(next);
      }
      expect(JSON.stringify(object)).toBe(snapshot);
    }
  });
});

describe('applyFormValues', () => {
  const model = {
    apiVersion: 'ome.io/v1beta1',
    kind: 'ClusterBaseModel',
    metadata: { name: 'm', labels: { a: 'b' } },
    spec: {
      vendor: 'meta',
      storage: { storageUri: 'hf://x/y', parameters: { token: 't' } },
      custom: { keep: true },
    },
  };

  it('removes cleared optional fields and keeps unknown ones', () => {
    const result = applyFormValues('ClusterBaseModel', model, {
      'spec.vendor': '',
      'metadata.labels': {},
      'spec.maxTokens': 4096,
    });
    expect(result).toEqual({
      apiVersion: 'ome.io/v1beta1',
      kind: 'ClusterBaseModel',
      metadata: { name: 'm' },
      spec: {
        storage: { storageUri: 'hf://x/y', parameters: { token: 't' } },
        custom: { keep: true },
        maxTokens: 4096,
      },
    });
  });

  it('drops a spec object emptied by clearing its only field', () => {
    const isvc = newOmeObject('InferenceService', {
      name: 'i',
      namespace: 'n',
    });
    const withRuntime = applyFormValues('InferenceService', isvc, {
      'spec.runtime.name': 'srt-x',
    });
    expect(withRuntime.spec!.runtime).toEqual({ name: 'srt-x' });
    expect(
      applyFormValues('InferenceService', withRuntime, {
        'spec.runtime.name': '',
      }),
    ).toEqual(isvc);
  });

  it('keeps a value of the wrong type unless it is edited', () => {
    const isvc = {
      ...newOmeObject('InferenceService', { name: 'i', namespace: 'n' }),
      spec: { model: { name: 'm' }, engine: { minReplicas: '2' } },
    };
    expect(formSupport('InferenceService', isvc)).toEqual({
      ok: false,
      reasons: [expect.stringMatching(/spec.engine.minReplicas is "2"/)],
    });
    const values = readFormValues('InferenceService', isvc);
    expect(applyFormValues('InferenceService', isvc, values)).toEqual(isvc);
    expect(
      applyFormValues('InferenceService', isvc, {
        ...values,
        'spec.engine.minReplicas': 2,
      }).spec!.engine.minReplicas,
    ).toBe(2);
  });

  it('reports shapes the form cannot show', () => {
    const o = {
      apiVersion: 'ome.io/v1beta1',
      kind: 'ClusterBaseModel',
      metadata: { name: 'm', labels: { a: 1 } },
      spec: { storage: [], modelCapabilities: 'CHAT' },
    };
    const support = formSupport('ClusterBaseModel', o as any);
    expect(support.ok).toBe(false);
    expect(support.reasons.join('\n')).toMatch(/metadata.labels/);
    expect(support.reasons.join('\n')).toMatch(/spec.storage is not an object/);
    expect(support.reasons.join('\n')).toMatch(/spec.modelCapabilities/);
    expect(
      formSupport('InferenceService', { metadata: {}, spec: null } as any).ok,
    ).toBe(true);
    expect(() =>
      readFormValues('InferenceService', { spec: [] } as any),
    ).not.toThrow();
  });
});

describe('newOmeObject', () => {
  it('makes valid templates', () => {
    for (const { kind } of OME_KINDS) {
      const o = newOmeObject(kind, { name: 'my-object', namespace: 'team-a' });
      expect(validateOmeObject(kind, o)).toEqual([]);
      expect(formSupport(kind, o).ok).toBe(true);
    }
  });
});
