import {
  OmeKind,
  OmeListItem,
  OmeListQuery,
  OmeListStats,
  compareColumnValues,
  omeColumns,
  omeObjectState,
  omeSearchText,
} from '@ome-console/plugin-ome-common';
import { badRequest } from './errors';

/** Largest page a list request may ask for. */
export const MAX_PAGE_SIZE = 1000;

function strings(name: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  if (!values.every(v => typeof v === 'string' && v.length > 0)) {
    throw badRequest(`query parameter ${name}: must be a non-empty string (repeat it for several values)`);
  }
  return [...new Set(values as string[])];
}

function single(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`query parameter ${name}: must be given once`);
  return value;
}

function integer(name: string, value: unknown, min: number, max: number): number | undefined {
  const text = single(name, value);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw badRequest(`query parameter ${name}: must be a whole number from ${min} to ${max}`);
  }
  return Number(text);
}

/** Reads and checks the query string of `GET /<plural>` (400 naming the parameter when wrong). */
export function parseListQuery(kind: OmeKind, query: Record<string, unknown>): OmeListQuery {
  const sort = single('sort', query.sort);
  if (sort !== undefined && !omeColumns(kind).some(c => c.id === sort)) {
    throw badRequest(
      `query parameter sort: ${kind} has no column '${sort}' (columns: ${omeColumns(kind).map(c => c.id).join(', ')})`,
    );
  }
  const order = single('order', query.order);
  if (order !== undefined && order !== 'asc' && order !== 'desc') {
    throw badRequest("query parameter order: must be 'asc' or 'desc'");
  }
  return {
    cluster: strings('cluster', query.cluster),
    namespace: strings('namespace', query.namespace),
    labelSelector: single('labelSelector', query.labelSelector),
    search: single('search', query.search),
    sort,
    order: order as OmeListQuery['order'],
    offset: integer('offset', query.offset, 0, Number.MAX_SAFE_INTEGER),
    limit: integer('limit', query.limit, 1, MAX_PAGE_SIZE),
  };
}

/**
 * Filters (namespace, search), sorts and pages items that already passed the permission
 * filter; the figures describe the whole filtered list, so they only count what the caller
 * may see.
 */
export function applyListQuery(
  kind: OmeKind,
  items: OmeListItem[],
  query: OmeListQuery,
): { items: OmeListItem[]; totalCount: number; stats: OmeListStats } {
  let filtered = items;
  if (query.namespace?.length) {
    const namespaces = new Set(query.namespace);
    filtered = filtered.filter(i => namespaces.has(i.object.metadata?.namespace ?? ''));
  }
  const search = query.search?.trim().toLowerCase();
  if (search) {
    filtered = filtered.filter(i => omeSearchText(kind, i.object).includes(search));
  }
  const columns = omeColumns(kind);
  const column = columns.find(c => c.id === (query.sort ?? 'name')) ?? columns[0];
  const direction = query.order === 'desc' ? -1 : 1;
  const keyed = filtered.map(item => ({ item, key: column.value(item.object) }));
  keyed.sort(
    (a, b) =>
      direction * compareColumnValues(a.key, b.key) ||
      a.item.cluster.localeCompare(b.item.cluster) ||
      (a.item.object.metadata?.namespace ?? '').localeCompare(b.item.object.metadata?.namespace ?? '') ||
      String(a.item.object.metadata?.name ?? '').localeCompare(String(b.item.object.metadata?.name ?? '')),
  );
  const stats: OmeListStats = { total: keyed.length, byCluster: {}, byState: {} };
  for (const { item } of keyed) {
    stats.byCluster[item.cluster] = (stats.byCluster[item.cluster] ?? 0) + 1;
    const state = omeObjectState(kind, item.object);
    stats.byState[state] = (stats.byState[state] ?? 0) + 1;
  }
  const offset = query.offset ?? 0;
  const page = keyed.slice(offset, query.limit === undefined ? undefined : offset + query.limit);
  return { items: page.map(k => k.item), totalCount: keyed.length, stats };
}
