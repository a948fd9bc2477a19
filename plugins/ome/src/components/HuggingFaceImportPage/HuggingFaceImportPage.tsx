import { useCallback, useState } from 'react';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Grid,
  Paper,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { HfInspection, HfModelInfo } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { useClusters, useDryRunThenWrite } from '../../hooks';
import { DryRunActions } from '../common/DryRunActions';
import { ErrorAlert } from '../common/errors';
import { OptionSelect } from '../common/OptionSelect';
import { useOmePaths } from '../common/paths';
import { CreatePermissionBanner } from '../common/permissions';
import { HubSearch } from './HubSearch';
import { ModelCard } from './ModelCard';

const KINDS = ['ClusterBaseModel', 'BaseModel'] as const;
type ModelKind = (typeof KINDS)[number];

/**
 * `/ome/huggingface`: search the configured model hub, inspect a model (card details and
 * what its config.json and files say in OME's terms), then create a ClusterBaseModel or
 * BaseModel for it (a dry run first). Gated models take a hub token, which the backend
 * stores in a Secret created with the model.
 */
export function HuggingFaceImportPage() {
  const api = useApi(omeApiRef);
  const paths = useOmePaths();
  const [selected, setSelected] = useState<HfModelInfo | undefined>();
  const [token, setToken] = useState('');
  const [revision, setRevision] = useState('');
  const [inspection, setInspection] = useState<HfInspection | undefined>();
  const [kind, setKind] = useState<ModelKind>('ClusterBaseModel');
  const [cluster, setCluster] = useState('');
  const [namespace, setNamespace] = useState('');
  const [name, setName] = useState('');
  // the inspection's call; the import's own state is `importing`
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const clusterNames = useClusters().clusters.map(c => c.name);
  const chosenCluster = cluster || clusterNames[0] || '';

  const importing = useDryRunThenWrite(
    useCallback(
      async (dryRun: boolean) =>
        inspection
          ? api.importHuggingFace(
              {
                cluster: chosenCluster,
                kind,
                ...(kind === 'BaseModel' && { namespace: namespace.trim() }),
                name: name.trim(),
                modelId: inspection.model.id,
                ...(revision.trim() && { revision: revision.trim() }),
                ...(token && { token }),
              },
              { dryRun },
            )
          : undefined,
      [api, inspection, chosenCluster, kind, namespace, name, revision, token],
    ),
  );
  const result = importing.result;

  const inspect = async (model: HfModelInfo, withToken = token) => {
    setSelected(model);
    setBusy(true);
    setError(undefined);
    importing.clear();
    try {
      const answer = await api.inspectHuggingFace({
        modelId: model.id,
        ...(revision.trim() && { revision: revision.trim() }),
        ...(withToken && { token: withToken }),
      });
      setInspection(answer);
      setName(current => current || answer.suggestedName);
    } catch (e) {
      setError(e);
      setInspection(undefined);
    }
    setBusy(false);
  };

  const created = result && !result.model.dryRun ? result : undefined;
  const createdRef = created && {
    kind,
    cluster: chosenCluster,
    ...(kind === 'BaseModel' && { namespace: namespace.trim() }),
    name: created.model.object.metadata.name,
  };

  return (
    <Box data-testid="ome-hf-import-page">
      <Box mb={1}>
        <Link to={paths.root()}>← OME</Link>
      </Box>
      <Typography variant="h4" component="h1" gutterBottom>
        Import from HuggingFace
      </Typography>
      <HubSearch onSelect={m => inspect(m)} selectedId={selected?.id} />
      {selected && (
        <Box mt={2} component={Paper} p={2}>
          <Grid container spacing={2}>
            <Grid item xs={12} md={4}>
              <TextField
                fullWidth
                id="ome-hf-revision"
                label="Revision"
                helperText="Branch, tag or commit; empty for main"
                value={revision}
                onChange={ev => setRevision(ev.target.value)}
              />
            </Grid>
            <Grid item xs={12} md={5}>
              <TextField
                fullWidth
                id="ome-hf-token"
                type="password"
                autoComplete="off"
                label="Hub token (gated models)"
                helperText="Stored in a Secret the model-agent reads; never shown again"
                value={token}
                onChange={ev => setToken(ev.target.value)}
              />
            </Grid>
            <Grid item xs={12} md={3}>
              <Button
                variant="outlined"
                disabled={busy}
                onClick={() => inspect(selected)}
                data-testid="ome-hf-reinspect"
              >
                Inspect again
              </Button>
            </Grid>
          </Grid>
        </Box>
      )}
      {inspection && (
        <Box mt={2}>
          <ModelCard inspection={inspection} />
        </Box>
      )}
      {inspection && (
        <Box mt={2} component={Paper} p={2} data-testid="ome-hf-target">
          <Typography variant="h6" component="h2" gutterBottom>
            Create the model
          </Typography>
          <Grid container spacing={2}>
            <Grid item xs={12} md={3}>
              <OptionSelect
                fullWidth
                id="ome-hf-kind"
                label="Kind"
                value={kind}
                onChange={v => setKind(v as ModelKind)}
                options={KINDS}
              />
            </Grid>
            <Grid item xs={12} md={3}>
              <OptionSelect
                fullWidth
                id="ome-hf-cluster"
                label="Cluster"
                value={chosenCluster}
                onChange={setCluster}
                options={clusterNames}
              />
            </Grid>
            {kind === 'BaseModel' && (
              <Grid item xs={12} md={3}>
                <TextField
                  fullWidth
                  id="ome-hf-namespace"
                  label="Namespace"
                  value={namespace}
                  onChange={ev => setNamespace(ev.target.value)}
                />
              </Grid>
            )}
            <Grid item xs={12} md={3}>
              <TextField
                fullWidth
                id="ome-hf-name"
                label="Name"
                value={name}
                onChange={ev => setName(ev.target.value)}
              />
            </Grid>
          </Grid>
          {chosenCluster &&
            (kind === 'ClusterBaseModel' || namespace.trim()) && (
              <Box mt={1}>
                <CreatePermissionBanner
                  kind={kind}
                  cluster={chosenCluster}
                  namespace={
                    kind === 'BaseModel' ? namespace.trim() : undefined
                  }
                />
              </Box>
            )}
          {inspection.model.gated && !token && (
            <Box mt={1}>
              <Alert severity="warning">
                This model is gated: give a hub token with access to import it.
              </Alert>
            </Box>
          )}
          <DryRunActions
            busy={busy || importing.busy}
            canReview={!!name.trim() && !!chosenCluster}
            canWrite={!!result?.model.dryRun}
            onRun={importing.run}
            writeLabel="Import"
            error={importing.error}
            testIdPrefix="ome-hf"
          />
        </Box>
      )}
      {error !== undefined && (
        <Box mt={2}>
          <ErrorAlert error={error} />
        </Box>
      )}
      {result && (
        <Box mt={2} data-testid="ome-hf-result">
          <Alert severity={result.model.dryRun ? 'info' : 'success'}>
            {result.model.dryRun
              ? `The cluster accepts ${kind} ${
                  result.model.object.metadata.name
                }${result.secret ? ' and its token Secret' : ''}.`
              : `Created ${kind} ${result.model.object.metadata.name}${
                  result.secret
                    ? ` and Secret ${result.secret.namespace}/${result.secret.name}`
                    : ''
                }.`}
            {result.model.warnings.map(w => (
              <div key={w}>Warning: {w}</div>
            ))}
          </Alert>
          {createdRef && (
            <Box mt={1}>
              <Link
                to={paths.detail(createdRef)}
                data-testid="ome-hf-created-link"
              >
                Open {createdRef.name}
              </Link>
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
}
