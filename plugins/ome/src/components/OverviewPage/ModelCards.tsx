import { Link as RouterLink } from 'react-router-dom';
import { Box, Card, CardActionArea, Grid, Typography } from '@material-ui/core';
import { display } from '../common/format';
import { useOmePaths } from '../common/paths';
import { TruncatedText } from '../common/TruncatedText';
import { ModelCardFigures } from './modelCards';

const FIGURES: Array<{
  key: keyof Omit<ModelCardFigures, 'cluster'>;
  title: string;
  color?: 'error' | 'primary';
}> = [
  { key: 'total', title: 'Models' },
  { key: 'ready', title: 'Ready' },
  { key: 'inTransit', title: 'In transit', color: 'primary' },
  { key: 'failed', title: 'Failed', color: 'error' },
];

/** One cluster's four model cards: total, ready, in transit and failed models. */
export function ClusterModelCards(props: { figures: ModelCardFigures }) {
  const { figures } = props;
  const paths = useOmePaths();
  const listUrl = `${paths.list(
    'ClusterBaseModel',
  )}?cluster=${encodeURIComponent(figures.cluster)}&sort=state`;
  return (
    <Box mb={2} data-testid={`ome-model-cards-${figures.cluster}`}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        <TruncatedText text={figures.cluster} maxWidth="100%" />
      </Typography>
      <Grid container spacing={2}>
        {FIGURES.map(f => (
          <Grid item xs={6} md={3} key={f.key}>
            <Card variant="outlined">
              <CardActionArea component={RouterLink} to={listUrl}>
                <Box p={2} data-testid={`ome-model-card-${f.key}`}>
                  <Typography variant="body2" color="textSecondary">
                    {f.title}
                  </Typography>
                  <Typography
                    variant="h4"
                    component="p"
                    color={
                      f.color && figures[f.key] > 0 ? f.color : 'textPrimary'
                    }
                    data-testid="ome-model-card-value"
                  >
                    {display(figures[f.key])}
                  </Typography>
                </Box>
              </CardActionArea>
            </Card>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
