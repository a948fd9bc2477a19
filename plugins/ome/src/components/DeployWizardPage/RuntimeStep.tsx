import {
  Box,
  FormControlLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { RuntimeSelectionResult } from '@ome-console/plugin-ome-common';
import { RuntimeCandidatesTable } from '../common/RuntimeCandidatesTable';
import { unknownFieldsText } from '../common/selectionText';

const AUTOMATIC = '';
/** Rows shown: the compatible runtimes come first, the rest are excluded anyway. */
const SHOWN = 50;

/**
 * The runtime: automatic (OME's own choice, shown with why the others lose) or a
 * compatible runtime chosen by hand (`spec.runtime.name`).
 */
export function RuntimeStep(props: {
  cluster: string;
  selection?: RuntimeSelectionResult;
  value?: string;
  onChange: (runtimeName: string | undefined) => void;
}) {
  const { selection } = props;
  if (!selection) return <Typography>Choose a model first.</Typography>;
  const winner = selection.winner;
  const compatible = selection.candidates.filter(c => c.compatible);
  return (
    <Box data-testid="ome-deploy-runtime-step">
      {selection.modelProblem && (
        <Alert severity="warning">{selection.modelProblem.message}</Alert>
      )}
      {selection.unknownModelFields.length > 0 && (
        <Alert severity="info">
          Not known yet for this model:{' '}
          {unknownFieldsText(selection.unknownModelFields)}. OME's model-agent
          fills them in after download; selection may change then.
        </Alert>
      )}
      <RadioGroup
        value={props.value ?? AUTOMATIC}
        onChange={ev => props.onChange(ev.target.value || undefined)}
        aria-label="Runtime"
      >
        <FormControlLabel
          value={AUTOMATIC}
          control={<Radio />}
          label={
            winner
              ? `Automatic: OME would pick ${winner.name} (score ${
                  winner.score
                }${
                  winner.isCluster
                    ? ', cluster runtime'
                    : `, in ${winner.namespace}`
                })`
              : 'Automatic: no runtime qualifies, so OME would not select one'
          }
          data-testid="ome-deploy-runtime-auto"
          disabled={!winner}
        />
        {compatible
          .filter(c => c !== winner)
          .map(c => (
            <FormControlLabel
              key={`${c.namespace ?? ''}/${c.name}`}
              value={c.name}
              control={<Radio />}
              label={`${c.name} (compatible${
                c.reason ? `; not automatic: ${c.reason.message}` : ''
              })`}
            />
          ))}
      </RadioGroup>
      <RuntimeCandidatesTable
        cluster={props.cluster}
        candidates={selection.candidates.slice(0, SHOWN)}
        testId="ome-deploy-runtimes"
      />
      {selection.candidates.length > SHOWN && (
        <Typography variant="caption">
          {selection.candidates.length - SHOWN} more runtimes not shown (none of
          them is compatible).
        </Typography>
      )}
    </Box>
  );
}
