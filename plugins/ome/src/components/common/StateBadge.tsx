import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';

const ok = new Set([
  'ready',
  'succeeded',
  'completed',
  'complete',
  'available',
  'active',
  'true',
]);
const bad = new Set(['failed', 'error', 'false', 'notready', 'not ready']);
const running = new Set([
  'creating',
  'importing',
  'in_transit',
  'in_training',
  'pending',
  'running',
  'progressing',
  'inprogress',
  'in progress',
  'deploying',
  'updating',
]);
const off = new Set(['disabled', 'suspended', 'deleted', 'terminating']);

/** A state in words (`In_Transit` → `In Transit`): badges, list stats and the overview. */
export function stateLabel(state: unknown): string {
  return typeof state === 'string' && state
    ? state.replace(/_/g, ' ')
    : 'Unknown';
}

/** A state as derived by ome-common's `omeObjectState`, as a Backstage status badge. */
export function StateBadge(props: { state: unknown }) {
  const label = stateLabel(props.state);
  const key = label.toLowerCase();
  const k2 = key.replace(/ /g, '_');
  const inner = <span data-testid="ome-state">{label}</span>;
  if (ok.has(key)) return <StatusOK>{inner}</StatusOK>;
  if (bad.has(key)) return <StatusError>{inner}</StatusError>;
  if (running.has(key) || running.has(k2))
    return <StatusRunning>{inner}</StatusRunning>;
  if (off.has(key)) return <StatusAborted>{inner}</StatusAborted>;
  if (key.includes('warn') || key.includes('degraded'))
    return <StatusWarning>{inner}</StatusWarning>;
  return <StatusPending>{inner}</StatusPending>;
}
