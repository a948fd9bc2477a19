import { Config } from '@backstage/config';
import fs from 'node:fs';
import { ImpersonationSettings } from './service/impersonation';
import {
  CacheSettings,
  DEFAULT_CACHE_SETTINGS,
} from './service/cache/settings';

/** The OME backend's settings, read from the `ome` config key (see config.d.ts). */
export interface OmeBackendOptions {
  kubernetesPluginId: string;
  clusterTimeoutMs: number;
  requestTimeoutMs: number;
  /** Clusters (by name) whose requests impersonate the acting Backstage user. */
  impersonation: Map<string, ImpersonationSettings>;
  /** The watch-backed cache (`ome.cache`). */
  cache: CacheSettings;

  /** Clusters (by name) → token of the OME backend's own Secret writer (HuggingFace tokens). */
  secretWriters: Map<string, string>;
  huggingFace: HuggingFaceHubOptions;
}

/** Where the HuggingFace hub is and how much of it one request may take. */
export interface HuggingFaceHubOptions {
  /** The hub's address (every outbound call goes only there). */
  baseUrl: string;
  timeoutMs: number;
  maxResponseBytes: number;
}

/** The public hub; a config key points elsewhere (a mirror, or a stand-in in tests). */
const DEFAULT_HUB = 'https://huggingface.co';

function readHuggingFace(config: Config): HuggingFaceHubOptions {
  const baseUrl = (
    config.getOptionalString('ome.huggingFace.baseUrl') ?? DEFAULT_HUB
  ).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Invalid config ome.huggingFace.baseUrl: not a URL`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) {
    throw new Error(`Invalid config ome.huggingFace.baseUrl: must be http(s)`);
  }
  return {
    baseUrl,
    timeoutMs: positive(config, 'ome.huggingFace.timeoutMs', 10_000),
    maxResponseBytes: positive(
      config,
      'ome.huggingFace.maxResponseBytes',
      2 * 1024 * 1024,
    ),
  };
}

function tokenOf(config: Config, key: string): string {
  const inline = config.getOptionalString('token');
  const file = config.getOptionalString('tokenFile');
  if (!!inline === !!file) {
    throw new Error(`Invalid config ${key}: give exactly one of token and tokenFile`);
  }
  const token = inline ?? fs.readFileSync(file!, 'utf8').trim();
  if (!token) throw new Error(`Invalid config ${key}: the token is empty`);
  return token;
}

function readSecretWriters(config: Config): Map<string, string> {
  const result = new Map<string, string>();
  for (const cluster of config.getOptionalConfigArray('ome.clusters') ?? []) {
    const name = cluster.getString('name');
    const writer = cluster.getOptionalConfig('secretWriter');
    if (!writer) continue;
    result.set(name, tokenOf(writer, `ome.clusters[${name}].secretWriter`));
  }
  return result;
}

function readImpersonation(config: Config): Map<string, ImpersonationSettings> {
  const result = new Map<string, ImpersonationSettings>();
  for (const cluster of config.getOptionalConfigArray('ome.clusters') ?? []) {
    const name = cluster.getString('name');
    const imp = cluster.getOptionalConfig('impersonation');
    if (!imp || !imp.getOptionalBoolean('enabled')) continue;
    const key = `ome.clusters[${name}].impersonation`;
    const inline = imp.getOptionalString('token');
    const file = imp.getOptionalString('tokenFile');
    if (!!inline === !!file) {
      throw new Error(
        `Invalid config ${key}: give exactly one of token and tokenFile`,
      );
    }
    const token = inline ?? fs.readFileSync(file!, 'utf8').trim();
    if (!token) throw new Error(`Invalid config ${key}: the token is empty`);
    result.set(name, {
      token,
      userPrefix: imp.getOptionalString('userPrefix') ?? '',
      groupPrefix: imp.getOptionalString('groupPrefix') ?? '',
    });
  }
  return result;
}

function positive(
  config: Config,
  key: string,
  fallback: number,
  unit = 'milliseconds',
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `Invalid config ${key}: must be a positive number of ${unit}`,
    );
  }
  return value;
}

function readCache(config: Config, clusterTimeoutMs: number): CacheSettings {
  const d = DEFAULT_CACHE_SETTINGS;
  const watchTimeoutSeconds = positive(
    config,
    'ome.cache.watchTimeoutSeconds',
    d.watchTimeoutSeconds,
    'seconds',
  );
  if (watchTimeoutSeconds > 290) {
    // Node's fetch ends a body silent for 300 s on every hop; bookmarks may not come.
    throw new Error(
      'Invalid config ome.cache.watchTimeoutSeconds: must be at most 290 (Node fetch ends silent responses after 300 s)',
    );
  }
  return {
    enabled: config.getOptionalBoolean('ome.cache.enabled') ?? d.enabled,
    watchTimeoutSeconds: Math.round(watchTimeoutSeconds),
    probeIntervalMs: positive(
      config,
      'ome.cache.probeIntervalMs',
      d.probeIntervalMs,
    ),
    probeTimeoutMs: clusterTimeoutMs,
    maxBackoffMs: positive(config, 'ome.cache.maxBackoffMs', d.maxBackoffMs),
    readYourWritesTimeoutMs: positive(
      config,
      'ome.cache.readYourWritesTimeoutMs',
      d.readYourWritesTimeoutMs,
    ),
    crdRecheckMs: positive(config, 'ome.cache.crdRecheckMs', d.crdRecheckMs),
    clusterRefreshMs: positive(
      config,
      'ome.cache.clusterRefreshMs',
      d.clusterRefreshMs,
    ),
  };
}

export function readOmeBackendOptions(config: Config): OmeBackendOptions {
  const clusterTimeoutMs = positive(config, 'ome.clusterTimeoutMs', 5_000);
  return {
    cache: readCache(config, clusterTimeoutMs),
    kubernetesPluginId:
      config.getOptionalString('ome.kubernetesPluginId') ?? 'kubernetes',
    clusterTimeoutMs,
    requestTimeoutMs: positive(config, 'ome.requestTimeoutMs', 30_000),
    impersonation: readImpersonation(config),
    secretWriters: readSecretWriters(config),
    huggingFace: readHuggingFace(config),
  };
}
