import { Link as RouterLink } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import {
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  Grid,
  Typography,
} from '@material-ui/core';
import { OME_KINDS, OmeKindInfo } from '@ome-console/plugin-ome-common';
import { OmeKindCounts } from '../../api';
import { useCounts } from '../../hooks';
import { ErrorAlert } from '../common/errors';
import { display, kindTitle } from '../common/format';
import { useOmePaths } from '../common/paths';
import { stateLabel } from '../common/StateBadge';

/** One kind: how many objects, by state, and in how many clusters it is not installed. */
function KindCard(props: { info: OmeKindInfo; counts?: OmeKindCounts }) {
  const { info, counts } = props;
  const paths = useOmePaths();
  const states = Object.entries(counts?.byState ?? {}).sort(
    ([, a], [, b]) => b - a,
  );
  const notInstalled = Array.isArray(counts?.notInstalled)
    ? counts!.notInstalled
    : [];
  const unread = Array.isArray(counts?.errors) ? counts!.errors : [];
  return (
    <Card data-testid={`ome-kind-${info.plural}`} style={{ height: '100%' }}>
      <CardContent>
        <Typography variant="overline">
          {info.namespaced ? 'Namespaced' : 'Cluster-scoped'}
        </Typography>
        <Typography variant="h6">{kindTitle(info.kind)}</Typography>
        <Typography variant="h4" component="p" data-testid="ome-kind-total">
          {display(counts?.total)}
        </Typography>
        <Box display="flex" flexWrap="wrap" mt={1} style={{ gap: 4 }}>
          {states.map(([state, n]) => (
            <Chip
              key={state}
              size="small"
              label={`${stateLabel(state)}: ${display(n)}`}
            />
          ))}
        </Box>
        {notInstalled.length > 0 && (
          <Typography variant="caption" color="textSecondary" component="p">
            Not installed on {notInstalled.join(', ')}
          </Typography>
        )}
        {unread.length > 0 && (
          <Typography variant="caption" color="error" component="p">
            Not counted: {unread.map(e => e?.cluster).join(', ')}
          </Typography>
        )}
      </CardContent>
      <CardActions>
        <Button
          size="small"
          component={RouterLink}
          to={paths.list(info.kind)}
          color="primary"
        >
          View
        </Button>
        <Button
          size="small"
          component={RouterLink}
          to={paths.create(info.kind)}
        >
          Create
        </Button>
      </CardActions>
    </Card>
  );
}

/** `/ome`: the eight kinds with their counts per state, from one `/counts` request. */
export function OverviewPage() {
  const paths = useOmePaths();
  const counts = useCounts();
  const byKind = new Map(
    (Array.isArray(counts.value?.items) ? counts.value!.items : []).map(c => [
      c?.kind,
      c,
    ]),
  );
  return (
    <Box data-testid="ome-overview">
      <Box display="flex" alignItems="center" mb={2}>
        <Typography variant="h5" component="h2" style={{ flexGrow: 1 }}>
          OME resources
        </Typography>
        <Button
          component={RouterLink}
          to={paths.importYaml()}
          variant="outlined"
        >
          Import YAML
        </Button>
      </Box>
      {counts.loading && !counts.value && <Progress />}
      {counts.error && <ErrorAlert error={counts.error} />}
      <Grid container spacing={2}>
        {OME_KINDS.map(info => (
          <Grid item xs={12} sm={6} md={3} key={info.kind}>
            <KindCard info={info} counts={byKind.get(info.kind)} />
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
