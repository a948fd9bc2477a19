import { useState } from 'react';
import { Link, Progress } from '@backstage/core-components';
import {
  Box,
  Chip,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { OmeObjectRef } from '@ome-console/plugin-ome-common';
import { useModelRuntimes, useNamespaces } from '../../hooks';
import { ClusterProblems, ErrorAlert } from '../common/errors';
import { useOmePaths } from '../common/paths';
import { TruncatedText } from '../common/TruncatedText';
import {
  unknownFieldsConsequence,
  unknownFieldsText,
  verdictOf,
} from './selectionText';

const NO_NAMESPACE = '';

/**
 * "Runtimes that can serve this model": OME's ranking (namespaced runtimes first, then score,
 * size closeness and name), the winner first, and the first reason for every other runtime.
 */
export function ModelRuntimes(props: { model: OmeObjectRef }) {
  const { model } = props;
  const paths = useOmePaths();
  const clusterModel = model.kind === 'ClusterBaseModel';
  // A cluster model serves services in any namespace; their ServingRuntimes take part too.
  const [namespace, setNamespace] = useState(NO_NAMESPACE);
  const { namespaces } = useNamespaces([model.cluster], clusterModel);
  const state = useModelRuntimes(
    model,
    clusterModel && namespace ? namespace : undefined,
  );

  const answer = state.value;
  return (
    <Box data-testid="ome-model-runtimes">
      <Box display="flex" alignItems="center" flexWrap="wrap" mb={2}>
        <Box flexGrow={1} minWidth={0}>
          <Typography variant="h6">
            Runtimes that can serve this model
          </Typography>
          <Typography variant="body2" color="textSecondary">
            As OME's controller picks one for a service that names no runtime,
            on {model.cluster}
            {answer?.namespace ? `, for a service in ${answer.namespace}` : ''}.
          </Typography>
        </Box>
        {clusterModel && (
          <FormControl
            variant="outlined"
            size="small"
            style={{ minWidth: 220 }}
          >
            <InputLabel id="ome-selection-ns-label">
              Service namespace
            </InputLabel>
            <Select
              labelId="ome-selection-ns-label"
              label="Service namespace"
              value={namespace}
              onChange={e => setNamespace(String(e.target.value))}
              data-testid="ome-selection-namespace"
            >
              <MenuItem value={NO_NAMESPACE}>Cluster runtimes only</MenuItem>
              {namespaces.map(n => (
                <MenuItem key={n} value={n}>
                  {n}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        )}
      </Box>
      {state.loading && !answer && <Progress />}
      {state.error && <ErrorAlert error={state.error} />}
      {answer && (
        <>
          {answer.unknownModelFields.length > 0 && (
            <Box mb={2}>
              <Alert severity="info" data-testid="ome-selection-unknown">
                This model's {unknownFieldsText(answer.unknownModelFields)}{' '}
                {answer.unknownModelFields.length > 1 ? 'are' : 'is'} not known
                yet: OME's model-agent fills{' '}
                {answer.unknownModelFields.length > 1 ? 'them' : 'it'} in from
                the model's files after download.{' '}
                {unknownFieldsConsequence(answer.unknownModelFields)}
              </Alert>
            </Box>
          )}
          <Box mb={2}>
            {answer.winner && (
              <Typography data-testid="ome-selection-winner">
                OME picks{' '}
                <Link
                  to={paths.detail({
                    kind: answer.winner.isCluster
                      ? 'ClusterServingRuntime'
                      : 'ServingRuntime',
                    cluster: answer.cluster,
                    namespace: answer.winner.namespace,
                    name: answer.winner.name,
                  })}
                >
                  {answer.winner.name}
                </Link>{' '}
                (score {answer.winner.score}).
              </Typography>
            )}
            {answer.winnerHidden && (
              <Typography data-testid="ome-selection-winner">
                OME picks a runtime you may not read.
              </Typography>
            )}
            {!answer.winner && !answer.winnerHidden && (
              <Typography data-testid="ome-selection-winner">
                OME picks no runtime for this model
                {answer.modelProblem ? `: ${answer.modelProblem.message}` : '.'}
              </Typography>
            )}
            {answer.hiddenRuntimes > 0 && (
              <Typography
                variant="body2"
                color="textSecondary"
                data-testid="ome-selection-hidden"
              >
                {answer.hiddenRuntimes} more runtime
                {answer.hiddenRuntimes > 1 ? 's' : ''} on this cluster took part
                that you may not read.
              </Typography>
            )}
          </Box>
          <ClusterProblems
            kindLabel="Serving runtimes"
            errors={answer.errors}
          />
          <Table size="small" style={{ tableLayout: 'fixed', width: '100%' }}>
            <TableHead>
              <TableRow>
                <TableCell style={{ width: 48 }}>#</TableCell>
                <TableCell style={{ width: '26%' }}>Runtime</TableCell>
                <TableCell style={{ width: 120 }}>Scope</TableCell>
                <TableCell style={{ width: 80 }}>Score</TableCell>
                <TableCell style={{ width: 130 }}>Verdict</TableCell>
                <TableCell>Why not</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {answer.candidates.map(c => (
                <TableRow
                  key={`${c.namespace ?? ''}/${c.name}`}
                  data-testid="ome-runtime-candidate"
                  selected={c.rank === 1}
                >
                  <TableCell>{c.rank ?? ''}</TableCell>
                  <TableCell>
                    <Link
                      to={paths.detail({
                        kind: c.isCluster
                          ? 'ClusterServingRuntime'
                          : 'ServingRuntime',
                        cluster: answer.cluster,
                        namespace: c.namespace,
                        name: c.name,
                      })}
                    >
                      <TruncatedText text={c.name} maxWidth="100%" />
                    </Link>
                  </TableCell>
                  <TableCell>
                    <TruncatedText
                      text={c.isCluster ? 'cluster' : c.namespace ?? ''}
                      maxWidth="100%"
                    />
                  </TableCell>
                  <TableCell>{c.compatible ? c.score : ''}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={verdictOf(c)}
                      color={c.rank === 1 ? 'primary' : 'default'}
                      variant={
                        c.selectable || c.compatible ? 'default' : 'outlined'
                      }
                    />
                  </TableCell>
                  <TableCell data-testid="ome-runtime-reason">
                    <TruncatedText
                      text={c.reason?.message ?? ''}
                      maxWidth="100%"
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {answer.candidates.length === 0 && (
            <Typography variant="body2">
              No runtime on this cluster that you may read.
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}
