import { InfoCard } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import {
  conditionsInWords,
  modelStatusInWords,
} from '@ome-console/plugin-ome-common';
import { StateBadge } from '../../common/StateBadge';

const TONE_STATE = {
  ok: 'Ready',
  failed: 'Failed',
  pending: 'Pending',
} as const;

/**
 * Why a service is (not) ready: its conditions in plain words, Ready first and failures
 * next, and its modelStatus with the last failure.
 */
export function ConditionsPanel(props: { status: unknown }) {
  const status = (props.status ?? {}) as {
    conditions?: unknown;
    modelStatus?: unknown;
  };
  const conditions = conditionsInWords(status.conditions);
  const model = modelStatusInWords(status.modelStatus);
  return (
    <InfoCard title="Conditions" noPadding={false}>
      <Box data-testid="ome-operate-conditions">
        {conditions.length === 0 && (
          <Typography color="textSecondary">
            No conditions reported yet.
          </Typography>
        )}
        {conditions.map(c => (
          <Box key={c.type} mb={1.5} data-testid={`ome-condition-${c.type}`}>
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              <StateBadge state={TONE_STATE[c.tone]} />
              <Typography variant="body1">{c.sentence}</Typography>
            </Box>
            {(c.reason || c.message) && (
              <Typography
                variant="body2"
                color="textSecondary"
                style={{ marginLeft: 28 }}
              >
                {c.reason && <b>{c.reason}</b>}
                {c.reason && c.message && ': '}
                {c.message}
              </Typography>
            )}
          </Box>
        ))}
        {(model.transition || model.failure) && (
          <Box mt={2} data-testid="ome-operate-model-status">
            <Typography variant="subtitle2">Model</Typography>
            {model.transition && (
              <Typography variant="body2">
                Rollout: {model.transition}
                {model.activeModelState &&
                  ` · active: ${model.activeModelState}`}
                {model.targetModelState &&
                  ` · target: ${model.targetModelState}`}
              </Typography>
            )}
            {model.failure && (
              <Typography
                variant="body2"
                color="error"
                data-testid="ome-operate-last-failure"
              >
                Last failure: {model.failure.words ?? 'unknown'}
                {model.failure.reason && ` (${model.failure.reason})`}
                {model.failure.message && ` — ${model.failure.message}`}
                {model.failure.location && ` at ${model.failure.location}`}
              </Typography>
            )}
          </Box>
        )}
      </Box>
    </InfoCard>
  );
}
