import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { omeApiRef, OmeLogQuery, OmeServiceRef } from '../api';

/** Most lines kept in the page; older ones drop off the top while following. */
export const LOG_LINES_KEPT = 5000;

/** What a log viewer shows. */
export interface LogStreamState {
  lines: string[];
  loading: boolean;
  /** The stream is open and new lines are still arriving. */
  following: boolean;
  error?: Error;
}

/**
 * Reads a container log through the OME backend (a streamed fetch, since the Backstage token
 * must be sent), line by line; with `follow` it stays open until the arguments change or the
 * component unmounts, then the request is aborted.
 */
export function useLogStream(
  service: OmeServiceRef,
  pod: string | undefined,
  query: OmeLogQuery,
): LogStreamState {
  const api = useApi(omeApiRef);
  const [state, setState] = useState<LogStreamState>({
    lines: [],
    loading: !!pod,
    following: false,
  });
  const { cluster, namespace, name } = service;
  const { container, tailLines, follow, timestamps, previous } = query;

  useEffect(() => {
    if (!pod) {
      setState({ lines: [], loading: false, following: false });
      return undefined;
    }
    const abort = new AbortController();
    setState({ lines: [], loading: true, following: false });
    (async () => {
      const stream = await api.openPodLog(
        { cluster, namespace, name },
        pod,
        { container, tailLines, follow, timestamps, previous },
        { signal: abort.signal },
      );
      const reader = stream.getReader();
      const decoder = new TextDecoder();
      let partial = '';
      setState(s => ({ ...s, loading: false, following: !!follow }));
      // ends when the cluster ends the log or the request is aborted
      // a superseded stream (arguments changed, unmounted) must not touch the state
      for (;;) {
        const { done, value } = await reader.read();
        if (done || abort.signal.aborted) break;
        const text = partial + decoder.decode(value, { stream: true });
        const parts = text.split('\n');
        partial = parts.pop() ?? '';
        if (parts.length) {
          setState(s => {
            const lines = s.lines.concat(parts);
            return {
              ...s,
              lines:
                lines.length > LOG_LINES_KEPT
                  ? lines.slice(lines.length - LOG_LINES_KEPT)
                  : lines,
            };
          });
        }
      }
      if (abort.signal.aborted) return;
      setState(s => ({
        ...s,
        lines: partial ? s.lines.concat(partial) : s.lines,
        loading: false,
        following: false,
      }));
    })().catch(error => {
      if (abort.signal.aborted) return;
      setState(s => ({ ...s, loading: false, following: false, error }));
    });
    return () => abort.abort();
  }, [api, cluster, namespace, name, pod, container, tailLines, follow, timestamps, previous]);

  return state;
}
