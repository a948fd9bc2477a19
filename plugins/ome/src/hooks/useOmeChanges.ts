import { useEffect, useRef } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import {
  OmeChangeFilter,
  OmeChangeNotice,
  omeChangeStreamApiRef,
} from '../api';

/**
 * Calls `onChange` for every change the tab's one stream carries that matches `filter`,
 * and on `reset` (then refetch what is shown). `onChange` may change on every render; the
 * subscription follows the filter's content. Without the change stream API installed
 * (e.g. in a test app) nothing is called.
 * @public
 */
export function useOmeChanges(
  filter: OmeChangeFilter | undefined,
  onChange: (notice: OmeChangeNotice) => void,
): void {
  const stream = useApiHolder().get(omeChangeStreamApiRef);
  const latest = useRef(onChange);
  latest.current = onChange;
  const key = filter ? JSON.stringify(filter) : undefined;
  useEffect(() => {
    if (!stream || !key) return undefined;
    return stream.subscribe(JSON.parse(key) as OmeChangeFilter, notice =>
      latest.current(notice),
    );
  }, [stream, key]);
}
