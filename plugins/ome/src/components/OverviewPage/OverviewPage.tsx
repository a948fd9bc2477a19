import { Link as RouterLink } from 'react-router-dom';
import { InfoCard, Progress } from '@backstage/core-components';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import { OME_KINDS } from '@ome-console/plugin-ome-common';
import { useAttention, useCounts } from '../../hooks';
import { ErrorAlert } from '../common/errors';
import { useOmePaths } from '../common/paths';
import { AttentionList } from './AttentionList';
import { KindCountsCard } from './KindCountsCard';
import { ClusterModelCards } from './ModelCards';
import { modelCardFigures } from './modelCards';

/**
 * `/ome`, the dashboard: per cluster the four model cards, the "needs attention" list, and
 * the eight kinds counted by state and cluster. Two requests (`/counts`, `/attention`); each
 * hook's `retry` refetches its part.
 */
export function OverviewPage() {
  const paths = useOmePaths();
  const counts = useCounts();
  const attention = useAttention();
  const kinds = Array.isArray(counts.value?.items) ? counts.value!.items : [];
  const byKind = new Map(kinds.map(c => [c?.kind, c]));
  const figures = modelCardFigures(kinds);
  const attentionCount = attention.value?.items?.length;
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
        <Grid item xs={12} lg={7}>
          <InfoCard title="Models per cluster">
            <Box data-testid="ome-model-cards">
              {figures.map(f => (
                <ClusterModelCards key={f.cluster} figures={f} />
              ))}
              {counts.value && figures.length === 0 && (
                <Typography variant="body2" color="textSecondary">
                  No models in any cluster you may read.
                </Typography>
              )}
            </Box>
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={5}>
          <InfoCard
            title={
              attentionCount === undefined
                ? 'Needs attention'
                : `Needs attention (${attentionCount})`
            }
          >
            {attention.loading && !attention.value && <Progress />}
            {attention.error && <ErrorAlert error={attention.error} />}
            <Box maxHeight={560} overflow="auto">
              <AttentionList attention={attention.value} />
            </Box>
          </InfoCard>
        </Grid>
        {OME_KINDS.map(info => (
          <Grid item xs={12} sm={6} md={3} key={info.kind}>
            <KindCountsCard info={info} counts={byKind.get(info.kind)} />
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
