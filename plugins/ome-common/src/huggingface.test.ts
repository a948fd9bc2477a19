import {
  HfModelInfo,
  detectHfModel,
  formatParameterSize,
  hfModelIdProblem,
  hfModelObject,
  hfModelObjectName,
  hfRevisionProblem,
  hfStorageUri,
  parseHfModelInfo,
} from './huggingface';

const info = (over: Partial<HfModelInfo> = {}): HfModelInfo => ({
  id: 'meta-llama/Llama-3.1-8B-Instruct',
  gated: false,
  tags: [],
  files: [{ path: 'config.json' }, { path: 'model-00001-of-00004.safetensors' }],
  ...over,
});

describe('hfStorageUri', () => {
  it('is hf://<id>, with @<branch> unless it is main', () => {
    expect(hfStorageUri('Qwen/Qwen2.5-0.5B')).toBe('hf://Qwen/Qwen2.5-0.5B');
    expect(hfStorageUri('Qwen/Qwen2.5-0.5B', 'main')).toBe('hf://Qwen/Qwen2.5-0.5B');
    expect(hfStorageUri('Qwen/Qwen2.5-0.5B', 'v1.1')).toBe('hf://Qwen/Qwen2.5-0.5B@v1.1');
  });
});

describe('model ids and revisions', () => {
  it.each([
    ['meta-llama/Llama-3.1-8B', undefined],
    ['gpt2', undefined],
    ['', 'is required'],
    ['a/b/c', 'must be a HuggingFace model id'],
    ['../etc', 'must not contain ".."'],
    ['owner/na me', 'must be a HuggingFace model id'],
    ['owner/name?x=1', 'must be a HuggingFace model id'],
  ])('%p → %p', (id, problem) => {
    const got = hfModelIdProblem(id);
    expect(got === undefined ? undefined : got.slice(0, problem?.length)).toBe(problem);
  });
  it('revisions: branch names, no traversal', () => {
    expect(hfRevisionProblem('main')).toBeUndefined();
    expect(hfRevisionProblem('refs/pr/1')).toBeUndefined();
    expect(hfRevisionProblem('../x')).toBeDefined();
    expect(hfRevisionProblem('a b')).toBeDefined();
  });
});

describe('formatParameterSize', () => {
  it.each([
    [8030261248, '8B'],
    [494032768, '0.5B'],
    [82_000_000, '82M'],
    [7615616512, '7.6B'],
    [70553706496, '70.6B'],
    [1_000_000_000, '1B'],
  ])('%p → %p', (count, size) => expect(formatParameterSize(count)).toBe(size));
});

describe('detectHfModel', () => {
  it('reads architecture, framework and context length from config.json, size from the safetensors count', () => {
    const d = detectHfModel(info({ safetensorsParameters: 8030261248, license: 'llama3.1' }), {
      architectures: ['LlamaForCausalLM'],
      max_position_embeddings: 131072,
      transformers_version: '4.43.0.dev0',
    });
    expect(d).toMatchObject({
      modelFormat: { name: 'safetensors', version: '1.0.0' },
      modelFramework: { name: 'transformers', version: '4.43.0.dev0' },
      modelArchitecture: 'LlamaForCausalLM',
      modelParameterSize: '8B',
      maxTokens: 131072,
      license: 'llama3.1',
    });
    expect(d.quantization).toBeUndefined();
    expect(d.sources.modelParameterSize).toBe('hub safetensors parameter count');
    expect(d.notes).toEqual([]);
  });

  it('takes the size from the name when the hub gives no count', () => {
    const d = detectHfModel(info({ id: 'Qwen/Qwen2.5-0.5B-Instruct' }), {});
    expect(d.modelParameterSize).toBe('0.5B');
    expect(d.sources.modelParameterSize).toBe('the model name');
  });

  it('finds the context length of a multimodal model in text_config', () => {
    const d = detectHfModel(info(), { text_config: { max_position_embeddings: 8192 } });
    expect(d.maxTokens).toBe(8192);
    expect(d.sources.maxTokens).toBe('config.json text_config.max_position_embeddings');
  });

  it('names the quantization of quantization_config with its bit width', () => {
    expect(
      detectHfModel(info(), { quantization_config: { quant_method: 'awq', bits: 4 } }).quantization,
    ).toBe('awq-int4');
    expect(detectHfModel(info(), { quantization_config: { quant_method: 'fp8' } }).quantization).toBe('fp8');
  });

  it('detects GGUF files and their quantization from the file name', () => {
    const d = detectHfModel(
      info({ id: 'TheBloke/Mistral-7B-Instruct-v0.2-GGUF', files: [{ path: 'mistral-7b-instruct-v0.2.Q4_K_M.gguf' }] }),
      { model_type: 'mistral' },
    );
    expect(d.modelFormat).toEqual({ name: 'gguf' });
    expect(d.quantization).toBe('q4_k_m');
    expect(d.modelParameterSize).toBe('7B');
  });

  it('says what stays unknown without config.json or weights', () => {
    const d = detectHfModel(info({ id: 'someone/model', files: [{ path: 'README.md' }] }), undefined);
    expect(d.modelFormat).toBeUndefined();
    expect(d.modelArchitecture).toBeUndefined();
    expect(d.notes.length).toBe(3);
    expect(d.notes.join(' ')).toContain('model-agent');
  });
});

describe('parseHfModelInfo', () => {
  it('reads the hub shape and ignores the rest', () => {
    const parsed = parseHfModelInfo({
      id: 'meta-llama/Llama-3.1-8B-Instruct',
      author: 'meta-llama',
      gated: 'manual',
      tags: ['license:llama3.1', 7],
      siblings: [{ rfilename: 'config.json' }, { nope: 1 }],
      safetensors: { total: 8030261248 },
      pipeline_tag: 'text-generation',
      extra: { anything: true },
    });
    expect(parsed).toEqual({
      id: 'meta-llama/Llama-3.1-8B-Instruct',
      author: 'meta-llama',
      gated: 'manual',
      pipelineTag: 'text-generation',
      tags: ['license:llama3.1'],
      license: 'llama3.1',
      safetensorsParameters: 8030261248,
      files: [{ path: 'config.json' }],
    });
    expect(parseHfModelInfo({ nope: 1 })).toBeUndefined();
    expect(parseHfModelInfo('x')).toBeUndefined();
  });
});

describe('the model object', () => {
  it('suggests OME catalog-like names', () => {
    expect(hfModelObjectName('meta-llama/Llama-3.1-8B-Instruct')).toBe('llama-3-1-8b-instruct');
    expect(hfModelObjectName('Qwen/Qwen2.5-0.5B')).toBe('qwen2-5-0-5b');
  });

  it('is a BaseModel with hf:// storage and the token Secret as storage.key', () => {
    const i = info({ sha: 'abc' });
    const o = hfModelObject(
      { kind: 'BaseModel', namespace: 'team-a', name: 'llama', modelId: i.id, revision: 'v2', secretName: 'llama-hf-token-x1' },
      i,
      detectHfModel(i, { architectures: ['LlamaForCausalLM'] }),
    );
    expect(o.metadata).toMatchObject({ name: 'llama', namespace: 'team-a' });
    expect(o.spec).toMatchObject({
      vendor: 'meta-llama',
      modelArchitecture: 'LlamaForCausalLM',
      storage: { storageUri: 'hf://meta-llama/Llama-3.1-8B-Instruct@v2', key: 'llama-hf-token-x1' },
    });
  });

  it('is a ClusterBaseModel without namespace and without key when no token', () => {
    const i = info();
    const o = hfModelObject({ kind: 'ClusterBaseModel', name: 'llama', modelId: i.id }, i, detectHfModel(i, {}));
    expect(o.metadata.namespace).toBeUndefined();
    expect(o.spec?.storage).toEqual({ storageUri: 'hf://meta-llama/Llama-3.1-8B-Instruct' });
  });
});
