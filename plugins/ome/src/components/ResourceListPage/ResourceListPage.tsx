import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Grid,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  TableSortLabel,
  TextField,
  Tooltip,
  Typography,
} from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import GetAppIcon from '@material-ui/icons/GetApp';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  OmeKind,
  omeColumns,
  omeKindInfo,
  OmeListItem,
  omeObjectState,
} from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { ClusterProblems, ReadErrorAlert } from '../common/errors';
import { display, kindTitle, objectMeta, safely } from '../common/format';
import { useOmePaths } from '../common/paths';
import { StateBadge } from '../common/StateBadge';
import { notAllowedReason, useCreateDecision } from '../common/permissions';
import { BulkDeleteDialog, ExportYamlDialog, mayDelete } from './BulkDialogs';

interface Column {
  id: string;
  title: string;
  value: (object: any) => unknown;
}

/** `2026-01-01T00:00:00Z` → `3d` (the age column, as kubectl shows it). */
function age(v: unknown): string {
  if (typeof v !== 'string') return display(v);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return v;
  const s = Math.max(0, Math.floor((Date.now() - t) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

function cellText(id: string, v: unknown): string {
  if (id === 'age') return age(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return display(v);
}

function itemKey(item: OmeListItem, index: number): string {
  const m = objectMeta(item?.object);
  return `${item?.cluster}/${m.namespace ?? ''}/${m.name || `#${index}`}`;
}

/** The server-side list of one kind: filters, stats, table, bulk actions. */
export function ResourceListPage(props: { kind: OmeKind }) {
  const { kind } = props;
  const info = omeKindInfo(kind);
  const api = useApi(omeApiRef);
  const paths = useOmePaths();
  const title = kindTitle(kind);

  const columns: Column[] = useMemo(
    () => safely(() => omeColumns(kind) as Column[], []),
    [kind],
  );

  // links from other pages may preset the filters: ?search=x&cluster=a&namespace=n
  const [params] = useSearchParams();
  const [clusters, setClusters] = useState<string[]>(params.getAll('cluster'));
  const [namespace, setNamespace] = useState(params.get('namespace') ?? '');
  const [labelSelector, setLabelSelector] = useState(
    params.get('labelSelector') ?? '',
  );
  const [searchInput, setSearchInput] = useState(params.get('search') ?? '');
  const [search, setSearch] = useState(params.get('search') ?? '');
  const [sort, setSort] = useState('name');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const [selected, setSelected] = useState<Record<string, OmeListItem>>({});
  const [dialog, setDialog] = useState<'delete' | 'export' | undefined>();

  useEffect(() => {
    const t = setTimeout(() => {
      setSearch(searchInput.trim());
      setPage(0);
    }, 300);
    return () => clearTimeout(t);
  }, [searchInput]);

  const clustersState = useAsyncRetry(
    () => api.getClusters().catch(() => ({ items: [] })),
    [api],
  );
  const allClusters = useMemo(
    () =>
      (clustersState.value?.items ?? [])
        .filter(c => c && typeof c.name === 'string')
        .map(c => ({
          name: c.name,
          installed: Array.isArray(c.kinds)
            ? c.kinds.some(k => k?.kind === kind && k.installed)
            : undefined,
        })),
    [clustersState.value, kind],
  );

  const namespacesState = useAsyncRetry(async () => {
    if (!info.namespaced) return [] as string[];
    const res = await api
      .listNamespaces({ cluster: clusters })
      .catch(() => ({ items: [] }));
    return [
      ...new Set(
        res.items.map(n => n?.name).filter(n => typeof n === 'string'),
      ),
    ].sort();
  }, [api, info.namespaced, clusters.join(',')]);

  const list = useAsyncRetry(
    () =>
      api.listResources(kind, {
        ...(clusters.length && { cluster: clusters }),
        ...(namespace && { namespace: [namespace] }),
        ...(labelSelector.trim() && { labelSelector: labelSelector.trim() }),
        ...(search && { search }),
        sort,
        order,
        offset: page * pageSize,
        limit: pageSize,
      }),
    [
      api,
      kind,
      clusters.join(','),
      namespace,
      labelSelector,
      search,
      sort,
      order,
      page,
      pageSize,
    ],
  );

  useEffect(() => setSelected({}), [list.value]);

  const items = useMemo(
    () => (Array.isArray(list.value?.items) ? list.value!.items : []),
    [list.value],
  );
  const stats = list.value?.stats;

  const toggleCluster = (name: string) => {
    setClusters(cs =>
      cs.includes(name) ? cs.filter(c => c !== name) : [...cs, name],
    );
    setPage(0);
  };

  const onSort = (id: string) => {
    if (sort === id) setOrder(o => (o === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(id);
      setOrder('asc');
    }
    setPage(0);
  };

  const selectedItems = Object.values(selected);
  const deletable = selectedItems.filter(mayDelete);
  const allOnPage = items.length > 0 && selectedItems.length === items.length;

  return (
    <Box data-testid="ome-list-page" data-kind={kind}>
      <Box display="flex" alignItems="center" mb={2} flexWrap="wrap">
        <Typography variant="h4" component="h1" style={{ flexGrow: 1 }}>
          {title}
        </Typography>
        <CreateButton
          kind={kind}
          to={paths.create(kind)}
          // keep it simple: the first selected cluster, else the first known one
          cluster={clusters[0] ?? allClusters[0]?.name}
          namespace={namespace || undefined}
        />
        <Box ml={1}>
          <Button component={RouterLink} to={paths.importYaml()}>
            Import YAML
          </Button>
        </Box>
      </Box>

      <Grid container spacing={2}>
        <Grid item xs={12} md={3}>
          <Paper>
            <Box p={2}>
              <FormLabel component="legend">Clusters</FormLabel>
              <FormGroup data-testid="ome-cluster-picker">
                {allClusters.map(c => (
                  <FormControlLabel
                    key={c.name}
                    control={
                      <Checkbox
                        size="small"
                        checked={clusters.includes(c.name)}
                        onChange={() => toggleCluster(c.name)}
                        name={c.name}
                      />
                    }
                    label={
                      c.installed === false
                        ? `${c.name} (not installed)`
                        : c.name
                    }
                  />
                ))}
              </FormGroup>
              <Typography variant="caption" color="textSecondary">
                {clusters.length ? '' : 'All clusters'}
              </Typography>
              {info.namespaced && (
                <Box mt={2}>
                  <TextField
                    select
                    fullWidth
                    id="ome-list-namespace"
                    label="Namespace"
                    value={namespace}
                    onChange={ev => {
                      setNamespace(ev.target.value);
                      setPage(0);
                    }}
                    SelectProps={{ native: true }}
                    inputProps={{ 'data-testid': 'ome-namespace-picker' }}
                  >
                    <option value="">All namespaces</option>
                    {(namespacesState.value ?? []).map(n => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </TextField>
                </Box>
              )}
              <Box mt={2}>
                <TextField
                  fullWidth
                  id="ome-list-search"
                  label="Search"
                  placeholder="name, namespace, columns"
                  value={searchInput}
                  onChange={ev => setSearchInput(ev.target.value)}
                  inputProps={{ 'data-testid': 'ome-search' }}
                />
              </Box>
              <Box mt={2}>
                <TextField
                  fullWidth
                  id="ome-list-label-selector"
                  label="Label selector"
                  placeholder="team=a,tier!=gpu"
                  value={labelSelector}
                  onChange={ev => {
                    setLabelSelector(ev.target.value);
                    setPage(0);
                  }}
                />
              </Box>
            </Box>
          </Paper>
        </Grid>
        <Grid item xs={12} md={9}>
          <ClusterProblems
            kindLabel={kind}
            errors={list.value?.errors}
            notInstalled={list.value?.notInstalled}
          />
          {stats && (
            <Box mb={1} data-testid="ome-stats" display="flex" flexWrap="wrap">
              <Box mr={2}>
                <Typography variant="h6" component="span">
                  {display(stats.total)}
                </Typography>{' '}
                <Typography variant="body2" component="span">
                  total
                </Typography>
              </Box>
              {Object.entries(stats.byState ?? {}).map(([s, n]) => (
                <Box mr={1} key={`s-${s}`}>
                  <Chip size="small" label={`${s}: ${display(n)}`} />
                </Box>
              ))}
              {Object.entries(stats.byCluster ?? {}).map(([c, n]) => (
                <Box mr={1} key={`c-${c}`}>
                  <Chip
                    size="small"
                    variant="outlined"
                    label={`${c}: ${display(n)}`}
                  />
                </Box>
              ))}
            </Box>
          )}
          {list.error && <ReadErrorAlert kind={kind} error={list.error} />}
          <Paper>
            <Box display="flex" alignItems="center" p={1}>
              <Typography variant="subtitle1" style={{ flexGrow: 1 }}>
                {selectedItems.length
                  ? `${selectedItems.length} selected`
                  : `${title} (${display(list.value?.totalCount ?? 0)})`}
              </Typography>
              <Button
                size="small"
                startIcon={<GetAppIcon />}
                disabled={!selectedItems.length}
                onClick={() => setDialog('export')}
              >
                Export YAML
              </Button>
              <Button
                size="small"
                startIcon={<DeleteIcon />}
                disabled={!deletable.length}
                title={
                  selectedItems.length && !deletable.length
                    ? 'You may not delete the selected objects'
                    : undefined
                }
                onClick={() => setDialog('delete')}
              >
                Delete
              </Button>
              <Button
                size="small"
                startIcon={<RefreshIcon />}
                onClick={() => list.retry()}
              >
                Reload
              </Button>
            </Box>
            {list.loading && <Progress />}
            <TableContainer>
              <Table size="small" aria-label={title}>
                <TableHead>
                  <TableRow>
                    <TableCell padding="checkbox">
                      <Checkbox
                        size="small"
                        inputProps={{ 'aria-label': 'Select all on page' }}
                        checked={allOnPage}
                        indeterminate={selectedItems.length > 0 && !allOnPage}
                        onChange={() =>
                          setSelected(
                            allOnPage
                              ? {}
                              : Object.fromEntries(
                                  items.map((it, i) => [itemKey(it, i), it]),
                                ),
                          )
                        }
                      />
                    </TableCell>
                    {columns.map(c => (
                      <TableCell key={c.id}>
                        <TableSortLabel
                          active={sort === c.id}
                          direction={sort === c.id ? order : 'asc'}
                          onClick={() => onSort(c.id)}
                        >
                          {c.title}
                        </TableSortLabel>
                      </TableCell>
                    ))}
                    <TableCell>Cluster</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {items.map((item, i) => (
                    <ResourceRow
                      key={itemKey(item, i)}
                      kind={kind}
                      item={item}
                      columns={columns}
                      selected={!!selected[itemKey(item, i)]}
                      onSelect={() =>
                        setSelected(s => {
                          const k = itemKey(item, i);
                          const next = { ...s };
                          if (next[k]) delete next[k];
                          else next[k] = item;
                          return next;
                        })
                      }
                    />
                  ))}
                  {!list.loading && !list.error && items.length === 0 && (
                    <TableRow>
                      <TableCell colSpan={columns.length + 2}>
                        <Typography data-testid="ome-empty">
                          No {title.toLowerCase()} found.
                        </Typography>
                      </TableCell>
                    </TableRow>
                  )}
                </TableBody>
              </Table>
            </TableContainer>
            <TablePagination
              component="div"
              count={list.value?.totalCount ?? 0}
              page={page}
              rowsPerPage={pageSize}
              rowsPerPageOptions={[10, 25, 50, 100]}
              onPageChange={(_ev, p) => setPage(p)}
              onRowsPerPageChange={ev => {
                setPageSize(parseInt(ev.target.value, 10));
                setPage(0);
              }}
            />
          </Paper>
        </Grid>
      </Grid>
      {dialog === 'delete' && (
        <BulkDeleteDialog
          kind={kind}
          items={deletable}
          skipped={selectedItems.length - deletable.length}
          onClose={deleted => {
            setDialog(undefined);
            if (deleted) list.retry();
          }}
        />
      )}
      {dialog === 'export' && (
        <ExportYamlDialog
          kind={kind}
          items={selectedItems}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Box>
  );
}

/**
 * The Create button: disabled, with the reason as tooltip, when the caller may not create
 * the kind in `cluster` (and `namespace`; without one a namespaced kind is not checked).
 */
function CreateButton(props: {
  kind: OmeKind;
  to: string;
  cluster?: string;
  namespace?: string;
}) {
  const { decision } = useCreateDecision(
    props.kind,
    props.cluster,
    props.namespace,
  );
  const reason = notAllowedReason(props.kind, decision);
  const button = (
    <Button
      component={RouterLink}
      to={props.to}
      color="primary"
      variant="contained"
      startIcon={<AddIcon />}
      disabled={!!reason}
      data-testid="ome-create"
    >
      Create
    </Button>
  );
  if (!reason) return button;
  // a disabled button gets no mouse events: the tooltip needs a wrapper
  return (
    <Tooltip title={reason}>
      <span data-testid="ome-create-reason" aria-label={reason}>
        {button}
      </span>
    </Tooltip>
  );
}

function ResourceRow(props: {
  kind: OmeKind;
  item: OmeListItem;
  columns: Column[];
  selected: boolean;
  onSelect: () => void;
}) {
  const { kind, item, columns } = props;
  const paths = useOmePaths();
  const object = item && typeof item === 'object' ? item.object : undefined;
  const cluster =
    item && typeof item.cluster === 'string' ? item.cluster : 'unknown';
  const meta = objectMeta(object);
  const valid = !!object && typeof object === 'object' && !!meta.name;
  return (
    <TableRow
      hover
      selected={props.selected}
      data-testid="ome-row"
      data-name={meta.name}
    >
      <TableCell padding="checkbox">
        <Checkbox
          size="small"
          checked={props.selected}
          disabled={!valid}
          onChange={props.onSelect}
          inputProps={{ 'aria-label': `Select ${meta.name || 'object'}` }}
        />
      </TableCell>
      {columns.map(c => {
        if (c.id === 'name') {
          return (
            <TableCell key={c.id}>
              {valid ? (
                <Link
                  to={paths.detail({
                    kind,
                    cluster,
                    namespace: meta.namespace,
                    name: meta.name,
                  })}
                  data-testid="ome-row-name"
                >
                  {meta.name}
                </Link>
              ) : (
                <Typography variant="body2" color="error">
                  {object && typeof object === 'object'
                    ? '(unnamed)'
                    : '(invalid object)'}
                </Typography>
              )}
            </TableCell>
          );
        }
        if (c.id === 'state') {
          const state = safely(
            () => omeObjectState(kind, object as any),
            'Unknown',
          );
          return (
            <TableCell key={c.id}>
              <StateBadge state={state} />
            </TableCell>
          );
        }
        const v = safely(() => (object ? c.value(object) : undefined), undefined);
        return (
          <TableCell key={c.id}>
            {cellText(c.id, v)}
          </TableCell>
        );
      })}
      <TableCell>{cluster}</TableCell>
    </TableRow>
  );
}
