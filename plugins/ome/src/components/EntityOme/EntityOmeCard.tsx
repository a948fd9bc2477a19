import { InfoCard, Progress } from '@backstage/core-components';
import { Box, List, ListItem, Typography } from '@material-ui/core';
import { summarizeInferenceService } from '@ome-console/plugin-ome-common';
import { ErrorAlert } from '../common/errors';
import { StateBadge } from '../common/StateBadge';
import { TruncatedText } from '../common/TruncatedText';
import { EndpointText, OmeObjectLink } from './ServiceParts';
import { useEntityOme } from './useEntityOme';

/**
 * The entity overview's OME card: each InferenceService behind the entity with its state in
 * plain words and endpoint, linked to its OME page.
 */
export function EntityOmeCard() {
  const { services } = useEntityOme();
  const rows = services.value?.rows ?? [];
  return (
    <InfoCard title="OME inference services">
      <Box data-testid="ome-entity-card">
        {services.loading && !services.value && <Progress />}
        {services.error && <ErrorAlert error={services.error} />}
        {services.value && rows.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No inference services match this entity's annotations.
          </Typography>
        )}
        <List dense disablePadding>
          {rows.map(({ ref, item, problem }) => {
            const s = item ? summarizeInferenceService(item.object) : undefined;
            return (
              <ListItem
                key={`${ref.cluster}/${ref.namespace}/${ref.name}`}
                disableGutters
                divider
                style={{ display: 'block' }}
                data-testid="ome-entity-card-service"
              >
                <Box display="flex" alignItems="baseline" style={{ gap: 8 }}>
                  <Typography variant="body1" component="span">
                    {item ? (
                      <OmeObjectLink objectRef={ref} maxWidth={220} />
                    ) : (
                      <TruncatedText text={ref.name} maxWidth={220} />
                    )}
                  </Typography>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="span"
                  >
                    <TruncatedText
                      text={`${ref.cluster} / ${ref.namespace}`}
                      maxWidth={200}
                    />
                  </Typography>
                </Box>
                {s ? (
                  <>
                    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                      <StateBadge state={s.state} />
                      {s.state !== 'Ready' && (
                        <Typography
                          variant="caption"
                          color="textSecondary"
                          component="span"
                        >
                          <TruncatedText text={s.stateText} maxWidth={260} />
                        </Typography>
                      )}
                    </Box>
                    <EndpointText url={s.url} maxWidth="100%" />
                  </>
                ) : (
                  <Typography variant="body2" color="error">
                    Named by the entity, {problem}
                  </Typography>
                )}
              </ListItem>
            );
          })}
        </List>
      </Box>
    </InfoCard>
  );
}
