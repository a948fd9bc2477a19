import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Grid,
  Tab,
  Tabs,
  Tooltip,
  Typography,
} from '@material-ui/core';
import {
  OmeKind,
  omeKindInfo,
  omeObjectState,
  omeRelatedRefs,
} from '@ome-console/plugin-ome-common';
import { toYaml } from '../../editing/yaml';
import { omeApiRef } from '../../api';
import { ReadErrorAlert } from '../common/errors';
import { notAllowedReason, useCreateDecision } from '../common/permissions';
import { display, kindTitle, objectMeta, safely } from '../common/format';
import { ObjectRef, useOmePaths } from '../common/paths';
import { StateBadge } from '../common/StateBadge';
import { YamlEditor } from '../common/YamlEditor';
import { KindOverview, MetadataCard, OverviewCard } from './KindOverview';
import { CloneDialog } from './CloneDialog';
import { DeleteDialog } from './DeleteDialog';

/** Which kinds reference a kind, to offer "objects using this one" links. */
const usedBy: Partial<Record<OmeKind, OmeKind[]>> = {
  ClusterBaseModel: ['InferenceService', 'FineTunedWeight'],
  BaseModel: ['InferenceService'],
  ClusterServingRuntime: ['InferenceService'],
  ServingRuntime: ['InferenceService'],
  AcceleratorClass: ['ClusterServingRuntime', 'ServingRuntime', 'InferenceService'],
  InferenceService: ['BenchmarkJob'],
};

/**
 * Clone: disabled, with the reason as tooltip, when the caller may not create the kind in
 * the source's cluster (and namespace). The clone dialog may pick another place; the
 * backend decides there.
 */
function CloneButton(props: { source: ObjectRef; onClick: () => void }) {
  const { kind, cluster, namespace } = props.source;
  const { decision } = useCreateDecision(kind, cluster, namespace);
  const reason = notAllowedReason(kind, decision);
  const button = (
    <Button
      variant="outlined"
      disabled={!!reason}
      onClick={props.onClick}
      data-testid="ome-clone"
    >
      Clone
    </Button>
  );
  if (!reason) return button;
  return (
    <Tooltip title={reason}>
      <span data-testid="ome-clone-reason" aria-label={reason}>
        {button}
      </span>
    </Tooltip>
  );
}

/** One object: overview cards, its YAML, related objects; edit, clone and delete. */
export function ResourceDetailPage(props: ObjectRef) {
  const { kind, cluster, namespace, name } = props;
  const info = omeKindInfo(kind);
  const api = useApi(omeApiRef);
  const paths = useOmePaths();
  const navigate = useNavigate();
  const [tab, setTab] = useState(0);
  const [dialog, setDialog] = useState<'clone' | 'delete' | undefined>();

  const state = useAsyncRetry(
    () => api.getResource(kind, { cluster, namespace, name }),
    [api, kind, cluster, namespace, name],
  );

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
  const related = safely(
    () => (Array.isArray(omeRelatedRefs(kind, object)) ? omeRelatedRefs(kind, object) : []),
    [],
  );
  const yaml = safely(() => toYaml(object), JSON.stringify(object, null, 2));
  const ref: ObjectRef = { kind, cluster, namespace, name };
  const canUpdate = item?.actions?.update !== false;
  const canDelete = item?.actions?.delete !== false;

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
        <Tab label="Overview" />
        <Tab label="YAML" />
        <Tab label="Related" />
      </Tabs>
      <Box mt={2}>
        {tab === 0 && (
          <Grid container spacing={2}>
            <Grid item xs={12} md={6} lg={4}>
              <MetadataCard cluster={cluster} meta={meta} />
            </Grid>
            <KindOverview kind={kind} object={object} />
          </Grid>
        )}
        {tab === 1 && (
          <YamlEditor value={yaml} readOnly label="YAML of the object" testId="ome-detail-yaml" />
        )}
        {tab === 2 && (
          <Grid container spacing={2}>
            <Grid item xs={12} md={6}>
              <OverviewCard title="References" testId="ome-related">
                {related.length === 0 && (
                  <Typography variant="body2">This object references no other OME object.</Typography>
                )}
                <ul>
                  {related.map((r, i) => (
                    <li key={i}>
                      <Typography variant="body2">
                        {display(r.relation)}:{' '}
                        <Link
                          to={paths.detail({
                            kind: r.kind,
                            cluster,
                            namespace: r.namespace,
                            name: r.name,
                          })}
                        >
                          {r.kind} {r.namespace ? `${r.namespace}/` : ''}
                          {r.name}
                        </Link>
                      </Typography>
                    </li>
                  ))}
                </ul>
              </OverviewCard>
            </Grid>
            <Grid item xs={12} md={6}>
              <OverviewCard title="Used by" testId="ome-used-by">
                <ul>
                  {(usedBy[kind] ?? []).map(k => (
                    <li key={k}>
                      <Link
                        to={`${paths.list(k)}?search=${encodeURIComponent(meta.name || name)}&cluster=${encodeURIComponent(cluster)}`}
                      >
                        {kindTitle(k)} mentioning {meta.name || name} on {cluster}
                      </Link>
                    </li>
                  ))}
                </ul>
              </OverviewCard>
            </Grid>
          </Grid>
        )}
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
