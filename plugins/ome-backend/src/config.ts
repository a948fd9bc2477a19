import { Config } from '@backstage/config';

/** The OME backend's settings, read from the `ome` config key (see config.d.ts). */
export interface OmeBackendOptions {
  kubernetesPluginId: string;
  clusterTimeoutMs: number;
  requestTimeoutMs: number;
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
  };
}
