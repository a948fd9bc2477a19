import { OME_KINDS } from '@ome-console/plugin-ome-common';
import { useCoalescedRefetch } from './useCoalescedRefetch';
import { useOmeChanges } from './useOmeChanges';

const ALL_KINDS = OME_KINDS.map(k => k.kind);

/**
 * Calls `refetch` (at most twice a second) when the tab's change stream reports a change of
 * any OME kind in `clusters` (all clusters when empty) or a `reset`: for summaries over every
 * kind, such as the dashboard's counts and its needs-attention list.
 */
export function useRefetchOnAnyChange(
  refetch: () => void,
  clusters: readonly string[] = [],
): void {
  const coalesced = useCoalescedRefetch(refetch);
  useOmeChanges(
    { kinds: ALL_KINDS, ...(clusters.length && { clusters: [...clusters] }) },
    coalesced,
  );
}
