import {
  Box,
  FormControlLabel,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { RuntimeSelectionResult } from '@ome-console/plugin-ome-common';
import { TruncatedText } from '../common/TruncatedText';

const AUTOMATIC = '';

/**
 * The runtime: automatic (OME's own choice, shown with why the others lose) or a
 * compatible runtime chosen by hand (`spec.runtime.name`).
 */
export function RuntimeStep(props: {
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
          {selection.unknownModelFields.join(', ')}. OME's model-agent fills
          them in after download; selection may change then.
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
      <Table
        size="small"
        style={{ tableLayout: 'fixed' }}
        data-testid="ome-deploy-runtimes"
      >
        <TableHead>
          <TableRow>
            <TableCell style={{ width: 80 }}>Rank</TableCell>
            <TableCell style={{ width: '35%' }}>Runtime</TableCell>
            <TableCell style={{ width: 80 }}>Score</TableCell>
            <TableCell>Why not</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {selection.candidates.slice(0, 50).map(c => (
            <TableRow
              key={`${c.namespace ?? ''}/${c.name}`}
              selected={c === winner}
            >
              <TableCell>{c.rank ?? '—'}</TableCell>
              <TableCell>
                <TruncatedText
                  text={c.namespace ? `${c.namespace}/${c.name}` : c.name}
                  maxWidth="100%"
                />
              </TableCell>
              <TableCell>{c.compatible ? c.score : '—'}</TableCell>
              <TableCell>
                <TruncatedText
                  text={c === winner ? 'selected' : c.reason?.message ?? ''}
                  maxWidth="100%"
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {selection.candidates.length > 50 && (
        <Typography variant="caption">
          {selection.candidates.length - 50} more runtimes not shown (none of
          them is compatible).
        </Typography>
      )}
    </Box>
  );
}
