import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { OmeListQuery } from '@ome-console/plugin-ome-common';

/** What a list page shows, as kept in its URL (so a link or a reload shows the same). */
export interface ResourceListQuery {
  /** Selected clusters; none means all. */
  clusters: string[];
  /** Selected namespace; empty means all. */
  namespace: string;
  labelSelector: string;
  search: string;
  sort: string;
  order: 'asc' | 'desc';
  /** 0-based page index. */
  page: number;
  pageSize: number;
}

/** Page sizes offered; the first is not the default, 25 is. */
export const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;

function int(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function fromParams(params: URLSearchParams): ResourceListQuery {
  const pageSize = int(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  return {
    clusters: params.getAll('cluster').filter(Boolean),
    namespace: params.get('namespace') ?? '',
    labelSelector: params.get('labelSelector') ?? '',
    search: params.get('search') ?? '',
    sort: params.get('sort') || 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: int(params.get('page'), 0),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

function toParams(query: ResourceListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const c of query.clusters) params.append('cluster', c);
  // defaults stay out of the URL, so links stay short
  if (query.namespace) params.set('namespace', query.namespace);
  if (query.labelSelector) params.set('labelSelector', query.labelSelector);
  if (query.search) params.set('search', query.search);
  if (query.sort !== 'name') params.set('sort', query.sort);
  if (query.order !== 'asc') params.set('order', query.order);
  if (query.page) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE)
    params.set('pageSize', String(query.pageSize));
  return params;
}

/**
 * The list query kept in the URL's search parameters. `update` merges a change; any change
 * but a page change goes back to the first page (the old page may not exist any more).
 */
export function useResourceListQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => fromParams(params), [params]);
  const update = useCallback(
    (change: Partial<ResourceListQuery>) => {
      setParams(
        current => {
          const next = { ...fromParams(current), page: 0, ...change };
          return toParams(next);
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { query, update };
}

/** The backend's list query for one page of the list query. */
export function toOmeListQuery(query: ResourceListQuery): OmeListQuery {
  const labelSelector = query.labelSelector.trim();
  const search = query.search.trim();
  return {
    ...(query.clusters.length > 0 && { cluster: query.clusters }),
    ...(query.namespace && { namespace: [query.namespace] }),
    ...(labelSelector && { labelSelector }),
    ...(search && { search }),
    sort: query.sort,
    order: query.order,
    offset: query.page * query.pageSize,
    limit: query.pageSize,
  };
}
