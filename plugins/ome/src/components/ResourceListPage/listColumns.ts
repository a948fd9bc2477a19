import { OmeColumn, OmeKind, omeColumns } from '@ome-console/plugin-ome-common';
import { display, safely } from '../common/format';

/**
 * The columns a kind's list shows until the user picks others: what fits one line each at
 * 1280 px beside name and cluster. The others stay in the column picker and on the detail
 * page. (`ready` of an InferenceService is its state.)
 */
const DEFAULT_VISIBLE: Record<OmeKind, readonly string[]> = {
  ClusterBaseModel: ['name', 'vendor', 'format', 'architecture', 'size', 'state', 'age'],
  BaseModel: ['name', 'namespace', 'vendor', 'format', 'size', 'state', 'age'],
  ClusterServingRuntime: ['name', 'formats', 'architectures', 'sizeRange', 'state', 'age'],
  ServingRuntime: ['name', 'namespace', 'formats', 'sizeRange', 'state', 'age'],
  InferenceService: ['name', 'namespace', 'model', 'runtime', 'state', 'age'],
  AcceleratorClass: ['name', 'vendor', 'family', 'memory', 'nodes', 'state', 'age'],
  BenchmarkJob: ['name', 'namespace', 'endpoint', 'task', 'state', 'age'],
  FineTunedWeight: ['name', 'baseModel', 'modelType', 'vendor', 'state', 'age'],
};

/** All columns of a kind (never throws). */
export function kindColumns(kind: OmeKind): OmeColumn[] {
  return safely(() => omeColumns(kind), []);
}

/** The ids of the columns shown by default. */
export function defaultVisibleColumns(kind: OmeKind): string[] {
  return [...DEFAULT_VISIBLE[kind]];
}

/** `2026-01-01T00:00:00Z` → `3d` (the age column, as kubectl shows it). */
export function age(value: unknown, now = Date.now()): string {
  if (typeof value !== 'string') return display(value);
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** A cell's text: ages as ages, booleans as yes/no, anything else as `display` shows it. */
export function cellText(columnId: string, value: unknown): string {
  if (columnId === 'age') return age(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return display(value);
}
