import {
  Box,
  FormControlLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  KubernetesObject,
  ServingRuntimeResource,
} from '@ome-console/plugin-ome-common';

function describe(ac: KubernetesObject): string {
  const status = (ac.status ?? {}) as Record<string, unknown>;
  const cost = (ac.spec?.cost ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (status.totalAccelerators !== undefined) {
    parts.push(`${status.availableAccelerators ?? '?'} of ${status.totalAccelerators} free`);
  }
  if (status.availableNodes !== undefined) parts.push(`${status.availableNodes} nodes available`);
  if (cost.perHour !== undefined) parts.push(`${cost.perHour}/hour`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/**
 * The accelerator class (`spec.acceleratorSelector.acceleratorClass`): the runtime's
 * required classes that exist in the cluster, with capacity, what is free and cost.
 */
export function AcceleratorStep(props: {
  runtime?: ServingRuntimeResource;
  acceleratorClasses: KubernetesObject[];
  value?: string;
  onChange: (acceleratorClass: string | undefined) => void;
}) {
  const listed = props.runtime?.spec?.acceleratorRequirements?.acceleratorClasses ?? [];
  const known = new Map(props.acceleratorClasses.map(a => [a.metadata.name, a]));
  return (
    <Box data-testid="ome-deploy-accelerator-step">
      {!props.runtime && (
        <Alert severity="info">No runtime chosen: OME picks the accelerator with the runtime.</Alert>
      )}
      {props.runtime && listed.length === 0 && (
        <Alert severity="info">
          {props.runtime.metadata.name} lists no accelerator classes: asking for one would make it
          unable to serve this service, so leave it to OME.
        </Alert>
      )}
      <RadioGroup
        value={props.value ?? ''}
        onChange={ev => props.onChange(ev.target.value || undefined)}
        aria-label="Accelerator class"
      >
        <FormControlLabel value="" control={<Radio />} label="Let OME choose" />
        {listed.map(name => {
          const ac = known.get(name);
          return (
            <FormControlLabel
              key={name}
              value={name}
              control={<Radio />}
              label={ac ? `${name}${describe(ac)}` : `${name} (not in this cluster)`}
              disabled={!ac}
            />
          );
        })}
      </RadioGroup>
      {listed.length > 0 && (
        <Typography variant="caption" color="textSecondary">
          Classes from the runtime's accelerator requirements; capacity and cost from the
          cluster's AcceleratorClasses.
        </Typography>
      )}
    </Box>
  );
}
