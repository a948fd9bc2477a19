import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { OmeKind, OmeListQuery } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../api';
import { LiveListView, applyChangeToList } from './liveList';
import { useOmeChanges } from './useOmeChanges';

/**
 * One page of a kind's list as the backend filters, sorts and pages it, kept live by the
 * tab's change stream: shown rows change in place, deleted rows go, added objects are
 * counted in `added` (show them with `retry`); a stream `reset` refetches. No polling.
 */
export function useResourceList(kind: OmeKind, query: OmeListQuery) {
  const api = useApi(omeApiRef);
  // the query is rebuilt on every render: depend on its content
  const key = JSON.stringify(query);
  const state = useAsyncRetry(
    () => api.listResources(kind, JSON.parse(key) as OmeListQuery),
    [api, kind, key],
  );
  const [view, setView] = useState<LiveListView>();
  useEffect(() => {
    setView(state.value ? { list: state.value, added: 0 } : undefined);
  }, [state.value]);

  const { retry } = state;
  useOmeChanges(
    { kinds: [kind], clusters: query.cluster, namespaces: query.namespace },
    notice => {
      if (notice.type === 'reset') retry();
      else {
        setView(v => v && applyChangeToList(kind, v, notice.change));
      }
    },
  );
  return {
    ...state,
    value: view?.list ?? state.value,
    /** Objects added since the page was fetched (not shown until `retry`). */
    added: view?.added ?? 0,
  };
}
