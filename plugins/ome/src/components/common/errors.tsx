import { Alert, AlertTitle } from '@material-ui/lab';
import { Box, Typography } from '@material-ui/core';
import { OmeClusterError, OmeFieldError } from '@ome-console/plugin-ome-common';
import { omeErrorDetails, omeErrorMessage, omeErrorStatus } from '../../api';

/** The field errors of a 422 answer, if `error` is one. */
export function serverFieldErrors(error: unknown): OmeFieldError[] {
  const list = omeErrorDetails(error)?.fieldErrors;
  return Array.isArray(list)
    ? list.filter(
        f => f && typeof f.path === 'string' && typeof f.message === 'string',
      )
    : [];
}

function title(error: unknown): string {
  const status = omeErrorStatus(error);
  if (status === undefined) return 'Request failed';
  const details = omeErrorDetails(error);
  switch (status) {
    case 400:
      return 'Bad request';
    case 401:
      return 'Not signed in';
    case 403:
      return 'Not allowed';
    case 404:
      return 'Not found';
    case 409:
      return 'Conflict: the object changed in the cluster';
    case 422:
      return details?.rejectedBy === 'admission'
        ? 'Rejected by the cluster’s admission policy'
        : 'Invalid object';
    case 503:
      return `Cluster ${details?.cluster ?? ''} unreachable`.replace(
        '  ',
        ' ',
      );
    default:
      return `Request failed (${status})`;
  }
}

/** A failed call as an alert, with its field errors and warnings. */
export function ErrorAlert(props: { error: unknown; testId?: string }) {
  const { error } = props;
  const message = omeErrorMessage(error);
  const fields = serverFieldErrors(error);
  const warnings = omeErrorDetails(error)?.warnings ?? [];
  return (
    <Alert severity="error" data-testid={props.testId ?? 'ome-error'}>
      <AlertTitle>{title(error)}</AlertTitle>
      <Typography variant="body2">{message}</Typography>
      {fields.length > 0 && (
        <ul data-testid="ome-field-errors">
          {fields.map((f, i) => (
            <li key={i}>
              <code>{f.path}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
      {Array.isArray(warnings) && warnings.length > 0 && (
        <Box mt={1}>
          {warnings.map((w, i) => (
            <Typography variant="body2" key={i}>
              Warning: {String(w)}
            </Typography>
          ))}
        </Box>
      )}
    </Alert>
  );
}

/**
 * A failed read (list or get): a 403 says plainly that the caller may not read objects of
 * the kind (with the backend's message); anything else is an {@link ErrorAlert}.
 */
export function ReadErrorAlert(props: { kind: string; error: unknown }) {
  const { error } = props;
  if (omeErrorStatus(error) !== 403) {
    return <ErrorAlert error={error} />;
  }
  const message = omeErrorMessage(error);
  return (
    <Alert severity="warning" data-testid="ome-read-forbidden">
      <AlertTitle>You may not read {props.kind} objects</AlertTitle>
      {message && <Typography variant="body2">{message}</Typography>}
      <Typography variant="body2">
        Ask an administrator of the OME console for access.
      </Typography>
    </Alert>
  );
}

const reasonText: Record<string, string> = {
  unreachable: 'is unreachable',
  forbidden: 'refused access',
  'not-installed': 'does not have this kind installed',
  error: 'could not be read',
};

/** Clusters that could not be read (warning) and clusters without the kind (info). */
export function ClusterProblems(props: {
  kindLabel: string;
  errors?: OmeClusterError[];
  notInstalled?: string[];
}) {
  const errors = (Array.isArray(props.errors) ? props.errors : []).filter(
    x => x && typeof x === 'object' && x.reason !== 'not-installed',
  );
  const notInstalled = [
    ...(Array.isArray(props.notInstalled) ? props.notInstalled : []),
    ...(Array.isArray(props.errors) ? props.errors : [])
      .filter(x => x && x.reason === 'not-installed')
      .map(x => x.cluster),
  ].filter((c, i, all) => typeof c === 'string' && all.indexOf(c) === i);
  return (
    <>
      {notInstalled.map(c => (
        <Box mb={1} key={`ni-${c}`}>
          <Alert severity="info" data-testid="ome-not-installed">
            {props.kindLabel} is not installed on {c}
          </Alert>
        </Box>
      ))}
      {errors.length > 0 && (
        <Box mb={1}>
          <Alert severity="warning" data-testid="ome-cluster-errors">
            <AlertTitle>
              Some clusters could not be read; their objects are missing below
            </AlertTitle>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {errors.map((x, i) => {
                const cluster =
                  typeof x.cluster === 'string' ? x.cluster : 'unknown';
                const reason =
                  reasonText[String(x.reason)] ?? reasonText.error;
                const msg =
                  typeof x.message === 'string' && x.message
                    ? `: ${x.message}`
                    : '';
                return (
                  <li key={i}>
                    Cluster {cluster} {reason}
                    {msg}
                  </li>
                );
              })}
            </ul>
          </Alert>
        </Box>
      )}
    </>
  );
}
