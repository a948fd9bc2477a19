import { Link, Progress } from '@backstage/core-components';
import {
  Box,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { OmeObjectRef } from '@ome-console/plugin-ome-common';
import { useRuntimeModels } from '../../hooks';
import { ClusterProblems, ErrorAlert } from '../common/errors';
import { useOmePaths } from '../common/paths';
import { TruncatedText } from '../common/TruncatedText';
import { unknownFieldsText } from '../common/selectionText';

/** A short verdict for a model's row. */
function verdict(m: { selected: boolean; compatible: boolean }): string {
  if (m.selected) return 'Selected';
  return m.compatible ? 'Can serve' : 'Excluded';
}

/**
 * "Models this runtime can serve": every model of the cluster the caller may read (for a
 * namespaced runtime, the cluster's models and its namespace's), those OME would give this
 * runtime first, then the others it can serve when named, then the rest with the reason.
 */
export function RuntimeModels(props: { runtime: OmeObjectRef }) {
  const { runtime } = props;
  const paths = useOmePaths();
  const state = useRuntimeModels(runtime);
  const answer = state.value;
  const compatible = answer?.models.filter(m => m.compatible).length ?? 0;
  return (
    <Box data-testid="ome-runtime-models">
      <Typography variant="h6">Models this runtime can serve</Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {runtime.kind === 'ServingRuntime'
          ? `For services in ${runtime.namespace} on ${runtime.cluster}.`
          : `For services on ${runtime.cluster} that name no runtime of their namespace.`}
      </Typography>
      {state.loading && !answer && <Progress />}
      {state.error && <ErrorAlert error={state.error} />}
      {answer && (
        <>
          <Box mb={2}>
            <Typography data-testid="ome-runtime-models-summary">
              Can serve {compatible} of {answer.models.length} model
              {answer.models.length === 1 ? '' : 's'}; OME picks it for{' '}
              {answer.models.filter(m => m.selected).length}.
            </Typography>
            {answer.hiddenModels > 0 && (
              <Typography
                variant="body2"
                color="textSecondary"
                data-testid="ome-runtime-models-hidden"
              >
                {answer.hiddenModels} more model
                {answer.hiddenModels > 1 ? 's' : ''} on this cluster that you
                may not read.
              </Typography>
            )}
          </Box>
          <ClusterProblems kindLabel="Base models" errors={answer.errors} />
          <Table size="small" style={{ tableLayout: 'fixed', width: '100%' }}>
            <TableHead>
              <TableRow>
                <TableCell style={{ width: '30%' }}>Model</TableCell>
                <TableCell style={{ width: 140 }}>Scope</TableCell>
                <TableCell style={{ width: 140 }}>Verdict</TableCell>
                <TableCell>Why not</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {answer.models.map(m => {
                const why =
                  m.reason?.message ??
                  (m.unknownModelFields.length && !m.compatible
                    ? `${unknownFieldsText(m.unknownModelFields)} not known yet`
                    : '');
                return (
                  <TableRow
                    key={`${m.kind}/${m.namespace ?? ''}/${m.name}`}
                    data-testid="ome-runtime-model"
                  >
                    <TableCell>
                      <Link
                        to={paths.detail({
                          kind: m.kind,
                          cluster: answer.cluster,
                          namespace: m.namespace,
                          name: m.name,
                        })}
                      >
                        <TruncatedText text={m.name} maxWidth="100%" />
                      </Link>
                    </TableCell>
                    <TableCell>
                      <TruncatedText
                        text={m.namespace ?? 'cluster'}
                        maxWidth="100%"
                      />
                    </TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        label={verdict(m)}
                        color={m.selected ? 'primary' : 'default'}
                        variant={m.compatible ? 'default' : 'outlined'}
                      />
                    </TableCell>
                    <TableCell data-testid="ome-runtime-model-reason">
                      <TruncatedText text={why} maxWidth="100%" />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {answer.models.length === 0 && (
            <Typography variant="body2">
              No model on this cluster that you may read.
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}
