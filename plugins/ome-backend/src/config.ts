import { Config } from '@backstage/config';
import fs from 'node:fs';
import { ImpersonationSettings } from './service/impersonation';

/** The OME backend's settings, read from the `ome` config key (see config.d.ts). */
export interface OmeBackendOptions {
  kubernetesPluginId: string;
  clusterTimeoutMs: number;
  requestTimeoutMs: number;
  /** Clusters (by name) whose requests impersonate the acting Backstage user. */
  impersonation: Map<string, ImpersonationSettings>;
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
      throw new Error(`Invalid config ${key}: give exactly one of token and tokenFile`);
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

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `Invalid config ${key}: must be a positive number of milliseconds`,
    );
  }
  return value;
}

export function readOmeBackendOptions(config: Config): OmeBackendOptions {
  return {
    kubernetesPluginId:
      config.getOptionalString('ome.kubernetesPluginId') ?? 'kubernetes',
    clusterTimeoutMs: positive(config, 'ome.clusterTimeoutMs', 5_000),
    requestTimeoutMs: positive(config, 'ome.requestTimeoutMs', 30_000),
    impersonation: readImpersonation(config),
  };
}
