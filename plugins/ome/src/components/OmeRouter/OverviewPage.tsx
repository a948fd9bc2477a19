import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Grid,
  Typography,
} from '@material-ui/core';
import { OME_KINDS, OmeKindInfo } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { display, kindTitle } from '../common/format';
import { useOmePaths } from '../common/paths';
import { ModelsContent } from '../ModelsPage/ModelsContent';

function KindCard(props: { info: OmeKindInfo }) {
  const { info } = props;
  const api = useApi(omeApiRef);
  const paths = useOmePaths();
  const count = useAsync(
    () => api.listResources(info.kind, { limit: 1 }),
    [api, info.kind],
  );
  const total = count.value?.stats?.total ?? count.value?.totalCount;
  return (
    <Card data-testid={`ome-kind-${info.plural}`}>
      <CardContent>
        <Typography variant="overline">
          {info.namespaced ? 'Namespaced' : 'Cluster-scoped'}
        </Typography>
        <Typography variant="h6">{kindTitle(info.kind)}</Typography>
        <Typography variant="h4" component="p">
          {count.loading ? '…' : display(total)}
        </Typography>
      </CardContent>
      <CardActions>
        <Button size="small" component={RouterLink} to={paths.list(info.kind)} color="primary">
          View
        </Button>
        <Button size="small" component={RouterLink} to={paths.create(info.kind)}>
          Create
        </Button>
      </CardActions>
    </Card>
  );
}

/** `/ome`: the eight kinds with their counts, then the model catalogue. */
export function OverviewPage() {
  const paths = useOmePaths();
  return (
    <Box data-testid="ome-overview">
      <Box display="flex" alignItems="center" mb={2}>
        <Typography variant="h5" component="h2" style={{ flexGrow: 1 }}>
          OME resources
        </Typography>
        <Button component={RouterLink} to={paths.importYaml()} variant="outlined">
          Import YAML
        </Button>
      </Box>
      <Grid container spacing={2}>
        {OME_KINDS.map(info => (
          <Grid item xs={12} sm={6} md={3} key={info.kind}>
            <KindCard info={info} />
          </Grid>
        ))}
      </Grid>
      <Box mt={4}>
        <ModelsContent />
      </Box>
    </Box>
  );
}
