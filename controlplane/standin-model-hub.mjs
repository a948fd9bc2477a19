// STAND-IN MODEL HUB: a loopback HTTP server that answers like the HuggingFace hub's API for
// the few calls the OME console makes, with a handful of made-up but realistic models. The
// real hub is not reachable here; tests and `npm start` point `ome.huggingFace.baseUrl` at
// this server. It stands in for a cluster's outside world and is never used by the plugins.
//
//   node controlplane/standin-model-hub.mjs [--port N]   prints `standin-model-hub: <url>`
//
// Routes (as the hub serves them):
//   GET /api/models?search=&limit=        list (id, author, downloads, likes, gated, tags, ...)
//   GET /api/models/<owner>/<name>[/revision/<rev>]   one model with siblings, cardData, safetensors
//   GET /<owner>/<name>/resolve/<rev>/config.json
// Gated models need `Authorization: Bearer <STANDIN_HUB_TOKEN>` for config.json (401 else).
// Test models that misbehave on purpose: `standin-tests/slow-model` (config.json never
// answers), `standin-tests/huge-model` (config.json is 8 MB), `standin-tests/garbage-model`
// (config.json is not JSON).
import http from 'node:http';

/** The token the gated models accept. */
export const STANDIN_HUB_TOKEN = 'hf_standin_gated_token_0123456789';

const llamaConfig = {
  architectures: ['LlamaForCausalLM'],
  model_type: 'llama',
  hidden_size: 4096,
  num_hidden_layers: 32,
  max_position_embeddings: 131072,
  torch_dtype: 'bfloat16',
  transformers_version: '4.43.0.dev0',
};

const MODELS = [
  {
    id: 'meta-llama/Llama-3.1-8B-Instruct',
    gated: 'manual',
    pipeline_tag: 'text-generation',
    library_name: 'transformers',
    tags: ['transformers', 'safetensors', 'llama', 'text-generation', 'license:llama3.1'],
    cardData: { license: 'llama3.1', language: ['en', 'de', 'fr'] },
    safetensors: { total: 8030261248 },
    downloads: 5120345,
    likes: 4301,
    files: ['config.json', 'generation_config.json', 'model-00001-of-00004.safetensors', 'model-00002-of-00004.safetensors', 'model.safetensors.index.json', 'tokenizer.json', 'README.md', 'LICENSE'],
    config: llamaConfig,
  },
  {
    id: 'Qwen/Qwen2.5-0.5B-Instruct',
    gated: false,
    pipeline_tag: 'text-generation',
    library_name: 'transformers',
    tags: ['transformers', 'safetensors', 'qwen2', 'text-generation', 'license:apache-2.0'],
    cardData: { license: 'apache-2.0' },
    safetensors: { total: 494032768 },
    downloads: 1834021,
    likes: 312,
    files: ['config.json', 'model.safetensors', 'tokenizer.json', 'README.md', 'LICENSE'],
    config: {
      architectures: ['Qwen2ForCausalLM'],
      model_type: 'qwen2',
      max_position_embeddings: 32768,
      torch_dtype: 'bfloat16',
      transformers_version: '4.43.1',
    },
  },
  {
    id: 'Qwen/Qwen2.5-7B-Instruct-AWQ',
    gated: false,
    pipeline_tag: 'text-generation',
    library_name: 'transformers',
    tags: ['transformers', 'safetensors', 'qwen2', 'awq', 'license:apache-2.0'],
    cardData: { license: 'apache-2.0' },
    downloads: 402113,
    likes: 58,
    files: ['config.json', 'model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors', 'README.md'],
    config: {
      architectures: ['Qwen2ForCausalLM'],
      model_type: 'qwen2',
      max_position_embeddings: 32768,
      quantization_config: { quant_method: 'awq', bits: 4, group_size: 128 },
      transformers_version: '4.41.1',
    },
  },
  {
    id: 'TheBloke/Mistral-7B-Instruct-v0.2-GGUF',
    gated: false,
    pipeline_tag: 'text-generation',
    tags: ['gguf', 'mistral', 'license:apache-2.0'],
    cardData: { license: 'apache-2.0' },
    downloads: 98220,
    likes: 401,
    files: ['README.md', 'config.json', 'mistral-7b-instruct-v0.2.Q4_K_M.gguf'],
    config: { model_type: 'mistral' },
  },
  {
    id: 'microsoft/phi-2',
    gated: false,
    pipeline_tag: 'text-generation',
    library_name: 'transformers',
    tags: ['transformers', 'safetensors', 'phi', 'license:mit'],
    cardData: { license: 'mit' },
    safetensors: { total: 2779683840 },
    downloads: 301554,
    likes: 3260,
    files: ['config.json', 'model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors', 'README.md'],
    config: { architectures: ['PhiForCausalLM'], model_type: 'phi', max_position_embeddings: 2048, transformers_version: '4.37.0' },
  },
  {
    id: 'standin-tests/slow-model',
    gated: false,
    tags: ['safetensors'],
    files: ['config.json', 'model.safetensors'],
    behaviour: 'slow',
  },
  {
    id: 'standin-tests/huge-model',
    gated: false,
    tags: ['safetensors'],
    files: ['config.json', 'model.safetensors'],
    behaviour: 'huge',
  },
  {
    id: 'standin-tests/garbage-model',
    gated: false,
    tags: ['safetensors'],
    files: ['config.json', 'model.safetensors'],
    behaviour: 'garbage',
  },
];

function summary(m) {
  return {
    _id: m.id,
    id: m.id,
    modelId: m.id,
    author: m.id.split('/')[0],
    gated: m.gated,
    private: false,
    downloads: m.downloads ?? 0,
    likes: m.likes ?? 0,
    tags: m.tags,
    ...(m.pipeline_tag && { pipeline_tag: m.pipeline_tag }),
    ...(m.library_name && { library_name: m.library_name }),
    lastModified: '2025-06-01T12:00:00.000Z',
    createdAt: '2024-09-01T12:00:00.000Z',
  };
}

function detail(m) {
  return {
    ...summary(m),
    sha: `standin${Buffer.from(m.id).toString('hex').slice(0, 33)}`,
    ...(m.cardData && { cardData: m.cardData }),
    ...(m.safetensors && { safetensors: m.safetensors }),
    siblings: m.files.map(rfilename => ({ rfilename })),
  };
}

function send(res, status, body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  res.end(text);
}

/**
 * Starts the stand-in hub on a loopback port (0: any free one).
 * @returns {Promise<{ url: string, close: () => Promise<void>, requests: string[] }>}
 */
export async function startStandinModelHub({ port = 0 } = {}) {
  const requests = [];
  const pending = new Set();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.method !== 'GET') return send(res, 405, { error: 'method not allowed' });
    if (url.pathname === '/api/models') {
      const search = (url.searchParams.get('search') ?? '').toLowerCase();
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20) || 20, 100);
      return send(res, 200, MODELS.filter(m => m.id.toLowerCase().includes(search)).slice(0, limit).map(summary));
    }
    // /api/models/<id> and /api/models/<id>/revision/<rev> (every revision has the same files here)
    let m = /^\/api\/models\/(.+?)(?:\/revision\/[^/]+)?$/.exec(url.pathname);
    if (m) {
      const model = MODELS.find(x => x.id === decodeURIComponent(m[1]));
      return model ? send(res, 200, detail(model)) : send(res, 404, { error: 'Repository not found' });
    }
    m = /^\/(.+?)\/resolve\/([^/]+)\/config\.json$/.exec(url.pathname);
    if (m) {
      const model = MODELS.find(x => x.id === decodeURIComponent(m[1]));
      if (!model) return send(res, 404, { error: 'Repository not found' });
      if (model.gated && req.headers.authorization !== `Bearer ${STANDIN_HUB_TOKEN}`) {
        return send(res, 401, { error: `Access to model ${model.id} is restricted. You must have access to it and be authenticated to access it.` });
      }
      if (model.behaviour === 'slow') {
        // Never answers; closed when the server stops.
        pending.add(res);
        res.on('close', () => pending.delete(res));
        return undefined;
      }
      if (model.behaviour === 'huge') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = `{"pad":"${'x'.repeat(1024 * 1024)}",`;
        for (let i = 0; i < 8; i++) res.write(chunk);
        return res.end('"end":1}');
      }
      if (model.behaviour === 'garbage') return send(res, 200, '<html>not json');
      if (!model.config) return send(res, 404, { error: 'Entry not found' });
      return send(res, 200, model.config);
    }
    return send(res, 404, { error: 'not found' });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise(resolve => {
        for (const res of pending) res.destroy();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--port');
  const hub = await startStandinModelHub({ port: i > 0 ? Number(process.argv[i + 1]) : 0 });
  console.log(`standin-model-hub: ${hub.url}`);
  const stop = () => hub.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
