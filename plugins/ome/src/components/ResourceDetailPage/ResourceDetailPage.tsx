import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { Link, Progress } from '@backstage/core-components';
import { Box, Button, Grid, Tab, Tabs, Typography } from '@material-ui/core';
import {
  omeKindInfo,
  OmeObjectRef,
  omeObjectState,
} from '@ome-console/plugin-ome-common';
import { toYaml } from '../../editing/yaml';
import { useResource } from '../../hooks';
import { ReadErrorAlert } from '../common/errors';
import { kindTitle, objectMeta, safely } from '../common/format';
import { useOmePaths } from '../common/paths';
import { StateBadge } from '../common/StateBadge';
import { YamlEditor } from '../common/YamlEditor';
import { KindOverview, MetadataCard } from './KindOverview';
import { CloneButton } from './CloneButton';
import { CloneDialog } from './CloneDialog';
import { DeleteDialog } from './DeleteDialog';
import { RelatedObjects } from './RelatedObjects';
import { ModelRuntimes } from './ModelRuntimes';
import { RuntimeModels } from './RuntimeModels';
import { ModelProgress } from './operate/ModelProgress';
import { ServiceLogs, ServiceStatus } from './operate/ServiceOperate';

/**
 * The tabs of a kind: the operate views only where there is something to operate; models
 * list the runtimes that can serve them, runtimes the models they can serve.
 */
function tabsOf(kind: string): string[] {
  if (kind === 'InferenceService')
    return ['Overview', 'Status', 'Logs', 'YAML', 'Related'];
  if (kind === 'BaseModel' || kind === 'ClusterBaseModel')
    return ['Overview', 'Nodes', 'Runtimes', 'YAML', 'Related'];
  if (kind === 'ServingRuntime' || kind === 'ClusterServingRuntime')
    return ['Overview', 'Models', 'YAML', 'Related'];
  return ['Overview', 'YAML', 'Related'];
}

/** One object: overview cards, its YAML, related objects; edit, clone and delete. */
export function ResourceDetailPage(props: OmeObjectRef) {
  const { kind, cluster, namespace, name } = props;
  const info = omeKindInfo(kind);
  const paths = useOmePaths();
  const navigate = useNavigate();
  const [tab, setTab] = useState(0);
  const [logPod, setLogPod] = useState<string | undefined>();
  const [dialog, setDialog] = useState<'clone' | 'delete' | undefined>();

  const state = useResource({ kind, cluster, namespace, name });

  if (state.loading && !state.value) return <Progress />;
  if (state.error) {
    return (
      <Box>
        <Box mb={2}>
          <Link to={paths.list(kind)}>← {kindTitle(kind)}</Link>
        </Box>
        <ReadErrorAlert kind={kind} error={state.error} />
      </Box>
    );
  }
  const item = state.value!;
  const object = item?.object;
  const meta = objectMeta(object);
  const objState = safely(() => omeObjectState(kind, object), 'Unknown');
  const yaml = safely(() => toYaml(object), JSON.stringify(object, null, 2));
  const ref: OmeObjectRef = { kind, cluster, namespace, name };
  const canUpdate = item?.actions?.update !== false;
  const canDelete = item?.actions?.delete !== false;
  const tabs = tabsOf(kind);
  const shown = tabs[tab] ?? 'Overview';

  return (
    <Box data-testid="ome-detail-page">
      <Box mb={1}>
        <Link to={paths.list(kind)}>← {kindTitle(kind)}</Link>
      </Box>
      <Box display="flex" alignItems="center" flexWrap="wrap" mb={2}>
        <Box flexGrow={1}>
          <Typography variant="overline">{kind}</Typography>
          <Typography variant="h4" component="h1" data-testid="ome-detail-name">
            {meta.name || name}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {info.namespaced ? `${namespace} · ` : ''}
            {cluster} · <StateBadge state={objState} />
          </Typography>
        </Box>
        <Button
          component={RouterLink}
          to={paths.edit(ref)}
          variant="contained"
          color="primary"
          disabled={!canUpdate}
          data-testid="ome-edit"
        >
          Edit
        </Button>
        {(kind === 'ClusterBaseModel' || kind === 'BaseModel') && (
          <Box ml={1}>
            <Button
              component={RouterLink}
              to={paths.deploy({ cluster, namespace, model: meta.name || name })}
              variant="outlined"
              data-testid="ome-deploy"
            >
              Deploy
            </Button>
          </Box>
        )}
        <Box ml={1}>
          <CloneButton source={ref} onClick={() => setDialog('clone')} />
        </Box>
        <Box ml={1}>
          <Button
            variant="outlined"
            disabled={!canDelete}
            onClick={() => setDialog('delete')}
            data-testid="ome-delete"
          >
            Delete
          </Button>
        </Box>
      </Box>
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} indicatorColor="primary">
        {tabs.map(t => (
          <Tab key={t} label={t} data-testid={`ome-tab-${t.toLowerCase()}`} />
        ))}
      </Tabs>
      <Box mt={2}>
        {shown === 'Overview' && (
          <Grid container spacing={2}>
            <Grid item xs={12} md={6} lg={4}>
              <MetadataCard cluster={cluster} meta={meta} />
            </Grid>
            <KindOverview kind={kind} object={object} />
          </Grid>
        )}
        {shown === 'Status' && namespace && (
          <ServiceStatus
            service={{ cluster, namespace, name }}
            object={object}
            onLogs={pod => {
              setLogPod(pod);
              setTab(tabs.indexOf('Logs'));
            }}
          />
        )}
        {shown === 'Logs' && namespace && (
          <ServiceLogs service={{ cluster, namespace, name }} pod={logPod} />
        )}
        {shown === 'Nodes' && <ModelProgress model={ref} />}
        {shown === 'YAML' && (
          <YamlEditor value={yaml} readOnly label="YAML of the object" testId="ome-detail-yaml" />
        )}
        {shown === 'Related' && (
          <RelatedObjects source={ref} object={object} />
        )}
        {shown === 'Runtimes' && <ModelRuntimes model={ref} />}
        {shown === 'Models' && <RuntimeModels runtime={ref} />}
      </Box>
      {dialog === 'clone' && (
        <CloneDialog
          source={ref}
          onClose={() => setDialog(undefined)}
          onCloned={target => navigate(paths.detail(target))}
        />
      )}
      {dialog === 'delete' && (
        <DeleteDialog
          target={ref}
          resourceVersion={meta.resourceVersion}
          onClose={() => setDialog(undefined)}
          onDeleted={() => navigate(paths.list(kind))}
        />
      )}
    </Box>
  );
}
