import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@material-ui/core';
import { HfModelInfo } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { ErrorAlert } from '../common/errors';
import { TruncatedText } from '../common/TruncatedText';

/** The hub's search: a query field and the matching models, one click to inspect one. */
export function HubSearch(props: {
  onSelect: (model: HfModelInfo) => void;
  selectedId?: string;
}) {
  const api = useApi(omeApiRef);
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<HfModelInfo[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const search = async () => {
    if (!query.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      setItems(await api.searchHuggingFace(query.trim(), { limit: 20 }));
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };

  return (
    <Box>
      <Box
        component="form"
        display="flex"
        alignItems="flex-end"
        onSubmit={(ev: React.FormEvent) => {
          ev.preventDefault();
          search();
        }}
      >
        <TextField
          id="ome-hf-search"
          label="Search the model hub"
          placeholder="e.g. llama, qwen"
          value={query}
          onChange={ev => setQuery(ev.target.value)}
          style={{ minWidth: 360 }}
        />
        <Box ml={1}>
          <Button type="submit" variant="outlined" disabled={busy || !query.trim()} data-testid="ome-hf-search-button">
            Search
          </Button>
        </Box>
      </Box>
      {error !== undefined && (
        <Box mt={1}>
          <ErrorAlert error={error} />
        </Box>
      )}
      {items && (
        <Table size="small" data-testid="ome-hf-results" style={{ tableLayout: 'fixed' }}>
          <TableHead>
            <TableRow>
              <TableCell style={{ width: '40%' }}>Model</TableCell>
              <TableCell>Task</TableCell>
              <TableCell>Access</TableCell>
              <TableCell align="right">Downloads</TableCell>
              <TableCell align="right">Likes</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {items.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>No model matches “{query}”.</TableCell>
              </TableRow>
            )}
            {items.map(m => (
              <TableRow key={m.id} selected={m.id === props.selectedId}>
                <TableCell>
                  <TruncatedText text={m.id} maxWidth="100%" />
                </TableCell>
                <TableCell>
                  <TruncatedText text={m.pipelineTag ?? '—'} maxWidth="100%" />
                </TableCell>
                <TableCell>{m.gated ? `gated (${m.gated})` : 'open'}</TableCell>
                <TableCell align="right">{m.downloads?.toLocaleString('en-US') ?? '—'}</TableCell>
                <TableCell align="right">{m.likes?.toLocaleString('en-US') ?? '—'}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => props.onSelect(m)} aria-label={`Inspect ${m.id}`}>
                    Inspect
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
