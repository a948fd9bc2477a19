import { Link as RouterLink } from 'react-router-dom';
import {
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  Typography,
} from '@material-ui/core';
import { OmeKindInfo } from '@ome-console/plugin-ome-common';
import { OmeKindCounts } from '../../api';
import { display, kindTitle } from '../common/format';
import { useOmePaths } from '../common/paths';
import { stateLabel } from '../common/StateBadge';
import { TruncatedText } from '../common/TruncatedText';

const byCountDesc = ([, a]: [string, number], [, b]: [string, number]) => b - a;

/** `12 Ready · 2 In Transit`: a cluster's states in one line. */
function statesLine(byState: Record<string, number> | undefined): string {
  return Object.entries(byState ?? {})
    .sort(byCountDesc)
    .map(([state, n]) => `${n} ${stateLabel(state)}`)
    .join(' · ');
}

/**
 * One kind: how many objects in all, by state, and per cluster by state; where it is not
 * installed and which clusters could not be counted.
 */
export function KindCountsCard(props: {
  info: OmeKindInfo;
  counts?: OmeKindCounts;
}) {
  const { info, counts } = props;
  const paths = useOmePaths();
  const states = Object.entries(counts?.byState ?? {}).sort(byCountDesc);
  const clusters = Object.entries(counts?.byCluster ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
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
        {clusters.length > 0 && (
          <Box mt={1} data-testid="ome-kind-clusters">
            {clusters.map(([cluster, c]) => (
              <Box
                key={cluster}
                display="flex"
                style={{ gap: 8 }}
                data-testid={`ome-kind-cluster-${cluster}`}
              >
                <Typography variant="body2" component="span">
                  <TruncatedText text={cluster} maxWidth={110} />
                </Typography>
                <Typography variant="body2" component="span">
                  <strong>{display(c?.total)}</strong>
                </Typography>
                <Typography
                  variant="body2"
                  color="textSecondary"
                  component="span"
                  style={{ minWidth: 0 }}
                >
                  <TruncatedText
                    text={statesLine(c?.byState)}
                    maxWidth="100%"
                  />
                </Typography>
              </Box>
            ))}
          </Box>
        )}
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
