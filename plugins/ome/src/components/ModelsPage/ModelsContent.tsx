import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Progress,
  ResponseErrorPanel,
  Select,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import RefreshIcon from '@material-ui/icons/Refresh';
import { OmeClusterError } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { ModelRow, toModelRows } from './rows';
import { ModelStateStatus } from './ModelStateStatus';

const ALL_CLUSTERS = '__all__';

const reasonText: Record<string, string> = {
  unreachable: 'unreachable',
  forbidden: 'access denied',
  'not-installed': 'has no ClusterBaseModel CRD (OME not installed)',
  error: 'could not be read',
};

function describeClusterError(e: OmeClusterError): string {
  const cluster = typeof e?.cluster === 'string' ? e.cluster : 'unknown';
  const reason =
    reasonText[typeof e?.reason === 'string' ? e.reason : 'error'] ??
    reasonText.error;
  const message =
    typeof e?.message === 'string' && e.message ? `: ${e.message}` : '';
  return `Cluster ${cluster} ${reason}${message}`;
}

const dash = (v?: string) => v ?? '—';

const columns: TableColumn<ModelRow>[] = [
  {
    title: 'Name',
    field: 'name',
    highlight: true,
    defaultSort: 'asc',
    render: row => (
      <Box>
        <Typography variant="body2" component="span" data-testid="model-name">
          {row.name}
        </Typography>
        {row.displayName && row.displayName !== row.name && (
          <Typography variant="caption" color="textSecondary" component="div">
            {row.displayName}
          </Typography>
        )}
        {row.problem && (
          <Typography variant="caption" color="error" component="div">
            {row.problem}
          </Typography>
        )}
      </Box>
    ),
  },
  { title: 'Cluster', field: 'cluster' },
  { title: 'Vendor', field: 'vendor', render: row => dash(row.vendor) },
  { title: 'Format', field: 'format', render: row => dash(row.format) },
  {
    title: 'Architecture',
    field: 'architecture',
    render: row => dash(row.architecture),
  },
  { title: 'Size', field: 'size', render: row => dash(row.size) },
  {
    title: 'State',
    field: 'state',
    render: row => (
      <ModelStateStatus state={row.state} disabled={row.disabled} />
    ),
  },
];

/** The ClusterBaseModels of every cluster, with a cluster filter. */
export function ModelsContent() {
  const omeApi = useApi(omeApiRef);
  const [cluster, setCluster] = useState<string>(ALL_CLUSTERS);

  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [models, clusters] = await Promise.all([
      omeApi.listClusterBaseModels(),
      // The cluster list only feeds the filter: never fail the page because of it.
      omeApi.getClusters().catch(() => ({ items: [] })),
    ]);
    return { models, clusters };
  }, [omeApi]);

  const rows = useMemo(() => toModelRows(value?.models.items), [value]);
  const clusterErrors = useMemo(
    () => (Array.isArray(value?.models.errors) ? value!.models.errors : []),
    [value],
  );
  const clusterNames = useMemo(() => {
    const names = new Set<string>();
    for (const c of value?.clusters.items ?? []) {
      if (typeof c?.name === 'string') names.add(c.name);
    }
    for (const r of rows) names.add(r.cluster);
    for (const e of clusterErrors) {
      if (typeof e?.cluster === 'string') names.add(e.cluster);
    }
    return [...names].sort();
  }, [value, rows, clusterErrors]);
  const shown = useMemo(
    () =>
      // material-table annotates row objects: hand it copies
      rows
        .filter(r => cluster === ALL_CLUSTERS || r.cluster === cluster)
        .map(r => ({ ...r })),
    [rows, cluster],
  );

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} title="Could not list models" />;
  }

  return (
    <>
      {clusterErrors.length > 0 && (
        <Box mb={2}>
          <Alert severity="warning" data-testid="ome-cluster-errors">
            <AlertTitle>
              Some clusters could not be read; their models are missing below
            </AlertTitle>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {clusterErrors.map((e, i) => (
                <li key={i}>{describeClusterError(e)}</li>
              ))}
            </ul>
          </Alert>
        </Box>
      )}
      <Box mb={2} maxWidth={320}>
        <Select
          label="Cluster"
          data-testid="ome-cluster-filter"
          items={[
            { label: 'All clusters', value: ALL_CLUSTERS },
            ...clusterNames.map(name => ({ label: name, value: name })),
          ]}
          selected={cluster}
          onChange={v => setCluster(String(v))}
        />
      </Box>
      <Table<ModelRow>
        title={`Cluster base models (${shown.length})`}
        columns={columns}
        data={shown}
        isLoading={loading}
        options={{
          paging: true,
          pageSize: 50,
          pageSizeOptions: [20, 50, 100, 500],
          search: true,
          padding: 'dense',
        }}
        actions={[
          {
            icon: () => <RefreshIcon />,
            tooltip: 'Reload',
            isFreeAction: true,
            onClick: () => retry(),
          },
        ]}
        emptyContent={
          <Box p={3}>
            <Typography>
              {cluster === ALL_CLUSTERS
                ? 'No ClusterBaseModels found in any cluster.'
                : `No ClusterBaseModels found in cluster ${cluster}.`}
            </Typography>
          </Box>
        }
      />
    </>
  );
}
