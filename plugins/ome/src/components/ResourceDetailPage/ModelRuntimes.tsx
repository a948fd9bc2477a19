import { useState } from 'react';
import { Link, Progress } from '@backstage/core-components';
import {
  Box,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { OmeObjectRef } from '@ome-console/plugin-ome-common';
import { useModelRuntimes, useNamespaces } from '../../hooks';
import { ClusterProblems, ErrorAlert } from '../common/errors';
import { useOmePaths } from '../common/paths';
import { RuntimeCandidatesTable } from '../common/RuntimeCandidatesTable';
import {
  unknownFieldsConsequence,
  unknownFieldsText,
} from '../common/selectionText';

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
          <RuntimeCandidatesTable
            cluster={answer.cluster}
            candidates={answer.candidates}
          />
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
