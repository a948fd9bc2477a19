import { Box, makeStyles, Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import {
  KubernetesObject,
  OmeWriteResult,
} from '@ome-console/plugin-ome-common';
import { toYaml } from '../../editing/yaml';
import { unifiedDiff } from '../../editing/unifiedDiff';

const useStyles = makeStyles(theme => ({
  diff: {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: 12.5,
    lineHeight: 1.45,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    overflow: 'auto',
    maxHeight: 520,
    margin: 0,
  },
  line: { whiteSpace: 'pre', padding: '0 8px', minHeight: '1.45em' },
  add: { background: 'rgba(46, 160, 67, 0.18)', color: theme.palette.text.primary },
  remove: { background: 'rgba(248, 81, 73, 0.18)', color: theme.palette.text.primary },
  gap: { color: theme.palette.text.secondary, background: theme.palette.action.hover },
  same: { color: theme.palette.text.secondary },
}));

const VOLATILE_METADATA = [
  'resourceVersion',
  'generation',
  'managedFields',
  'uid',
  'creationTimestamp',
];

/**
 * The object as compared in a diff: without the metadata that every write changes
 * (resourceVersion, generation, managedFields, ...), so the diff shows the user's changes.
 */
export function comparable(object: unknown): unknown {
  if (!object || typeof object !== 'object') return object;
  const o = { ...(object as KubernetesObject) };
  if (o.metadata && typeof o.metadata === 'object') {
    const m = { ...o.metadata } as Record<string, unknown>;
    for (const k of VOLATILE_METADATA) delete m[k];
    o.metadata = m as KubernetesObject['metadata'];
  }
  return o;
}

function yamlOf(object: unknown): string {
  if (object === undefined || object === null) return '';
  try {
    return toYaml(comparable(object));
  } catch {
    return JSON.stringify(object, null, 2);
  }
}

const SIGNS: Record<string, string> = { add: '+', remove: '-', gap: '', same: ' ' };

/** A unified diff of two objects' YAML, added and removed lines coloured. */
export function ObjectDiff(props: { before?: unknown; after?: unknown }) {
  const classes = useStyles();
  const lines = unifiedDiff(yamlOf(props.before), yamlOf(props.after), {
    context: 3,
  });
  return (
    <pre className={classes.diff} data-testid="ome-diff">
      {lines.map((l, i) => {
        const sign = SIGNS[l.type] ?? ' ';
        return (
          <div
            key={i}
            className={`${classes.line} ${classes[l.type] ?? ''}`}
            data-testid={`ome-diff-${l.type}`}
            data-diff={l.type}
          >
            {l.type === 'gap' ? l.text || '…' : `${sign} ${l.text}`}
          </div>
        );
      })}
    </pre>
  );
}

/** Warnings of a dry run or write. */
export function WarningsAlert(props: { warnings?: unknown }) {
  const warnings = Array.isArray(props.warnings) ? props.warnings : [];
  if (!warnings.length) return null;
  return (
    <Box mb={1}>
      <Alert severity="warning" data-testid="ome-dry-run-warnings">
        <AlertTitle>Warnings from the cluster</AlertTitle>
        {warnings.map((w, i) => (
          <Typography variant="body2" key={i}>
            {String(w)}
          </Typography>
        ))}
      </Alert>
    </Box>
  );
}

/**
 * The result of a dry run: warnings, then "No changes" for an empty patch, else the
 * diff between the live object (or nothing, for a create) and the would-be object.
 */
export function DryRunResult(props: {
  before?: unknown;
  result: OmeWriteResult;
}) {
  const { result } = props;
  const patch = Array.isArray(result.patch) ? result.patch : [];
  const unchanged = result.changed === false || patch.length === 0;
  return (
    <Box data-testid="ome-dry-run-result">
      <WarningsAlert warnings={result.warnings} />
      {unchanged ? (
        <Alert severity="info" data-testid="ome-diff-no-changes">
          No changes: nothing would be written.
        </Alert>
      ) : (
        <>
          <Typography variant="body2" color="textSecondary" gutterBottom>
            Dry run on cluster {result.cluster}: {patch.length} change
            {patch.length === 1 ? '' : 's'}. Nothing has been written yet.
          </Typography>
          <ObjectDiff before={props.before} after={result.object} />
        </>
      )}
    </Box>
  );
}
