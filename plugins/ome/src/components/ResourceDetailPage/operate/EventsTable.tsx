import { Table, TableColumn } from '@backstage/core-components';
import { OmeEventsResponse } from '../../../api';
import { StateBadge } from '../../common/StateBadge';
import { TruncatedText } from '../../common/TruncatedText';

type Event = OmeEventsResponse['items'][number];

const columns: TableColumn<Event>[] = [
  {
    title: 'Type',
    width: '130px',
    render: e => (
      <StateBadge state={e.type === 'Warning' ? 'Warning' : 'Normal'} />
    ),
  },
  {
    title: 'Reason',
    width: '150px',
    render: e => <TruncatedText text={e.reason} maxWidth="100%" />,
  },
  {
    title: 'Object',
    width: '220px',
    render: e => <TruncatedText text={e.object} maxWidth="100%" />,
  },
  {
    title: 'Message',
    render: e => <TruncatedText text={e.message} maxWidth="100%" />,
  },
  { title: 'Count', field: 'count', width: '90px', type: 'numeric' },
  {
    title: 'Last seen',
    width: '190px',
    render: e => <TruncatedText text={e.last ?? ''} maxWidth="100%" />,
  },
];

/** Kubernetes events of the service and its pods, newest first (kept 1 h by the apiserver). */
export function EventsTable(props: {
  events: Event[];
  loading?: boolean;
  onRefresh?: () => void;
}) {
  return (
    <div data-testid="ome-operate-events">
      <Table<Event>
        title={`Events (${props.events.length})`}
        isLoading={props.loading}
        options={{
          paging: props.events.length > 20,
          pageSize: 20,
          search: false,
          padding: 'dense',
          tableLayout: 'fixed',
        }}
        columns={columns}
        data={props.events}
        emptyContent={
          <div style={{ padding: 16 }}>
            No events (Kubernetes keeps them for an hour).
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
