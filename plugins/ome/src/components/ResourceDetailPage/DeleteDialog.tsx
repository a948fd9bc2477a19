import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@material-ui/core';
import { omeApiRef } from '../../api';
import { ErrorAlert } from '../common/errors';
import { OmeObjectRef } from '@ome-console/plugin-ome-common';

/** Confirms and deletes one object (only at the resourceVersion shown). */
export function DeleteDialog(props: {
  target: OmeObjectRef;
  resourceVersion?: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { target } = props;
  const api = useApi(omeApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.deleteResource(target, {
        resourceVersion: props.resourceVersion,
      });
      props.onDeleted();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth aria-labelledby="ome-delete-title">
      <DialogTitle id="ome-delete-title">
        Delete {target.kind} {target.name}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {target.kind} {target.namespace ? `${target.namespace}/` : ''}
          {target.name} will be deleted from cluster {target.cluster}.
        </DialogContentText>
        {error !== undefined && <ErrorAlert error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          onClick={confirm}
          disabled={busy}
          data-testid="ome-confirm-delete"
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
