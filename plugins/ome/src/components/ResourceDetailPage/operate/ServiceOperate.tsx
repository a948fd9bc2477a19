import { useState } from 'react';
import { Box, Grid } from '@material-ui/core';
import { OmeServiceRef } from '../../../api';
import { useServiceEvents, useServicePods } from '../../../hooks';
import { ErrorAlert } from '../../common/errors';
import { ComponentsPanel } from './ComponentsPanel';
import { ConditionsPanel } from './ConditionsPanel';
import { EventsTable } from './EventsTable';
import { LogsViewer } from './LogsViewer';
import { PodsTable } from './PodsTable';

/** The "Status" section of a service: why it is (not) ready, its components and pods, events. */
export function ServiceStatus(props: {
  service: OmeServiceRef;
  object: { spec?: unknown; status?: unknown };
  onLogs: (pod: string) => void;
}) {
  const pods = useServicePods(props.service);
  const events = useServiceEvents(props.service);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} lg={5}>
        <ConditionsPanel status={props.object.status} />
      </Grid>
      <Grid item xs={12} lg={7}>
        <ComponentsPanel object={props.object} />
      </Grid>
      <Grid item xs={12}>
        {pods.error ? (
          <ErrorAlert error={pods.error} testId="ome-operate-pods-error" />
        ) : (
          <PodsTable
            pods={pods.value?.items ?? []}
            loading={pods.loading}
            onLogs={props.onLogs}
            onRefresh={pods.retry}
          />
        )}
      </Grid>
      <Grid item xs={12}>
        {events.error ? (
          <ErrorAlert error={events.error} testId="ome-operate-events-error" />
        ) : (
          <EventsTable
            events={events.value?.items ?? []}
            loading={events.loading}
            onRefresh={events.retry}
          />
        )}
      </Grid>
    </Grid>
  );
}

/** The "Logs" section: the log viewer over the service's pods. */
export function ServiceLogs(props: { service: OmeServiceRef; pod?: string }) {
  const pods = useServicePods(props.service);
  const [pod, setPod] = useState(props.pod);
  if (pods.error)
    return <ErrorAlert error={pods.error} testId="ome-operate-pods-error" />;
  return (
    <Box>
      <LogsViewer
        service={props.service}
        pods={pods.value?.items ?? []}
        pod={pod}
        onPodChange={setPod}
      />
    </Box>
  );
}
