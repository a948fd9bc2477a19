// Unit tests of the demo status writer's pure parts (no cluster needed).
//   node --test controlplane/demo-status.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelAgentSpecFields, ownRuntimeFor, planModelStates } from './demo-status.mjs';
import { hashFraction, readYamlDocs } from './kube.mjs';
import { locateOmeData } from './ome-data.mjs';

const cbm = name => ({ kind: 'ClusterBaseModel', metadata: { name }, spec: {} });
const isvc = (name, model) => ({ kind: 'InferenceService', metadata: { name, namespace: 'ns' }, spec: { model: { name: model } } });

describe('planModelStates', () => {
  const models = Array.from({ length: 400 }, (_, i) => cbm(`model-${i}`));
  const isvcs = [isvc('s1', 'model-7'), isvc('s2', 'model-42'), isvc('s3', 'not-a-model'), isvc('s4', 'x-only-model')];

  test('the one Failed model is an existing ClusterBaseModel an InferenceService uses', () => {
    const { failedModel, stateOf } = planModelStates({ clusterBaseModels: [...models, cbm('x-only-model')], isvcs });
    assert.ok(['model-7', 'model-42'].includes(failedModel), failedModel);
    const failed = [...models, cbm('x-only-model')].filter(m => stateOf(m) === 'Failed').map(m => m.metadata.name);
    assert.deepEqual(failed, [failedModel]);
    // only the ClusterBaseModel of that name fails, not a namespaced BaseModel with the same name
    assert.notEqual(stateOf({ kind: 'BaseModel', metadata: { name: failedModel, namespace: 'team-a' } }), 'Failed');
  });

  test('is deterministic and independent of the input order', () => {
    const a = planModelStates({ clusterBaseModels: models, isvcs });
    const b = planModelStates({ clusterBaseModels: [...models].reverse(), isvcs: [...isvcs].reverse() });
    assert.equal(a.failedModel, b.failedModel);
    for (const m of models) assert.equal(a.stateOf(m), b.stateOf(m));
  });

  test('about one in ten models is In_Transit, the rest Ready; *-only-model is always Ready', () => {
    const { stateOf } = planModelStates({ clusterBaseModels: models, isvcs });
    const counts = {};
    for (const m of models) counts[stateOf(m)] = (counts[stateOf(m)] ?? 0) + 1;
    assert.equal(counts.Failed, 1);
    assert.ok(counts.In_Transit >= 20 && counts.In_Transit <= 60, JSON.stringify(counts));
    assert.equal(counts.Ready, models.length - 1 - counts.In_Transit);
    // names that would hash into In_Transit are still Ready as *-only-model
    const transitOnly = Array.from({ length: 300 }, (_, i) => `m${i}-only-model`).filter(
      n => hashFraction(`transit:${n}`) < 0.1,
    );
    assert.ok(transitOnly.length > 0);
    for (const n of transitOnly) assert.equal(stateOf(cbm(n)), 'Ready');
  });

  test('without a used model it still fails exactly one existing model; none without models', () => {
    const { failedModel, stateOf } = planModelStates({ clusterBaseModels: models.slice(0, 5), isvcs: [] });
    assert.ok(models.slice(0, 5).some(m => m.metadata.name === failedModel));
    assert.equal(models.slice(0, 5).filter(m => stateOf(m) === 'Failed').length, 1);
    assert.equal(planModelStates({ clusterBaseModels: [], isvcs }).failedModel, undefined);
  });
});

describe('modelAgentSpecFields', () => {
  // names whose hash does not put them among the ~15 % the "agent" leaves alone
  const filled = base => {
    for (let i = 0; i < 50; i++) {
      const name = i ? `${base}-r${i}` : base;
      const model = { kind: 'ClusterBaseModel', metadata: { name }, spec: {} };
      const f = modelAgentSpecFields(model);
      if (f) return f;
    }
    throw new Error(`no candidate name for ${base}`);
  };

  test('guesses architecture and parameter size from the name', () => {
    assert.deepEqual(filled('llama-3-1-8b-instruct'), {
      modelFormat: { name: 'safetensors', version: '1.0.0' },
      modelFramework: { name: 'transformers', version: '4.46.0' },
      modelArchitecture: 'LlamaForCausalLM',
      modelParameterSize: '8B',
    });
    assert.equal(filled('mixtral-8x7b-instruct').modelArchitecture, 'MixtralForCausalLM');
    assert.equal(filled('mixtral-8x7b-instruct').modelParameterSize, '8x7B');
    assert.equal(filled('qwen3-0.6b').modelArchitecture, 'Qwen3ForCausalLM');
    assert.equal(filled('qwen3-0.6b').modelParameterSize, '0.6B');
    assert.equal(filled('deepseek-r1').modelArchitecture, 'DeepseekV3ForCausalLM');
    const unknown = filled('some-model');
    assert.equal(unknown.modelArchitecture, undefined);
    assert.equal(unknown.modelParameterSize, undefined);
  });

  test('never overwrites fields that are set; undefined when nothing is left to fill', () => {
    const spec = {
      modelFormat: { name: 'gguf' },
      modelFramework: { name: 'vllm' },
      modelArchitecture: 'X',
      modelParameterSize: '1B',
    };
    for (let i = 0; i < 20; i++) {
      assert.equal(modelAgentSpecFields({ metadata: { name: `llama-3-8b-${i}` }, spec }), undefined);
    }
    let sawPartial = false;
    for (let i = 0; i < 20; i++) {
      const f = modelAgentSpecFields({ metadata: { name: `llama-3-8b-${i}` }, spec: { ...spec, modelParameterSize: undefined } });
      if (f) {
        assert.deepEqual(f, { modelParameterSize: '8B' });
        sawPartial = true;
      }
    }
    assert.ok(sawPartial);
  });

  test('leaves about 15 % of the models alone, deterministically', () => {
    const names = Array.from({ length: 400 }, (_, i) => `llama-3-8b-${i}`);
    const skipped = names.filter(name => modelAgentSpecFields({ metadata: { name }, spec: {} }) === undefined);
    assert.ok(skipped.length >= 30 && skipped.length <= 90, String(skipped.length));
    assert.deepEqual(skipped, names.filter(name => modelAgentSpecFields({ metadata: { name }, spec: {} }) === undefined));
  });
});

describe('modelAgentSpecFields over OME\'s catalog (the model-agent\'s values from the srt- runtime)', async () => {
  const data = locateOmeData({ prefer: 'shared' });
  const load = async (files, kind) => (await Promise.all(files.map(readYamlDocs))).flat().filter(d => d?.kind === kind);
  const models = await load(data.modelFiles, 'ClusterBaseModel');
  const clusterRuntimes = await load(data.runtimeFiles, 'ClusterServingRuntime');
  const runtimes = { clusterRuntimes, namespacedRuntimes: [] };
  const byName = new Map(clusterRuntimes.map(r => [r.metadata.name, r]));
  const fill = m => modelAgentSpecFields(m, ownRuntimeFor(m, runtimes));

  test('phi-2 gets the framework version its own runtime wants (4.37.0), not 4.46.0', () => {
    const phi = models.find(m => m.metadata.name === 'phi-2');
    assert.ok(phi, 'catalog has phi-2');
    const f = fill(phi) ?? fill({ ...phi, metadata: { name: 'phi-2' } });
    // phi-2 is among the filled models (its name does not hash into the ~15 % left alone)
    assert.deepEqual(f, {
      modelFormat: { name: 'safetensors', version: '1.0.0' },
      modelFramework: { name: 'transformers', version: '4.37.0' },
      modelArchitecture: 'PhiForCausalLM',
      modelParameterSize: '2B',
    });
  });

  test('a realistic mix: filled from the own runtime (matching it), guessed from the name, or left alone', () => {
    assert.ok(models.length > 200 && clusterRuntimes.length > 200, `${models.length} models, ${clusterRuntimes.length} runtimes`);
    const counts = { fromRuntime: 0, fromName: 0, unfilled: 0 };
    const frameworks = new Set();
    for (const m of models) {
      const own = ownRuntimeFor(m, runtimes);
      const f = fill(m);
      if (!f) {
        counts.unfilled++;
        continue;
      }
      frameworks.add(f.modelFramework?.version);
      if (!own) {
        counts.fromName++;
        assert.equal(f.modelFramework.version, '4.46.0', m.metadata.name);
        continue;
      }
      counts.fromRuntime++;
      // what the runtime made for the model supports, the model now has (fields it had stay as they were)
      const want = own.spec.supportedModelFormats[0];
      const unset = (key, v) => (m.spec?.[key] ? undefined : v);
      assert.equal(f.modelFormat?.name, unset('modelFormat', want.modelFormat?.name), m.metadata.name);
      assert.equal(f.modelFramework?.version, unset('modelFramework', want.modelFramework?.version), m.metadata.name);
      assert.equal(f.modelArchitecture, unset('modelArchitecture', want.modelArchitecture), m.metadata.name);
      assert.equal(f.modelParameterSize, unset('modelParameterSize', own.spec.modelSizeRange?.min), m.metadata.name);
    }
    console.log(`demo model-agent fields over ${models.length} catalog models: ${JSON.stringify(counts)}, ` +
      `${frameworks.size} framework versions`);
    assert.ok(counts.fromRuntime > 100, JSON.stringify(counts));
    assert.ok(counts.fromName > 0, JSON.stringify(counts));
    assert.ok(counts.unfilled >= 15, JSON.stringify(counts));
    assert.ok(frameworks.size > 5, [...frameworks].join(' '));
    assert.equal(counts.fromRuntime + counts.fromName + counts.unfilled, models.length);
  });

  test('a namespaced runtime of that name in the model\'s namespace comes before the cluster runtime', () => {
    const ownNs = { metadata: { name: 'srt-phi-2', namespace: 'team-a' }, spec: { supportedModelFormats: [{ modelArchitecture: 'X' }] } };
    const other = { ...ownNs, metadata: { name: 'srt-phi-2', namespace: 'team-b' } };
    const rts = { clusterRuntimes, namespacedRuntimes: [other, ownNs] };
    assert.equal(ownRuntimeFor({ metadata: { name: 'phi-2', namespace: 'team-a' } }, rts), ownNs);
    assert.equal(ownRuntimeFor({ metadata: { name: 'phi-2', namespace: 'team-c' } }, rts), byName.get('srt-phi-2'));
    assert.equal(ownRuntimeFor({ metadata: { name: 'phi-2' } }, rts), byName.get('srt-phi-2'));
    assert.equal(ownRuntimeFor({ metadata: { name: 'no-such-model' } }, rts), undefined);
  });
});
