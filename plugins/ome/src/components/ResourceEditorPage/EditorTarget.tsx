import { Grid } from '@material-ui/core';
import { OptionSelect } from '../common/OptionSelect';

/** Create: the cluster and (namespaced kinds) the namespace the new object goes to. */
export function EditorTarget(props: {
  clusters: string[];
  cluster: string;
  onClusterChange: (cluster: string) => void;
  /** Absent for cluster-scoped kinds. */
  namespaces?: string[];
  namespace?: string;
  onNamespaceChange: (namespace: string | undefined) => void;
}) {
  const { namespace } = props;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={4}>
        <OptionSelect
          fullWidth
          id="ome-editor-cluster"
          label="Cluster"
          value={props.cluster}
          onChange={props.onClusterChange}
          options={props.clusters}
          inputProps={{ 'data-testid': 'ome-target-cluster' }}
        />
      </Grid>
      {props.namespaces && (
        <Grid item xs={12} md={4}>
          <OptionSelect
            fullWidth
            id="ome-editor-namespace"
            label="Namespace"
            value={namespace ?? ''}
            error={!namespace}
            helperText={!namespace ? 'Required' : undefined}
            onChange={value => props.onNamespaceChange(value || undefined)}
            inputProps={{ 'data-testid': 'ome-target-namespace' }}
            emptyOption="—"
            options={[...new Set([...props.namespaces, ...(namespace ? [namespace] : [])])]}
          />
        </Grid>
      )}
    </Grid>
  );
}
