import { Box, Button } from '@material-ui/core';
import { ErrorAlert } from './errors';

/**
 * The two buttons of a write reviewed by a dry run first ("Validate (dry run)", then the
 * write itself, enabled only once the dry run passed), and the error of the last call.
 */
export function DryRunActions(props: {
  busy: boolean;
  /** The input is complete enough to ask for a dry run. */
  canReview: boolean;
  /** The last dry run passed for the current input. */
  canWrite: boolean;
  onRun: (dryRun: boolean) => void;
  writeLabel: string;
  error?: unknown;
  /** Prefix of the buttons' test ids: `<prefix>-review`, `<prefix>-confirm`. */
  testIdPrefix?: string;
}) {
  const prefix = props.testIdPrefix ?? 'ome';
  return (
    <>
      <Box mt={2} display="flex">
        <Button
          variant="contained"
          color="primary"
          disabled={props.busy || !props.canReview}
          onClick={() => props.onRun(true)}
          data-testid={`${prefix}-review`}
        >
          Validate (dry run)
        </Button>
        <Box ml={1}>
          <Button
            variant="contained"
            color="secondary"
            disabled={props.busy || !props.canWrite}
            onClick={() => props.onRun(false)}
            data-testid={`${prefix}-confirm`}
          >
            {props.writeLabel}
          </Button>
        </Box>
      </Box>
      {props.error !== undefined && (
        <Box mt={2}>
          <ErrorAlert error={props.error} />
        </Box>
      )}
    </>
  );
}
