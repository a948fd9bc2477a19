import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import {
  omeKindInfo,
  OmeObjectRef,
  OmeWriteResult,
  validateOmeName,
} from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { useClusters } from '../../hooks';
import { DryRunResult } from '../common/DiffView';
import { ErrorAlert } from '../common/errors';
import { OptionSelect } from '../common/OptionSelect';

/** Name and target of a copy → dry run with its diff → confirm. */
export function CloneDialog(props: {
  source: OmeObjectRef;
  onClose: () => void;
  onCloned: (target: OmeObjectRef) => void;
}) {
  const { source } = props;
  const { namespaced } = omeKindInfo(source.kind);
  const api = useApi(omeApiRef);
  const [name, setName] = useState(`${source.name}-copy`);
  const [cluster, setCluster] = useState(source.cluster);
  const [namespace, setNamespace] = useState(source.namespace ?? '');
  const [dryRun, setDryRun] = useState<OmeWriteResult | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const { clusters } = useClusters();
  const namespaces = useAsync(async () => {
    if (!namespaced) return [];
    const res = await api
      .listNamespaces({ cluster: [cluster] })
      .catch(() => ({ items: [] }));
    return [...new Set(res.items.map(n => n?.name).filter(Boolean))] as string[];
  }, [api, cluster, namespaced]);

  const nameError = name ? validateOmeName(source.kind, name) : 'Required';
  const request = {
    name,
    cluster,
    ...(namespaced && namespace ? { namespace } : {}),
  };

  const review = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setDryRun(
        await api.cloneResource(source, request, { dryRun: true }),
      );
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.cloneResource(source, request);
      props.onCloned({
        kind: source.kind,
        cluster,
        namespace: namespaced ? namespace || source.namespace : undefined,
        name,
      });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const clusterNames = clusters.map(c => c.name);
  if (!clusterNames.includes(source.cluster)) clusterNames.unshift(source.cluster);
  const nsNames = namespaces.value ?? [];
  if (namespace && !nsNames.includes(namespace)) nsNames.unshift(namespace);

  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="ome-clone-title">
      <DialogTitle id="ome-clone-title">
        Clone {source.kind} {source.name}
      </DialogTitle>
      <DialogContent>
        <TextField
          id="ome-clone-name"
          label="Name of the copy"
          fullWidth
          value={name}
          onChange={ev => {
            setName(ev.target.value);
            setDryRun(undefined);
          }}
          error={!!nameError}
          helperText={nameError}
          margin="dense"
        />
        <OptionSelect
          id="ome-clone-cluster"
          label="Target cluster"
          fullWidth
          value={cluster}
          onChange={value => {
            setCluster(value);
            setDryRun(undefined);
          }}
          options={clusterNames}
          margin="dense"
        />
        {namespaced && (
          <OptionSelect
            id="ome-clone-namespace"
            label="Target namespace"
            fullWidth
            value={namespace}
            onChange={value => {
              setNamespace(value);
              setDryRun(undefined);
            }}
            options={nsNames}
            margin="dense"
          />
        )}
        {error !== undefined && (
          <Box mt={1}>
            <ErrorAlert error={error} />
          </Box>
        )}
        {dryRun && (
          <Box mt={2}>
            <DryRunResult result={dryRun} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        {!dryRun ? (
          <Button
            color="primary"
            variant="contained"
            disabled={busy || !!nameError}
            onClick={review}
            data-testid="ome-review"
          >
            Review (dry run)
          </Button>
        ) : (
          <Button
            color="primary"
            variant="contained"
            disabled={busy}
            onClick={confirm}
            data-testid="ome-confirm"
          >
            Confirm clone
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
