import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { ModelDisplayState } from '@ome-console/plugin-ome-common';

const labels: Record<ModelDisplayState, string> = {
  Creating: 'Creating',
  Importing: 'Importing',
  In_Transit: 'In transit',
  In_Training: 'In training',
  Ready: 'Ready',
  Failed: 'Failed',
  Unknown: 'Unknown',
};

/** A model's `status.state` as a Backstage status indicator. */
export function ModelStateStatus(props: {
  state: ModelDisplayState;
  disabled?: boolean;
}) {
  const label = labels[props.state] ?? 'Unknown';
  if (props.disabled) return <StatusAborted>{label} (disabled)</StatusAborted>;
  switch (props.state) {
    case 'Ready':
      return <StatusOK>{label}</StatusOK>;
    case 'Failed':
      return <StatusError>{label}</StatusError>;
    case 'Creating':
    case 'Importing':
    case 'In_Transit':
    case 'In_Training':
      return <StatusRunning>{label}</StatusRunning>;
    default:
      return <StatusPending>{label}</StatusPending>;
  }
}
