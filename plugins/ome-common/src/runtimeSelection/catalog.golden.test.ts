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
import { modelFieldsFromRuntime, ownRuntimeName } from './agentFields';
import { selectRuntime, validateRuntime } from './select';
import type { ServingRuntimeResource } from './types';

const runtimes = catalogDocuments('runtimes').map(
  d => d.object as ServingRuntimeResource,
);
const models = catalogDocuments('models').map(
  d => d.object as BaseModelResource,
);
const services = catalogDocuments('isvcs').map(d => d.object);
const runtimeByName = new Map(runtimes.map(r => [r.metadata.name, r]));

/** The model as OME's model-agent would describe it, taken from the runtime made for it. */
function filledFrom(
  model: BaseModelResource,
  rt: ServingRuntimeResource,
): BaseModelResource {
  return { ...model, spec: { ...model.spec, ...modelFieldsFromRuntime(rt) } };
}

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

  /** Selection for a catalog model filled from its own srt- runtime. */
  const selectFor = (name: string) => {
    const m = models.find(x => x.metadata.name === name);
    const own = runtimeByName.get(ownRuntimeName(name));
    if (!m || !own) throw new Error(`catalog lacks ${name} or srt-${name}`);
    const r = selectRuntime({ model: filledFrom(m, own), runtimes });
    const reason = (runtime: string) =>
      r.candidates.find(c => c.name === runtime)?.reason;
    return { winner: r.winner?.name, reason };
  };

  it('golden: qwen2-vl-7b-instruct is served by its own runtime; a dev version excludes another', () => {
    const r = selectFor('qwen2-vl-7b-instruct');
    expect(r.winner).toBe('srt-qwen2-vl-7b-instruct');
    expect(r.reason('srt-gme-qwen2-vl-2b-instruct')).toEqual({
      code: 'framework-version',
      message:
        'framework transformers 4.41.2 needs exactly 4.45.0.dev0 (pre-release, build and dev versions only match exactly)',
    });
    expect(r.reason('srt-llama-3-1-8b-instruct')?.code).toBe('architecture');
  });

  it('golden: llama-3-1-8b-instruct gets no runtime: every one that fits has autoSelect false', () => {
    const r = selectFor('llama-3-1-8b-instruct');
    expect(r.winner).toBeUndefined();
    for (const name of [
      'srt-llama-3-1-8b-instruct',
      'vllm-llama-3-1-8b-instruct',
    ]) {
      expect(r.reason(name)?.code).toBe('not-auto-select');
    }
  });

  it('golden: llama-3-2-3b-instruct goes to the 1B runtime, whose size range is closer (scorer.go)', () => {
    const r = selectFor('llama-3-2-3b-instruct');
    expect(r.winner).toBe('vllm-llama-3-2-1b-instruct');
    expect(r.reason('vllm-llama-3-2-3b-instruct')).toEqual({
      code: 'outranked',
      message:
        'same score as vllm-llama-3-2-1b-instruct, whose size range is closer to 2B',
    });
    expect(r.reason('srt-llama-3-2-3b-instruct')?.code).toBe('not-auto-select');
  });

  it('golden: qwen2-5-14b-instruct: equal scores, the name decides among equally close ranges', () => {
    const r = selectFor('qwen2-5-14b-instruct');
    expect(r.winner).toBe('srt-deepseek-r1-distill-qwen-14b');
    expect(r.reason('srt-deepseek-r1-distill-qwen-32b')?.message).toBe(
      'same score as srt-deepseek-r1-distill-qwen-14b, which comes first by name',
    );
  });

  it('every model, filled as the agent would, gets a winner or a reason for every runtime', () => {
    let withRuntime = 0;
    let without = 0;
    let filled = 0;
    const noWinner: string[] = [];
    for (const m of models) {
      const own = runtimeByName.get(ownRuntimeName(m.metadata.name));
      const model = own ? filledFrom(m, own) : m;
      if (own) filled++;
      const r = selectRuntime({ model, runtimes });
      expect(r.candidates).toHaveLength(runtimes.length);
      expect(r.winner?.reason).toBeUndefined();
      const others = r.candidates.filter(c => c !== r.winner);
      expect(others.filter(c => !c.reason?.message)).toEqual([]);
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
    const named = services.filter(
      s => s.kind === 'InferenceService' && s.spec?.runtime?.name,
    );
    expect(named.length).toBeGreaterThan(50);
    let valid = 0;
    const invalid: string[] = [];
    for (const s of named) {
      const own = models.find(x => x.metadata.name === s.spec.model?.name);
      const runtime = runtimeByName.get(s.spec.runtime.name);
      if (!own) {
        invalid.push(
          `${s.metadata.name}: model ${s.spec.model?.name} is not in the catalog`,
        );
        continue;
      }
      const model = runtime ? filledFrom(own, runtime) : own;
      const v = validateRuntime({
        model,
        runtimes,
        service: s,
        runtimeName: s.spec.runtime.name,
      });
      if (v.valid) valid++;
      else invalid.push(`${s.metadata.name}: ${v.reason?.message ?? ''}`);
    }
    // every invalid one says why
    expect(invalid.filter(line => !/: \w/.test(line))).toEqual([]);
    const details = invalid.length ? ` (${invalid.join('; ')})` : '';
    // eslint-disable-next-line no-console
    console.log(
      `catalog services naming a runtime: ${named.length}: ${valid} valid, ${invalid.length} not${details}`,
    );
    expect(valid).toBeGreaterThan(0);
  });
});
