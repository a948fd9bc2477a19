import { Link } from '@backstage/core-components';
import {
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { RuntimeCandidate } from '@ome-console/plugin-ome-common';
import { useOmePaths } from './paths';
import { verdictOf } from './selectionText';
import { TruncatedText } from './TruncatedText';

/** A runtime's row as ome-common's selection gives it (and the runtimes route answers it). */
export type RuntimeCandidateRow = Pick<
  RuntimeCandidate,
  | 'name'
  | 'namespace'
  | 'isCluster'
  | 'score'
  | 'compatible'
  | 'selectable'
  | 'rank'
> & { reason?: { code: string; message: string } };

/**
 * Runtime selection as a table: OME's rank, the runtime (linked to its page), its scope,
 * score, a verdict and the first reason it is not the winner. The model's Runtimes tab and
 * the deploy wizard's runtime step show the same rows.
 */
export function RuntimeCandidatesTable(props: {
  cluster: string;
  candidates: readonly RuntimeCandidateRow[];
  testId?: string;
}) {
  const paths = useOmePaths();
  return (
    <Table
      size="small"
      style={{ tableLayout: 'fixed', width: '100%' }}
      data-testid={props.testId}
    >
      <TableHead>
        <TableRow>
          <TableCell style={{ width: 48 }}>#</TableCell>
          <TableCell style={{ width: '26%' }}>Runtime</TableCell>
          <TableCell style={{ width: 120 }}>Scope</TableCell>
          <TableCell style={{ width: 80 }}>Score</TableCell>
          <TableCell style={{ width: 130 }}>Verdict</TableCell>
          <TableCell>Why not</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.candidates.map(c => (
          <TableRow
            key={`${c.namespace ?? ''}/${c.name}`}
            data-testid="ome-runtime-candidate"
            selected={c.rank === 1}
          >
            <TableCell>{c.rank ?? ''}</TableCell>
            <TableCell>
              <Link
                to={paths.detail({
                  kind: c.isCluster
                    ? 'ClusterServingRuntime'
                    : 'ServingRuntime',
                  cluster: props.cluster,
                  namespace: c.namespace,
                  name: c.name,
                })}
              >
                <TruncatedText text={c.name} maxWidth="100%" />
              </Link>
            </TableCell>
            <TableCell>
              <TruncatedText
                text={c.isCluster ? 'cluster' : c.namespace ?? ''}
                maxWidth="100%"
              />
            </TableCell>
            <TableCell>{c.compatible ? c.score : ''}</TableCell>
            <TableCell>
              <Chip
                size="small"
                label={verdictOf(c)}
                color={c.rank === 1 ? 'primary' : 'default'}
                variant={c.selectable || c.compatible ? 'default' : 'outlined'}
              />
            </TableCell>
            <TableCell data-testid="ome-runtime-reason">
              <TruncatedText text={c.reason?.message ?? ''} maxWidth="100%" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
