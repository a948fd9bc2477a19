import { Box, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { KubernetesObject, OmeWriteResult } from '@ome-console/plugin-ome-common';
import { DryRunResult } from '../common/DiffView';

/** The review of a draft: "No changes", or the server's dry run against the loaded object. */
export function ReviewPanel(props: {
  noChanges: boolean;
  dryRun?: OmeWriteResult;
  /** The loaded object (edit), absent for a create. */
  before?: KubernetesObject;
}) {
  if (!props.noChanges && !props.dryRun) return null;
  return (
    <Box mt={2}>
      <Typography variant="h6">Review</Typography>
      {props.noChanges || !props.dryRun ? (
        <Alert severity="info" data-testid="ome-diff-no-changes">
          No changes: nothing would be written.
        </Alert>
      ) : (
        <DryRunResult before={props.before} result={props.dryRun} />
      )}
    </Box>
  );
}
