import { Box, Chip, Typography } from '@material-ui/core';
import { OmeListStats } from '@ome-console/plugin-ome-common';
import { display } from '../common/format';
import { stateLabel } from '../common/StateBadge';

/** How many objects match, per state and per cluster (before paging). */
export function ListStats(props: { stats?: OmeListStats | null }) {
  const { stats } = props;
  if (!stats || typeof stats !== 'object') return null;
  const entries = (v: unknown) =>
    v && typeof v === 'object'
      ? Object.entries(v as Record<string, unknown>)
      : [];
  return (
    <Box
      mb={1}
      data-testid="ome-stats"
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 8 }}
    >
      <Box mr={1}>
        <Typography variant="h6" component="span">
          {display(stats.total)}
        </Typography>{' '}
        <Typography variant="body2" component="span">
          total
        </Typography>
      </Box>
      {entries(stats.byState).map(([state, n]) => (
        <Chip
          key={`s-${state}`}
          size="small"
          label={`${stateLabel(state)}: ${display(n)}`}
        />
      ))}
      {entries(stats.byCluster).map(([cluster, n]) => (
        <Chip
          key={`c-${cluster}`}
          size="small"
          variant="outlined"
          label={`${cluster}: ${display(n)}`}
        />
      ))}
    </Box>
  );
}
