import useAsync from 'react-use/esm/useAsync';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box } from '@material-ui/core';
import {
  KubernetesObject,
  newOmeObject,
  OmeKind,
  OmeObjectRef,
} from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { useClusters } from '../../hooks';
import { ErrorAlert, ReadErrorAlert } from '../common/errors';
import { ResourceEditor } from './ResourceEditor';

/** `/ome/<plural>/<cluster>/[<namespace>/]<name>/edit` */
export function ResourceEditPage(props: OmeObjectRef) {
  const api = useApi(omeApiRef);
  const { kind, cluster, namespace, name } = props;
  const state = useAsync(
    () => api.getResource({ kind, cluster, namespace, name }),
    [api, kind, cluster, namespace, name],
  );
  if (state.loading) return <Progress />;
  if (state.error || !state.value?.object || typeof state.value.object !== 'object') {
    return state.error ? (
      <ReadErrorAlert kind={kind} error={state.error} />
    ) : (
      <ErrorAlert error={new Error('The backend returned no object')} />
    );
  }
  return (
    <ResourceEditor
      kind={kind}
      initial={state.value.object as KubernetesObject}
      target={props}
    />
  );
}

/** `/ome/<plural>/new` */
export function ResourceCreatePage(props: { kind: OmeKind }) {
  const { kind } = props;
  const clusters = useClusters(kind);
  if (clusters.loading) return <Progress />;
  const names = clusters.clusters
    // clusters known not to serve the kind are not offered
    .filter(c => c.installed !== false)
    .map(c => c.name);
  const initial = newOmeObject(kind, { name: '' }) as KubernetesObject;
  return (
    <Box>
      <ResourceEditor kind={kind} initial={initial} clusters={names} initialCluster={names[0]} />
    </Box>
  );
}
