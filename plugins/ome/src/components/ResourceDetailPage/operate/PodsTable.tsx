import { Table, TableColumn } from '@backstage/core-components';
import { Button } from '@material-ui/core';
import { OmePodsResponse } from '../../../api';
import { StateBadge } from '../../common/StateBadge';
import { TruncatedText } from '../../common/TruncatedText';

type Pod = OmePodsResponse['items'][number];

/** The pods behind the service's components; a row's "Logs" opens that pod in the log viewer. */
export function PodsTable(props: {
  pods: Pod[];
  loading?: boolean;
  onLogs?: (pod: string) => void;
  onRefresh?: () => void;
}) {
  const columns: TableColumn<Pod>[] = [
    {
      title: 'Pod',
      render: p => <TruncatedText text={p.name} maxWidth="100%" />,
    },
    { title: 'Component', field: 'component', width: '130px' },
    {
      title: 'Phase',
      width: '140px',
      render: p => <StateBadge state={p.phase} />,
    },
    { title: 'Ready', field: 'ready', width: '80px' },
    { title: 'Restarts', field: 'restarts', width: '110px', type: 'numeric' },
    {
      title: 'Node',
      width: '150px',
      render: p =>
        p.node ? <TruncatedText text={p.node} maxWidth="100%" /> : '—',
    },
    {
      title: 'Why',
      width: '220px',
      render: p =>
        p.reason ? <TruncatedText text={p.reason} maxWidth="100%" /> : '',
    },
    {
      title: '',
      width: '80px',
      render: p =>
        props.onLogs ? (
          <Button
            size="small"
            onClick={() => props.onLogs?.(p.name)}
            data-testid={`ome-pod-logs-${p.name}`}
          >
            Logs
          </Button>
        ) : null,
    },
  ];
  return (
    <div data-testid="ome-operate-pods">
      <Table<Pod>
        title={`Pods (${props.pods.length})`}
        isLoading={props.loading}
        options={{
          paging: false,
          search: false,
          padding: 'dense',
          tableLayout: 'fixed',
        }}
        columns={columns}
        data={props.pods}
        emptyContent={
          <div style={{ padding: 16 }}>
            No pods found with OME's labels for this service.
          </div>
        }
        actions={
          props.onRefresh
            ? [
                {
                  icon: () => <span>↻</span>,
                  tooltip: 'Refresh',
                  isFreeAction: true,
                  onClick: () => props.onRefresh?.(),
                },
              ]
            : []
        }
      />
    </div>
  );
}
