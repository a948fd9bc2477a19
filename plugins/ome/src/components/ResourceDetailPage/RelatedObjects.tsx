import { Link } from '@backstage/core-components';
import { Grid, Typography } from '@material-ui/core';
import {
  OmeKind,
  OmeObjectRef,
  omeRelatedRefs,
} from '@ome-console/plugin-ome-common';
import { display, kindTitle, objectMeta, safely } from '../common/format';
import { useOmePaths } from '../common/paths';
import { OverviewCard } from './KindOverview';

/** Which kinds reference a kind, to offer "objects using this one" links. */
const usedBy: Partial<Record<OmeKind, OmeKind[]>> = {
  ClusterBaseModel: ['InferenceService', 'FineTunedWeight'],
  BaseModel: ['InferenceService'],
  ClusterServingRuntime: ['InferenceService'],
  ServingRuntime: ['InferenceService'],
  AcceleratorClass: ['ClusterServingRuntime', 'ServingRuntime', 'InferenceService'],
  InferenceService: ['BenchmarkJob'],
};

/** The objects an object refers to, and links to the lists of objects that may use it. */
export function RelatedObjects(props: { source: OmeObjectRef; object: unknown }) {
  const { kind, cluster } = props.source;
  const paths = useOmePaths();
  const name = objectMeta(props.object).name || props.source.name;
  const related = safely(() => {
    const refs = omeRelatedRefs(kind, props.object as any);
    return Array.isArray(refs) ? refs : [];
  }, []);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <OverviewCard title="References" testId="ome-related">
          {related.length === 0 && (
            <Typography variant="body2">
              This object references no other OME object.
            </Typography>
          )}
          <ul>
            {related.map((r, i) => (
              <li key={i}>
                <Typography variant="body2">
                  {display(r.relation)}:{' '}
                  <Link
                    to={paths.detail({
                      kind: r.kind,
                      cluster,
                      namespace: r.namespace,
                      name: r.name,
                    })}
                  >
                    {r.kind} {r.namespace ? `${r.namespace}/` : ''}
                    {r.name}
                  </Link>
                </Typography>
              </li>
            ))}
          </ul>
        </OverviewCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <OverviewCard title="Used by" testId="ome-used-by">
          <ul>
            {(usedBy[kind] ?? []).map(k => (
              <li key={k}>
                <Link
                  to={`${paths.list(k)}?search=${encodeURIComponent(name)}&cluster=${encodeURIComponent(cluster)}`}
                >
                  {kindTitle(k)} mentioning {name} on {cluster}
                </Link>
              </li>
            ))}
          </ul>
        </OverviewCard>
      </Grid>
    </Grid>
  );
}
