import { useCallback, useMemo, useState } from 'react';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Grid,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  OME_KINDS,
  OmeImportResponse,
  OmeKind,
  omeKindInfo,
  parseYamlDocuments,
} from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { useClusters, useDryRunThenWrite } from '../../hooks';
import { DryRunActions } from '../common/DryRunActions';
import { display } from '../common/format';
import { useOmePaths } from '../common/paths';
import { CreatePermissionBanner } from '../common/permissions';
import { YamlEditor } from '../common/YamlEditor';
import { OptionSelect } from '../common/OptionSelect';

function resultSeverity(r: OmeImportResponse) {
  if (!r.applied) return 'error';
  return r.dryRun ? 'info' : 'success';
}

/** A document as the summary names it: its number, kind and name. */
function documentName(d: OmeImportResponse['results'][number]): string {
  return `document ${d.index + 1} (${display(d.kind)} ${display(d.name)})`;
}

function resultText(r: OmeImportResponse): string {
  if (r.dryRun) {
    return r.applied
      ? `All ${r.results.length} documents would be applied to ${r.cluster}.`
      : 'Nothing can be imported: at least one document was refused.';
  }
  if (r.applied) return `Imported into ${r.cluster}.`;
  const results = Array.isArray(r.results) ? r.results : [];
  const failed = results.find(
    d => d?.outcome === 'failed' || d?.outcome === 'refused',
  );
  const rolledBack = results.filter(d => d?.outcome === 'rolled-back').length;
  // A write the rollback could not undo keeps its outcome: it is still in the cluster.
  const stayed = results.filter(
    d => d?.outcome === 'created' || d?.outcome === 'updated',
  );
  const why = failed
    ? `${documentName(failed)} ${
        failed.outcome === 'refused' ? 'was refused' : 'failed'
      }`
    : 'a document failed';
  const undone = rolledBack
    ? ` ${rolledBack} document${
        rolledBack === 1 ? '' : 's'
      } applied before it ${rolledBack === 1 ? 'was' : 'were'} rolled back.`
    : '';
  if (stayed.length) {
    return `The import stopped: ${why}.${undone} ${stayed.length} document${
      stayed.length === 1 ? '' : 's'
    } could not be rolled back and stayed applied in ${r.cluster}: ${stayed
      .map(documentName)
      .join(', ')}.`;
  }
  return `Nothing was imported: ${why}.${undone}`;
}

/** The distinct kinds and namespaces the documents would create (at most 10 places). */
function createPlaces(
  docs: Array<{ value?: unknown }>,
  defaultNamespace: string,
): Array<{ kind: OmeKind; namespace?: string }> {
  const places = new Map<string, { kind: OmeKind; namespace?: string }>();
  for (const d of docs) {
    const v = d.value as any;
    const info = OME_KINDS.find(k => k.kind === v?.kind);
    if (!info) continue;
    const ns = omeKindInfo(info.kind).namespaced
      ? (typeof v?.metadata?.namespace === 'string' && v.metadata.namespace) ||
        defaultNamespace ||
        undefined
      : undefined;
    places.set(`${info.kind}/${ns ?? ''}`, { kind: info.kind, namespace: ns });
  }
  return [...places.values()].slice(0, 10);
}

/** Where the documents come from: pasted or a file here, or a URL the backend reads. */
type ImportSource = 'yaml' | 'url';

/**
 * `/ome/import`: YAML pasted, from a file or read by the backend from a URL (through the
 * portal's integrations), validated by a dry run, then applied (all or nothing).
 */
export function ImportPage() {
  const api = useApi(omeApiRef);
  const paths = useOmePaths();
  const [source, setSource] = useState<ImportSource>('yaml');
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [cluster, setCluster] = useState('');
  const [namespace, setNamespace] = useState('');

  const clusterNames = useClusters().clusters.map(c => c.name);
  const chosen = cluster || clusterNames[0] || '';

  const docs = useMemo(() => {
    if (!text.trim()) return [];
    try {
      return parseYamlDocuments(text);
    } catch (e) {
      return [{ index: 0, error: { message: (e as Error).message } }];
    }
  }, [text]);
  const parseErrors = docs.filter(d => d.error);
  const places = useMemo(
    () => createPlaces(docs, namespace.trim()),
    [docs, namespace],
  );

  const importing = useDryRunThenWrite(
    useCallback(
      (dryRun: boolean) =>
        api.importYaml(
          {
            cluster: chosen,
            ...(namespace && { namespace }),
            ...(source === 'url' ? { url: url.trim() } : { yaml: text }),
          },
          { dryRun },
        ),
      [api, chosen, namespace, source, url, text],
    ),
  );
  const { result, busy } = importing;

  return (
    <Box data-testid="ome-import-page">
      <Box mb={1}>
        <Link to={paths.root()}>← OME</Link>
      </Box>
      <Typography variant="h4" component="h1" gutterBottom>
        Import YAML
      </Typography>
      <Grid container spacing={2}>
        <Grid item xs={12} md={4}>
          <OptionSelect
            fullWidth
            id="ome-import-cluster"
            label="Cluster"
            value={chosen}
            onChange={setCluster}
            options={clusterNames}
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <TextField
            fullWidth
            id="ome-import-namespace"
            label="Default namespace"
            helperText="For namespaced documents that name none"
            value={namespace}
            onChange={ev => setNamespace(ev.target.value)}
          />
        </Grid>
      </Grid>
      <Box mt={2}>
        <Tabs
          value={source}
          onChange={(_, v: ImportSource) => {
            setSource(v);
            importing.clear();
          }}
          indicatorColor="primary"
        >
          <Tab
            value="yaml"
            label="Paste or upload"
            data-testid="ome-import-source-yaml"
          />
          <Tab
            value="url"
            label="From a URL"
            data-testid="ome-import-source-url"
          />
        </Tabs>
      </Box>
      {source === 'url' ? (
        <Box mt={2} component={Paper} p={2}>
          <TextField
            fullWidth
            id="ome-import-url"
            label="URL of a YAML file"
            placeholder="https://github.com/org/repo/blob/main/runtimes.yaml"
            helperText="Read by the backend through the portal's integrations (GitHub, GitLab, Bitbucket, …) and backend.reading.allow; the dry run shows what it holds"
            value={url}
            onChange={ev => {
              setUrl(ev.target.value);
              importing.clear();
            }}
          />
        </Box>
      ) : (
        <>
          <Box mt={2}>
            <Button component="label" variant="outlined">
              Load from file
              <input
                type="file"
                hidden
                aria-label="YAML file"
                accept=".yaml,.yml,.json,text/yaml,application/json"
                onChange={async ev => {
                  const file = ev.target.files?.[0];
                  if (file) {
                    setText(await file.text());
                    importing.clear();
                  }
                }}
              />
            </Button>
          </Box>
          <Box mt={2} component={Paper} p={2}>
            <YamlEditor
              value={text}
              onChange={t => {
                setText(t);
                importing.clear();
              }}
              label="YAML to import"
            />
            <Typography
              variant="caption"
              color="textSecondary"
              data-testid="ome-import-summary"
            >
              {docs.length} document{docs.length === 1 ? '' : 's'}
              {docs.length
                ? `: ${docs
                    .map(d => {
                      const v = d.value as any;
                      return v && typeof v === 'object'
                        ? `${display(v.kind)} ${display(v.metadata?.name)}`
                        : '?';
                    })
                    .join(', ')}`
                : ''}
            </Typography>
            {parseErrors.map(d => (
              <Alert
                severity="error"
                key={d.index}
                data-testid="ome-yaml-error"
              >
                Document {d.index + 1}
                {d.error?.line !== undefined
                  ? `, line ${d.error.line}`
                  : ''}: {d.error?.message}
              </Alert>
            ))}
            {docs
              .filter(d => {
                const k = (d.value as any)?.kind;
                return d.value && !OME_KINDS.some(x => x.kind === k);
              })
              .map(d => (
                <Alert severity="warning" key={`k${d.index}`}>
                  Document {d.index + 1} is not an OME kind (
                  {display((d.value as any)?.kind)})
                </Alert>
              ))}
          </Box>
        </>
      )}
      {chosen &&
        source === 'yaml' &&
        places.map(p => (
          <Box mt={1} key={`${p.kind}/${p.namespace ?? ''}`}>
            <CreatePermissionBanner
              kind={p.kind}
              cluster={chosen}
              namespace={p.namespace}
            />
          </Box>
        ))}
      <DryRunActions
        busy={busy}
        canReview={
          !!chosen &&
          (source === 'url'
            ? !!url.trim()
            : docs.length > 0 && parseErrors.length === 0)
        }
        canWrite={!!result?.dryRun && result.applied}
        onRun={importing.run}
        writeLabel="Import"
        error={importing.error}
      />
      {result && (
        <Box mt={2} data-testid="ome-import-result">
          <Alert severity={resultSeverity(result)}>{resultText(result)}</Alert>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>#</TableCell>
                <TableCell>Kind</TableCell>
                <TableCell>Name</TableCell>
                <TableCell>Outcome</TableCell>
                <TableCell>Details</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {result.results.map((r, i) => (
                <TableRow key={i}>
                  <TableCell>{display((r?.index ?? i) + 1)}</TableCell>
                  <TableCell>{display(r?.kind)}</TableCell>
                  <TableCell>
                    {r?.namespace ? `${r.namespace}/` : ''}
                    {display(r?.name)}
                  </TableCell>
                  <TableCell data-testid="ome-import-outcome">
                    {display(r?.outcome)}
                  </TableCell>
                  <TableCell>
                    {r?.message && <div>{r.message}</div>}
                    {(Array.isArray(r?.fieldErrors) ? r.fieldErrors : []).map(
                      (f, j) => (
                        <div key={`f${j}`}>
                          <code>{f.path}</code>: {f.message}
                        </div>
                      ),
                    )}
                    {(Array.isArray(r?.warnings) ? r.warnings : []).map(
                      (w, j) => (
                        <div key={`w${j}`}>Warning: {w}</div>
                      ),
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
