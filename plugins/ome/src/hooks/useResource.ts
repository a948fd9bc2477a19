import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { omeApiRef } from '../api';
import { OmeListItem, OmeObjectRef } from '@ome-console/plugin-ome-common';
import { useOmeChanges } from './useOmeChanges';

/**
 * One object as the backend reads it (with the caller's `actions`), kept live by the tab's
 * change stream: a change replaces the object in place; a delete (or leaving the caller's
 * scope) and a stream `reset` refetch, so the page shows the backend's answer. `retry` reloads.
 */
export function useResource(ref: OmeObjectRef) {
  const api = useApi(omeApiRef);
  const { kind, cluster, namespace, name } = ref;
  const state = useAsyncRetry(
    () => api.getResource({ kind, cluster, namespace, name }),
    [api, kind, cluster, namespace, name],
  );
  const [live, setLive] = useState<OmeListItem>();
  useEffect(() => setLive(state.value), [state.value]);

  const { retry } = state;
  useOmeChanges(
    {
      kinds: [kind],
      clusters: [cluster],
      ...(namespace !== undefined && { namespaces: [namespace] }),
      name,
    },
    notice => {
      if (notice.type === 'reset' || notice.change.type === 'DELETED') retry();
      else {
        const { object } = notice.change;
        setLive(item => item && { ...item, object });
      }
    },
  );
  return { ...state, value: live ?? state.value };
}
