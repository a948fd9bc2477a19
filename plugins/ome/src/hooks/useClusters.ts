import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { OmeClusterInfo, OmeKind } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../api';

/** A cluster for a picker: its name, and whether it serves the kind asked about (if known). */
export interface ClusterChoice {
  name: string;
  /** Undefined when the cluster did not say (e.g. unreachable). */
  installed?: boolean;
}

/**
 * The clusters the OME backend knows, as choices for pickers. With `kind`, each says
 * whether it serves that kind. A failed call yields no clusters (pickers only offer them).
 */
export function useClusters(kind?: OmeKind) {
  const api = useApi(omeApiRef);
  const state = useAsyncRetry(() => api.getClusters(), [api]);
  const items: OmeClusterInfo[] = Array.isArray(state.value?.items)
    ? state.value!.items
    : [];
  const clusters: ClusterChoice[] = items
    .filter(c => c && typeof c.name === 'string')
    .map(c => ({
      name: c.name,
      installed:
        kind && Array.isArray(c.kinds)
          ? c.kinds.some(k => k?.kind === kind && k.installed)
          : undefined,
    }));
  return {
    clusters,
    loading: state.loading,
    error: state.error,
    retry: state.retry,
  };
}
