import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { OmeKind, omeKindInfo } from '@ome-console/plugin-ome-common';
import { OmeCreateDecision, omeApiRef } from '../api';

/**
 * Asks once whether the caller may create `kind` in `cluster` (and `namespace`, needed for
 * namespaced kinds). Without a cluster (or namespace) nothing is asked. `decision` is
 * undefined while loading, without a place, or when the call failed: a failed call decides
 * nothing, the backend still refuses on submit.
 */
export function useMayCreate(
  kind: OmeKind,
  cluster: string | undefined,
  namespace?: string,
): { decision?: OmeCreateDecision; loading: boolean } {
  const api = useApi(omeApiRef);
  const namespaced = omeKindInfo(kind).namespaced;
  const ready = !!cluster && (!namespaced || !!namespace);
  const state = useAsync(async () => {
    if (!ready) return undefined;
    return api
      .mayCreate(kind, {
        cluster: cluster!,
        ...(namespaced && { namespace }),
      })
      .catch(() => undefined);
  }, [api, kind, cluster, namespaced ? namespace : undefined, ready]);
  return { decision: state.value ?? undefined, loading: state.loading };
}
