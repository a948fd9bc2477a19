import { InfoCard, Link, Table, TableColumn } from '@backstage/core-components';
import { Box, Chip, LinearProgress, Typography } from '@material-ui/core';
import { OmeObjectRef } from '@ome-console/plugin-ome-common';
import { OmeModelProgressResponse } from '../../../api';
import { useModelProgress } from '../../../hooks';
import { ErrorAlert } from '../../common/errors';
import { useOmePaths } from '../../common/paths';
import { StateBadge } from '../../common/StateBadge';
import { TruncatedText } from '../../common/TruncatedText';

type NodeReport = OmeModelProgressResponse['nodes'][number];

/** A service's Ready condition status as a badge state. */
const READY_STATE: Record<string, string> = {
  True: 'Ready',
  False: 'Not Ready',
};

/** 1536 → "1.5 KiB". */
export function formatBytes(n: number | undefined): string {
  if (n === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 10 || u === 0 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

const columns: TableColumn<NodeReport>[] = [
  {
    title: 'Node',
    render: n => <TruncatedText text={n.node} maxWidth="100%" />,
  },
  {
    title: 'State',
    // the status icon and the longest model-agent state ("Updating") on one line
    width: '160px',
    render: n => <StateBadge state={n.state} />,
  },
  {
    title: 'Progress',
    width: '260px',
    render: n => {
      const f = n.progress?.fraction;
      if (f === undefined) return n.progress?.phase ?? '—';
      return (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Box flexGrow={1}>
            <LinearProgress
              variant="determinate"
              value={Math.round(f * 100)}
              color={n.state === 'Failed' ? 'secondary' : 'primary'}
            />
          </Box>
          <span data-testid="ome-progress-percent">{Math.round(f * 100)}%</span>
        </Box>
      );
    },
  },
  {
    title: 'Downloaded',
    width: '190px',
    render: n =>
      `${formatBytes(n.progress?.completedBytes)} / ${formatBytes(
        n.progress?.totalBytes,
      )}`,
  },
  {
    title: 'Files',
    width: '90px',
    render: n =>
      n.progress?.totalFiles !== undefined
        ? `${n.progress.completedFiles ?? 0}/${n.progress.totalFiles}`
        : '—',
  },
  {
    title: 'Speed',
    width: '120px',
    render: n =>
      n.progress?.speedBytesPerSec
        ? `${formatBytes(n.progress.speedBytesPerSec)}/s`
        : '—',
  },
];

/**
 * Where a model is: per node, the model-agent's state and download progress, the nodes the
 * model reports Ready and Failed, and the services of this cluster that use it.
 */
export function ModelProgress(props: { model: OmeObjectRef }) {
  const paths = useOmePaths();
  const { value, loading, error, retry } = useModelProgress(props.model);
  if (error)
    return <ErrorAlert error={error} testId="ome-model-progress-error" />;
  const nodes = value?.nodes ?? [];
  return (
    <Box data-testid="ome-model-progress">
      <Box mb={2}>
        <Table<NodeReport>
          title={`Nodes (${nodes.length})`}
          isLoading={loading}
          options={{
            paging: false,
            search: false,
            padding: 'dense',
            tableLayout: 'fixed',
          }}
          columns={columns}
          data={nodes}
          emptyContent={
            <div style={{ padding: 16 }}>
              {value?.agentError
                ? `The model-agent's reports could not be read: ${value.agentError}`
                : 'No node has reported this model yet (model-agent ConfigMaps in namespace ome).'}
            </div>
          }
          actions={[
            {
              icon: () => <span>↻</span>,
              tooltip: 'Refresh',
              isFreeAction: true,
              onClick: () => retry(),
            },
          ]}
        />
      </Box>
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        <Box flex="1 1 360px">
          <InfoCard title="Ready and failed nodes (model status)">
            <Typography variant="subtitle2">
              Ready ({value?.nodesReady.length ?? 0})
            </Typography>
            <Box mb={1} data-testid="ome-model-nodes-ready">
              {(value?.nodesReady ?? []).map(n => (
                <Chip key={n} size="small" label={n} style={{ margin: 2 }} />
              ))}
            </Box>
            <Typography variant="subtitle2">
              Failed ({value?.nodesFailed.length ?? 0})
            </Typography>
            <Box data-testid="ome-model-nodes-failed">
              {(value?.nodesFailed ?? []).map(n => (
                <Chip
                  key={n}
                  size="small"
                  label={n}
                  color="secondary"
                  style={{ margin: 2 }}
                />
              ))}
            </Box>
          </InfoCard>
        </Box>
        <Box flex="1 1 360px">
          <InfoCard
            title={`Services using it (${value?.services.length ?? 0})`}
          >
            <Box data-testid="ome-model-services">
              {(value?.services ?? []).length === 0 && (
                <Typography color="textSecondary">
                  No InferenceService in this cluster uses it.
                </Typography>
              )}
              {(value?.services ?? []).map(s => (
                <Box
                  key={`${s.namespace}/${s.name}`}
                  display="flex"
                  alignItems="center"
                  style={{ gap: 8 }}
                >
                  <Link
                    to={paths.detail({
                      kind: 'InferenceService',
                      cluster: props.model.cluster,
                      namespace: s.namespace,
                      name: s.name,
                    })}
                  >
                    <TruncatedText
                      text={`${s.namespace}/${s.name}`}
                      maxWidth={360}
                    />
                  </Link>
                  <StateBadge state={READY_STATE[s.ready ?? ''] ?? 'Unknown'} />
                </Box>
              ))}
            </Box>
          </InfoCard>
        </Box>
      </Box>
    </Box>
  );
}
