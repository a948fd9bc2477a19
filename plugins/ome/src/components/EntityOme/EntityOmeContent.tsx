import { InfoCard, Progress } from '@backstage/core-components';
import {
  Box,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  omeRelatedRefs,
  summarizeInferenceService,
} from '@ome-console/plugin-ome-common';
import { EntityServiceRow } from '../../hooks';
import { ErrorAlert } from '../common/errors';
import { StateBadge } from '../common/StateBadge';
import { TruncatedText } from '../common/TruncatedText';
import {
  EndpointText,
  OmeObjectLink,
  RelatedLink,
  replicasText,
} from './ServiceParts';
import { useEntityOme } from './useEntityOme';

/** A column title on one line (cut with the whole title on hover in narrow tables). */
function HeaderCell({ label, width }: { label: string; width?: number }) {
  return (
    <TableCell style={width ? { width } : undefined}>
      <TruncatedText text={label} maxWidth="100%" />
    </TableCell>
  );
}

function ServiceRow(props: { row: EntityServiceRow }) {
  const { ref, item, problem } = props.row;
  if (!item) {
    return (
      <TableRow data-testid="ome-entity-service">
        <TableCell>
          <TruncatedText text={ref.name} maxWidth="100%" />
        </TableCell>
        <TableCell>
          <TruncatedText
            text={`${ref.cluster} / ${ref.namespace}`}
            maxWidth="100%"
          />
        </TableCell>
        <TableCell colSpan={5}>
          <Typography variant="body2" color="error">
            Named by the entity, {problem}
          </Typography>
        </TableCell>
      </TableRow>
    );
  }
  const s = summarizeInferenceService(item.object);
  const related = omeRelatedRefs('InferenceService', item.object);
  const model = related.find(r => r.relation === 'model');
  const runtime = related.find(r => r.relation === 'runtime');
  return (
    <TableRow data-testid="ome-entity-service">
      <TableCell>
        <OmeObjectLink objectRef={ref} maxWidth="100%" />
      </TableCell>
      <TableCell>
        <TruncatedText
          text={`${ref.cluster} / ${ref.namespace}`}
          maxWidth="100%"
        />
      </TableCell>
      <TableCell>
        <RelatedLink
          cluster={ref.cluster}
          namespace={ref.namespace}
          kind={model?.kind ?? 'ClusterBaseModel'}
          name={s.model}
        />
      </TableCell>
      <TableCell>
        {s.runtime ? (
          <RelatedLink
            cluster={ref.cluster}
            namespace={ref.namespace}
            kind={runtime?.kind ?? 'ClusterServingRuntime'}
            name={s.runtime}
          />
        ) : (
          <Typography variant="body2" color="textSecondary" component="span">
            selected by OME
          </Typography>
        )}
      </TableCell>
      <TableCell data-testid="ome-entity-state">
        {/* one line: the badge, then the reason in plain words (whole on hover) */}
        <Box display="flex" alignItems="center" style={{ gap: 4 }}>
          <StateBadge state={s.state} />
          {s.state !== 'Ready' && (
            <Typography
              variant="caption"
              color="textSecondary"
              component="span"
              style={{ minWidth: 0 }}
            >
              <TruncatedText
                text={s.message ? `${s.stateText} (${s.message})` : s.stateText}
                maxWidth="100%"
              />
            </Typography>
          )}
        </Box>
      </TableCell>
      <TableCell>
        <EndpointText url={s.url} maxWidth="100%" />
      </TableCell>
      <TableCell>
        <TruncatedText text={replicasText(s)} maxWidth="100%" />
      </TableCell>
    </TableRow>
  );
}

/**
 * The entity page's OME tab: the InferenceServices behind the entity (see
 * `isOmeAvailable`), each with model, runtime, state in plain words, endpoint and replicas,
 * linked to the OME pages.
 */
export function EntityOmeContent() {
  const { query, services } = useEntityOme();
  const rows = services.value?.rows ?? [];
  return (
    <InfoCard title="OME inference services" noPadding>
      <Box data-testid="ome-entity-content">
        {services.loading && !services.value && <Progress />}
        {services.error && <ErrorAlert error={services.error} />}
        {query && query.invalid.length > 0 && (
          <Box p={2}>
            <Typography variant="body2" color="error">
              Not understood in ome.io/inference-services (expected
              cluster/namespace/name): {query.invalid.join(', ')}
            </Typography>
          </Box>
        )}
        {services.value && rows.length === 0 && (
          <Box p={2}>
            <Typography variant="body2" color="textSecondary">
              No inference services match this entity's annotations.
            </Typography>
          </Box>
        )}
        {rows.length > 0 && (
          <Table size="small" style={{ tableLayout: 'fixed' }}>
            <TableHead>
              <TableRow>
                <HeaderCell label="Name" />
                <HeaderCell label="Cluster / namespace" />
                <HeaderCell label="Model" />
                <HeaderCell label="Runtime" />
                <HeaderCell label="State" />
                <HeaderCell label="Endpoint" />
                <HeaderCell label="Replicas" width={150} />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(row => (
                <ServiceRow
                  key={`${row.ref.cluster}/${row.ref.namespace}/${row.ref.name}`}
                  row={row}
                />
              ))}
            </TableBody>
          </Table>
        )}
        {(services.value?.errors ?? []).length > 0 && (
          <Box p={2}>
            <Typography variant="caption" color="error">
              Not read:{' '}
              {services
                .value!.errors.map(e => `${e.cluster} (${e.message})`)
                .join(', ')}
            </Typography>
          </Box>
        )}
      </Box>
    </InfoCard>
  );
}
