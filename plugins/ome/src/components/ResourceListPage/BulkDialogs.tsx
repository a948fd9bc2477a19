import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { OmeKind, OmeListItem } from '@ome-console/plugin-ome-common';
import { toYaml } from '../../editing/yaml';
import { omeApiRef, omeErrorMessage } from '../../api';
import { objectMeta } from '../common/format';
import { YamlEditor } from '../common/YamlEditor';

/** Whether the backend said the caller may delete this object (`actions.delete`). */
export function mayDelete(item: OmeListItem): boolean {
  return item?.actions?.delete === true;
}

/**
 * Deletes the selected objects after one confirmation; reports each failure. `skipped`
 * counts selected objects the caller may not delete (they are not in `items`).
 */
export function BulkDeleteDialog(props: {
  kind: OmeKind;
  items: OmeListItem[];
  skipped?: number;
  onClose: (deleted: boolean) => void;
}) {
  const skipped = props.skipped ?? 0;
  const api = useApi(omeApiRef);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const [done, setDone] = useState(false);

  const run = async () => {
    setBusy(true);
    const failed: string[] = [];
    for (const item of props.items) {
      const m = objectMeta(item.object);
      try {
        await api.deleteResource(
          {
            kind: props.kind,
            cluster: item.cluster,
            namespace: m.namespace,
            name: m.name,
          },
          { resourceVersion: m.resourceVersion },
        );
      } catch (e) {
        const where = `${item.cluster}/${m.namespace ? `${m.namespace}/` : ''}${m.name}`;
        failed.push(`${where}: ${omeErrorMessage(e)}`);
      }
    }
    setBusy(false);
    setDone(true);
    setFailures(failed);
    if (!failed.length) props.onClose(true);
  };

  return (
    <Dialog open onClose={() => props.onClose(done)} maxWidth="sm" fullWidth>
      <DialogTitle>
        Delete {props.items.length} {props.kind}
        {props.items.length === 1 ? '' : ' objects'}?
      </DialogTitle>
      <DialogContent>
        {skipped > 0 && (
          <Alert severity="info" data-testid="ome-delete-skipped">
            {skipped} selected {skipped === 1 ? 'object is' : 'objects are'}{' '}
            skipped: you may not delete {skipped === 1 ? 'it' : 'them'}.
          </Alert>
        )}
        <ul data-testid="ome-delete-list">
          {props.items.map((it, i) => {
            const m = objectMeta(it.object);
            return (
              <li key={i}>
                <Typography variant="body2">
                  {m.namespace ? `${m.namespace}/` : ''}
                  {m.name} on {it.cluster}
                </Typography>
              </li>
            );
          })}
        </ul>
        {failures.length > 0 && (
          <Alert severity="error" data-testid="ome-error">
            {failures.map((f, i) => (
              <div key={i}>{f}</div>
            ))}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => props.onClose(done)}>
          {done ? 'Close' : 'Cancel'}
        </Button>
        {!done && (
          <Button
            color="secondary"
            variant="contained"
            disabled={busy}
            onClick={run}
            data-testid="ome-confirm-delete"
          >
            Delete
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** The selected objects as one multi-document YAML, to copy or download. */
export function ExportYamlDialog(props: {
  kind: OmeKind;
  items: OmeListItem[];
  onClose: () => void;
}) {
  const text = props.items
    .map(it => {
      try {
        return toYaml(it.object);
      } catch {
        return JSON.stringify(it.object, null, 2);
      }
    })
    .join('---\n');
  const download = () => {
    const blob = new Blob([text], { type: 'application/yaml' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${props.kind.toLowerCase()}-export.yaml`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth>
      <DialogTitle>Export {props.items.length} as YAML</DialogTitle>
      <DialogContent>
        <YamlEditor
          value={text}
          readOnly
          label="Exported YAML"
          testId="ome-export-yaml"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
        <Button color="primary" variant="contained" onClick={download}>
          Download
        </Button>
      </DialogActions>
    </Dialog>
  );
}
