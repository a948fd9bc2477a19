import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { omeApiRef } from '../api';

/**
 * The namespace names of the given clusters (of all clusters when none is given), sorted
 * and without duplicates. With `enabled` false (a cluster-scoped kind) nothing is asked.
 * A failed call yields none: the picker only offers them.
 */
export function useNamespaces(clusters: readonly string[], enabled = true) {
  const api = useApi(omeApiRef);
  const key = clusters.join(',');
  const state = useAsync(async () => {
    if (!enabled) return [];
    const answer = await api
      .listNamespaces({ cluster: key ? key.split(',') : [] })
      .catch(() => ({ items: [] }));
    const names = (Array.isArray(answer.items) ? answer.items : [])
      .map(n => n?.name)
      .filter((n): n is string => typeof n === 'string');
    return [...new Set(names)].sort();
  }, [api, key, enabled]);
  return { namespaces: state.value ?? [], loading: state.loading };
}
