/**
 * Runtime selection over OME's real catalog (/work/shared/ome or $OME_DATA_DIR): its 200-odd
 * ClusterServingRuntimes, its ClusterBaseModels and its sample InferenceServices.
 *
 * The catalog's models ship without format, framework, architecture or size (OME's model-agent
 * fills them in after download), so each model is also evaluated "as the agent would fill it":
 * with the values of the runtime OME made for it (`srt-<model>`), where there is one.
 */
import { catalogDocuments } from '../__testUtils__/catalog';
import type { BaseModelResource } from '../types';
import { selectRuntime, validateRuntime } from './select';
import type { ServingRuntimeResource } from './types';

const runtimes = catalogDocuments('runtimes').map(d => d.object as ServingRuntimeResource);
const models = catalogDocuments('models').map(d => d.object as BaseModelResource);
const services = catalogDocuments('isvcs').map(d => d.object);
const runtimeByName = new Map(runtimes.map(r => [r.metadata.name, r]));

/** The model as OME's model-agent would describe it, taken from the runtime made for it. */
function filledFrom(model: BaseModelResource, rt: ServingRuntimeResource): BaseModelResource {
  const f = rt.spec?.supportedModelFormats?.[0] ?? {};
  return {
    ...model,
    spec: {
      ...model.spec,
      ...(f.modelFormat && { modelFormat: { name: f.modelFormat.name, version: f.modelFormat.version } }),
      ...(f.modelFramework && { modelFramework: { name: f.modelFramework.name, version: f.modelFramework.version } }),
      ...(f.modelArchitecture && { modelArchitecture: f.modelArchitecture }),
      ...(f.quantization && { quantization: f.quantization }),
      ...(rt.spec?.modelSizeRange?.min && { modelParameterSize: rt.spec.modelSizeRange.min }),
    },
  };
}

const findModel = (name: string) => {
  const m = models.find(x => x.metadata.name === name);
  if (!m) throw new Error(`catalog has no model ${name}`);
  return m;
};

describe("OME's catalog", () => {
  it('has runtimes, models and services to test with', () => {
    expect(runtimes.length).toBeGreaterThan(200);
    expect(models.length).toBeGreaterThan(200);
    expect(services.length).toBeGreaterThan(100);
  });

  it('as shipped, no model has a format yet, so OME selects nothing and says why', () => {
    const unfilled = models.filter(m => !m.spec?.modelFormat?.name);
    expect(unfilled.length).toBeGreaterThan(0);
    for (const m of unfilled) {
      const r = selectRuntime({ model: m, runtimes });
      expect(r.winner).toBeUndefined();
      expect(r.modelProblem?.code).toBe('model-format-unknown');
      expect(r.unknownModelFields).toContain('modelFormat');
    }
  });

  it('every model, filled as the agent would, gets a winner or a reason for every runtime', () => {
    let withRuntime = 0;
    let without = 0;
    let filled = 0;
    const noWinner: string[] = [];
    for (const m of models) {
      const own = runtimeByName.get(`srt-${m.metadata.name}`);
      const model = own ? filledFrom(m, own) : m;
      if (own) filled++;
      const r = selectRuntime({ model, runtimes });
      expect(r.candidates).toHaveLength(runtimes.length);
      for (const c of r.candidates) {
        if (c === r.winner) expect(c.reason).toBeUndefined();
        else expect(c.reason?.message).toMatch(/\w/);
      }
      if (r.winner) withRuntime++;
      else {
        without++;
        noWinner.push(m.metadata.name);
      }
    }
    // eslint-disable-next-line no-console
    console.log(
      `catalog selection: ${models.length} models (${filled} filled from their srt- runtime): ` +
        `${withRuntime} with a runtime, ${without} without`,
    );
    expect(withRuntime + without).toBe(models.length);
    expect(filled).toBeGreaterThan(100);
    expect(withRuntime).toBeGreaterThan(0);
    expect(without).toBeGreaterThan(0);
  });

  it('every sample InferenceService that names a runtime: valid for its model, or the reason', () => {
    const named = services.filter(s => s.kind === 'InferenceService' && s.spec?.runtime?.name);
    expect(named.length).toBeGreaterThan(50);
    let valid = 0;
    let invalid = 0;
    for (const s of named) {
      const m = models.find(x => x.metadata.name === s.spec.model?.name);
      const named_ = runtimeByName.get(s.spec.runtime.name);
      if (!m || !named_) {
        // the sample refers to something the catalog lacks: validation says so
        const v = validateRuntime({ model: m ?? findModel(models[0].metadata.name), runtimes, service: s, runtimeName: s.spec.runtime.name });
        if (!named_) expect(v.reason?.code).toMatch(/runtime-not-found|model-format-unknown/);
        invalid++;
        continue;
      }
      const v = validateRuntime({ model: filledFrom(m, named_), runtimes, service: s, runtimeName: s.spec.runtime.name });
      if (v.valid) valid++;
      else {
        invalid++;
        expect(v.reason?.message).toMatch(/\w/);
      }
    }
    // eslint-disable-next-line no-console
    console.log(`catalog services naming a runtime: ${named.length}: ${valid} valid, ${invalid} not`);
    expect(valid).toBeGreaterThan(0);
  });
});
