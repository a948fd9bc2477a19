import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import {
  ComponentSummary,
  componentSummaries,
} from '@ome-console/plugin-ome-common';
import { StateBadge } from '../../common/StateBadge';
import { TruncatedText } from '../../common/TruncatedText';

const replicas = (c: ComponentSummary) => {
  if (c.minReplicas === undefined && c.maxReplicas === undefined) return '—';
  if (c.minReplicas === c.maxReplicas) return String(c.minReplicas);
  return `${c.minReplicas ?? 0}–${c.maxReplicas ?? '∞'}`;
};

const columns: TableColumn<ComponentSummary>[] = [
  { title: 'Component', field: 'component', width: '120px' },
  {
    title: 'Ready',
    width: '130px',
    render: c => (
      <StateBadge
        state={
          c.ready
            ? { ok: 'Ready', failed: 'Failed', pending: 'Pending' }[
                c.ready.tone
              ]
            : 'Unknown'
        }
      />
    ),
  },
  {
    title: 'URL',
    render: c => (c.url ? <TruncatedText text={c.url} maxWidth="100%" /> : '—'),
  },
  { title: 'Replicas', width: '100px', render: replicas },
  {
    title: 'Accelerator',
    width: '130px',
    render: c =>
      c.accelerator ? (
        <TruncatedText text={c.accelerator} maxWidth="100%" />
      ) : (
        '—'
      ),
  },
];

/** The engine, decoder and router of a service: URL, replicas, accelerator, readiness. */
export function ComponentsPanel(props: {
  object: { spec?: unknown; status?: unknown };
}) {
  const components = componentSummaries({
    spec: props.object.spec as Record<string, unknown> | undefined,
    status: props.object.status as Record<string, unknown> | undefined,
  });
  if (!components.length) {
    return (
      <InfoCard title="Components">
        <Typography color="textSecondary">No components declared.</Typography>
      </InfoCard>
    );
  }
  return (
    <div data-testid="ome-operate-components">
      <Table<ComponentSummary>
        title="Components"
        options={{
          paging: false,
          search: false,
          padding: 'dense',
          tableLayout: 'fixed',
        }}
        columns={columns}
        data={components}
      />
    </div>
  );
}
