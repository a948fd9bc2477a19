import { Box, Checkbox, FormControlLabel, Grid, TextField, Typography } from '@material-ui/core';
import {
  KubernetesObject,
  ServiceComponent,
  specValue,
  withSpec,
} from '@ome-console/plugin-ome-common';

const COMPONENTS: ServiceComponent[] = ['engine', 'decoder', 'router'];

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Engine, decoder and router: whether each is there, its min/max replicas and its CPU and
 * memory requests (on the component's `runner`, which overrides the runtime's container).
 */
export function OverridesStep(props: {
  draft: KubernetesObject;
  onChange: (next: KubernetesObject) => void;
}) {
  const { draft } = props;
  const field = (c: ServiceComponent, path: string[], label: string, numeric: boolean) => {
    const value = specValue(draft, [c, ...path]);
    return (
      <TextField
        fullWidth
        id={`ome-deploy-${c}-${path.join('-')}`}
        label={label}
        type={numeric ? 'number' : 'text'}
        value={value === undefined ? '' : String(value)}
        onChange={ev =>
          props.onChange(
            withSpec(draft, [c, ...path], numeric ? numberOrUndefined(ev.target.value) : ev.target.value || undefined),
          )
        }
      />
    );
  };
  return (
    <Box data-testid="ome-deploy-overrides-step">
      {COMPONENTS.map(c => {
        const present = specValue(draft, [c]) !== undefined;
        return (
          <Box key={c} mb={2}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={present}
                  disabled={c === 'engine'}
                  onChange={ev =>
                    props.onChange(withSpec(draft, [c], ev.target.checked ? { minReplicas: 1, maxReplicas: 1 } : undefined))
                  }
                />
              }
              label={<Typography variant="subtitle1">{c}</Typography>}
            />
            {present && (
              <Grid container spacing={2}>
                <Grid item xs={6} md={3}>{field(c, ['minReplicas'], 'Min replicas', true)}</Grid>
                <Grid item xs={6} md={3}>{field(c, ['maxReplicas'], 'Max replicas', true)}</Grid>
                <Grid item xs={6} md={3}>{field(c, ['runner', 'resources', 'requests', 'cpu'], 'CPU request', false)}</Grid>
                <Grid item xs={6} md={3}>{field(c, ['runner', 'resources', 'requests', 'memory'], 'Memory request', false)}</Grid>
              </Grid>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
