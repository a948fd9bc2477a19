/*
 * HuggingFace import: what a hub model's config.json and file list say about it, in the
 * terms of OME's model spec, and the ClusterBaseModel/BaseModel the console creates for it.
 * Pure functions: the backend feeds them what it read from the hub (and checks them again
 * on import), the frontend shows the same result before the user commits.
 */
import type { OmeWriteResult } from './api';
import { KubernetesObject } from './types';

/** One file of a hub model's repository (the `siblings` of `GET /api/models/<id>`). @public */
export interface HfModelFile {
  path: string;
  /** Bytes, when the hub says. */
  size?: number;
}

/**
 * A hub model as the console shows it, from `GET /api/models/<id>` (and, for lists, the
 * fields `GET /api/models?search=` carries). `gated`: false, or how access is granted.
 * @public
 */
export interface HfModelInfo {
  id: string;
  author?: string;
  sha?: string;
  lastModified?: string;
  downloads?: number;
  likes?: number;
  gated: false | 'auto' | 'manual';
  private?: boolean;
  pipelineTag?: string;
  libraryName?: string;
  tags: string[];
  /** `cardData.license`, or the `license:` tag. */
  license?: string;
  /** Total parameters from the hub's safetensors index, when it gives one. */
  safetensorsParameters?: number;
  files: HfModelFile[];
}

/** What the console detected about a hub model, each with where it came from. @public */
export interface HfDetection {
  modelFormat?: { name: string; version?: string };
  modelFramework?: { name: string; version?: string };
  modelArchitecture?: string;
  /** OME's form: `8B`, `0.5B`, `350M`. */
  modelParameterSize?: string;
  maxTokens?: number;
  quantization?: string;
  license?: string;
  /** Per detected field, a short "from ..." for the page. */
  sources: Partial<Record<keyof Omit<HfDetection, 'sources' | 'notes'>, string>>;
  /** What could not be detected and what that means. */
  notes: string[];
}

/** HuggingFace repository ids: `name` or `owner/name`, letters, digits, `-_.`. @public */
export const HF_MODEL_ID_PATTERN = /^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

/** Branch (or tag, or commit) names the console accepts for `@<revision>`. @public */
export const HF_REVISION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

/**
 * OME's storage URI of a hub model, `hf://<model-id>[@<branch>]` (OME's
 * `pkg/utils/storage` parses the branch after `@`; `main` is its default, so it is left out).
 * @public
 */
export function hfStorageUri(modelId: string, revision?: string): string {
  return `hf://${modelId}${revision && revision !== 'main' ? `@${revision}` : ''}`;
}

/** Why a model id or revision is refused (undefined when fine). @public */
export function hfModelIdProblem(modelId: string): string | undefined {
  if (!modelId) return 'is required';
  if (modelId.includes('..')) return 'must not contain ".."';
  if (!HF_MODEL_ID_PATTERN.test(modelId)) {
    return 'must be a HuggingFace model id: owner/name of letters, digits, "-", "_" and "."';
  }
  return undefined;
}

/** Why a revision is refused (undefined when fine). @public */
export function hfRevisionProblem(revision: string): string | undefined {
  if (revision.includes('..') || !HF_REVISION_PATTERN.test(revision)) {
    return 'must be a branch, tag or commit name of letters, digits, "-", "_", "." and "/"';
  }
  return undefined;
}

/**
 * A parameter count in the form of OME's catalog (`modelParameterSize`): billions with at
 * most one decimal (`7.6B`, `0.6B`; trailing `.0` dropped) from 0.1 billion up, millions
 * below that (`82M`).
 * @public
 */
export function formatParameterSize(count: number): string {
  if (count >= 0.95e8) {
    const b = Math.round(count / 1e8) / 10;
    return `${b}B`;
  }
  return `${Math.max(1, Math.round(count / 1e6))}M`;
}

/** A size spelled in a model's name (`Llama-3.1-8B`, `Qwen2.5-0.5B`, `opt-350m`), if any. */
function sizeFromName(id: string): string | undefined {
  const name = id.split('/').pop() ?? id;
  const m = /(?:^|[-_.])(\d+(?:\.\d+)?)([bBmM])(?=$|[-_.])/.exec(name);
  if (!m) return undefined;
  return `${Number(m[1])}${m[2].toUpperCase()}`;
}

const CONTEXT_KEYS = [
  'max_position_embeddings',
  'n_positions',
  'max_sequence_length',
  'seq_length',
  'n_ctx',
  'model_max_length',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text part of a multimodal config (`text_config`), where the context length lives. */
function contextLength(
  config: Record<string, unknown>,
): { value: number; key: string } | undefined {
  for (const scope of [config, config.text_config, config.llm_config]) {
    if (!isRecord(scope)) continue;
    for (const key of CONTEXT_KEYS) {
      const value = scope[key];
      if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
        return { value, key: scope === config ? key : `text_config.${key}` };
      }
    }
  }
  return undefined;
}

/**
 * The quantization a config declares (`quantization_config.quant_method`, with the bit
 * width for methods that have several: `gptq` 4 bits → `gptq-int4`), or one spelled in the
 * file names (GGUF's `Q4_K_M`).
 */
function quantization(
  config: Record<string, unknown> | undefined,
  files: HfModelFile[],
): { value: string; source: string } | undefined {
  const q = config && isRecord(config.quantization_config) ? config.quantization_config : undefined;
  if (q && typeof q.quant_method === 'string') {
    const method = q.quant_method.toLowerCase();
    const bits = typeof q.bits === 'number' ? q.bits : undefined;
    return {
      value: bits && ['gptq', 'awq'].includes(method) ? `${method}-int${bits}` : method,
      source: 'config.json quantization_config.quant_method',
    };
  }
  const gguf = files.find(f => f.path.toLowerCase().endsWith('.gguf'));
  const m = gguf && /[._-](q\d(?:_[a-z0-9]+)*|f16|bf16)\.gguf$/i.exec(gguf.path);
  if (m) return { value: m[1].toLowerCase(), source: `file ${gguf!.path}` };
  return undefined;
}

/** The weight format from the file list: safetensors, GGUF, PyTorch or ONNX files. */
function format(files: HfModelFile[]): { name: string; source: string } | undefined {
  const rules: Array<[RegExp, string]> = [
    [/\.safetensors$/i, 'safetensors'],
    [/\.gguf$/i, 'gguf'],
    [/(^|\/)pytorch_model.*\.bin$|\.pt$|\.pth$/i, 'pytorch'],
    [/\.onnx$/i, 'onnx'],
  ];
  for (const [re, name] of rules) {
    const file = files.find(f => re.test(f.path));
    if (file) return { name, source: `file ${file.path}` };
  }
  return undefined;
}

/**
 * Detects OME's model spec fields from a hub model's `config.json` (undefined when it has
 * none or it was unreadable) and its info (file list, tags, licence, safetensors counts).
 * @public
 */
export function detectHfModel(
  info: HfModelInfo,
  config: Record<string, unknown> | undefined,
): HfDetection {
  const d: HfDetection = { sources: {}, notes: [] };
  const fmt = format(info.files);
  if (fmt) {
    // OME's catalog writes safetensors as version 1.0.0; it is what its runtimes match.
    d.modelFormat = { name: fmt.name, ...(fmt.name === 'safetensors' && { version: '1.0.0' }) };
    d.sources.modelFormat = fmt.source;
  } else {
    d.notes.push(
      'No weight files recognised (safetensors, gguf, pytorch, onnx): the model-agent fills the format in after download.',
    );
  }
  if (config) {
    const archs = config.architectures;
    if (Array.isArray(archs) && typeof archs[0] === 'string') {
      d.modelArchitecture = archs[0];
      d.sources.modelArchitecture = 'config.json architectures[0]';
    }
    if (typeof config.transformers_version === 'string') {
      d.modelFramework = { name: 'transformers', version: config.transformers_version };
      d.sources.modelFramework = 'config.json transformers_version';
    }
    const ctx = contextLength(config);
    if (ctx) {
      d.maxTokens = ctx.value;
      d.sources.maxTokens = `config.json ${ctx.key}`;
    }
  } else {
    d.notes.push(
      'No readable config.json: architecture, framework and context length stay unset until the model-agent fills them in; runtime selection cannot match on them before that.',
    );
  }
  if (info.safetensorsParameters && info.safetensorsParameters > 0) {
    d.modelParameterSize = formatParameterSize(info.safetensorsParameters);
    d.sources.modelParameterSize = 'hub safetensors parameter count';
  } else {
    const named = sizeFromName(info.id);
    if (named) {
      d.modelParameterSize = named;
      d.sources.modelParameterSize = 'the model name';
    } else {
      d.notes.push('Parameter size unknown: runtimes with a size range will not match it.');
    }
  }
  const quant = quantization(config, info.files);
  if (quant) {
    d.quantization = quant.value;
    d.sources.quantization = quant.source;
  }
  if (info.license) {
    d.license = info.license;
    d.sources.license = 'model card';
  }
  return d;
}

/** Reads a hub model from the hub's `GET /api/models/<id>` answer (unknown fields ignored). @public */
export function parseHfModelInfo(raw: unknown): HfModelInfo | undefined {
  if (!isRecord(raw)) return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const id = str(raw.id) ?? str(raw.modelId);
  if (!id) return undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [];
  const card = isRecord(raw.cardData) ? raw.cardData : {};
  const license =
    str(card.license) ?? tags.find(t => t.startsWith('license:'))?.slice('license:'.length);
  // The hub answers `false`, `"auto"` or `"manual"`; older answers say `true` for auto.
  let gated: HfModelInfo['gated'] = false;
  if (raw.gated === 'auto' || raw.gated === 'manual') gated = raw.gated;
  else if (raw.gated === true) gated = 'auto';
  const files = (Array.isArray(raw.siblings) ? raw.siblings : [])
    .filter(isRecord)
    .filter(s => typeof s.rfilename === 'string')
    .map(s => ({ path: s.rfilename as string, ...(num(s.size) !== undefined && { size: num(s.size) }) }));
  const st = isRecord(raw.safetensors) ? num(raw.safetensors.total) : undefined;
  return {
    id,
    ...(str(raw.author) && { author: str(raw.author) }),
    ...(str(raw.sha) && { sha: str(raw.sha) }),
    ...(str(raw.lastModified) && { lastModified: str(raw.lastModified) }),
    ...(num(raw.downloads) !== undefined && { downloads: num(raw.downloads) }),
    ...(num(raw.likes) !== undefined && { likes: num(raw.likes) }),
    gated,
    ...(raw.private === true && { private: true }),
    ...(str(raw.pipeline_tag) && { pipelineTag: str(raw.pipeline_tag) }),
    ...(str(raw.library_name) && { libraryName: str(raw.library_name) }),
    tags,
    ...(license && { license }),
    ...(st && { safetensorsParameters: st }),
    files,
  };
}

/**
 * The Kubernetes name the console proposes for a hub model: its name part, lower-cased,
 * other characters as `-` (OME's catalog names `meta-llama/Llama-3.1-8B` `llama-3-1-8b`).
 * @public
 */
export function hfModelObjectName(modelId: string): string {
  const name = (modelId.split('/').pop() ?? modelId)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return name.slice(0, 63).replace(/-$/, '') || 'model';
}

/** What an import asks for. @public */
export interface HfImportTarget {
  kind: 'ClusterBaseModel' | 'BaseModel';
  name: string;
  namespace?: string;
  modelId: string;
  revision?: string;
  /** The Secret holding the hub token (`spec.storage.key`), for gated models. */
  secretName?: string;
}

/**
 * The ClusterBaseModel or BaseModel OME needs for a hub model: `spec.storage.storageUri`
 * `hf://...`, the detected fields, and `spec.storage.key` naming the token Secret (the
 * model-agent reads its key `token`; for a ClusterBaseModel from namespace `ome`).
 * @public
 */
export function hfModelObject(
  target: HfImportTarget,
  info: HfModelInfo,
  detection: HfDetection,
): KubernetesObject {
  const [vendor] = target.modelId.includes('/') ? target.modelId.split('/') : [undefined];
  return {
    apiVersion: 'ome.io/v1beta1',
    kind: target.kind,
    metadata: {
      name: target.name,
      ...(target.kind === 'BaseModel' && { namespace: target.namespace }),
      annotations: {
        'ome-console/huggingface-model': target.modelId,
        ...(info.sha && { 'ome-console/huggingface-sha': info.sha }),
      },
    },
    spec: {
      ...(vendor && { vendor }),
      displayName: target.modelId.replace('/', '.'),
      ...(detection.modelFormat && { modelFormat: detection.modelFormat }),
      ...(detection.modelFramework && { modelFramework: detection.modelFramework }),
      ...(detection.modelArchitecture && { modelArchitecture: detection.modelArchitecture }),
      ...(detection.modelParameterSize && { modelParameterSize: detection.modelParameterSize }),
      ...(detection.maxTokens && { maxTokens: detection.maxTokens }),
      ...(detection.quantization && { quantization: detection.quantization }),
      storage: {
        storageUri: hfStorageUri(target.modelId, target.revision),
        ...(target.secretName && { key: target.secretName }),
      },
    },
  };
}

/** A hub model with what the console detected (`POST /huggingface/inspect`). @public */
export interface HfInspection {
  model: HfModelInfo;
  detection: HfDetection;
  /** Whether config.json was read, is missing, or was refused (gated without a token). */
  config: 'read' | 'missing' | 'refused';
  configMessage?: string;
  /** OME's storage URI, `hf://<model-id>[@<branch>]`. */
  storageUri: string;
  suggestedName: string;
}

/** Body of `POST /huggingface/inspect`. @public */
export interface HfInspectRequest {
  modelId: string;
  revision?: string;
  /** For gated models; never answered, logged or audited. */
  token?: string;
}

/** Body of `POST /huggingface/import`. @public */
export interface HfImportRequest {
  cluster: string;
  kind: 'ClusterBaseModel' | 'BaseModel';
  /** Namespace of a BaseModel. */
  namespace?: string;
  name: string;
  modelId: string;
  revision?: string;
  /** A hub token for gated models; stored in a Secret, never answered or logged. */
  token?: string;
}

/** The answer of `POST /huggingface/import`. @public */
export interface HfImportResult {
  model: OmeWriteResult;
  /** The Secret holding the token, when one was given. */
  secret?: { name: string; namespace: string };
  detection: HfDetection;
}
