import { Alert, AlertTitle } from '@material-ui/lab';
import { OmeKind } from '@ome-console/plugin-ome-common';
import { OmeCreateDecision } from '../../api';
import { useMayCreate } from '../../hooks';

/** Why the caller may not create here, from the decision (or a generic sentence). */
export function notAllowedReason(
  kind: OmeKind,
  decision: OmeCreateDecision | undefined,
): string | undefined {
  if (!decision || decision.allowed) return undefined;
  return decision.reason || `You may not create ${kind} objects here`;
}

/** A warning banner when the caller may not create `kind` at the chosen place. */
export function CreateNotAllowedBanner(props: {
  kind: OmeKind;
  decision?: OmeCreateDecision;
}) {
  const reason = notAllowedReason(props.kind, props.decision);
  if (!reason) return null;
  return (
    <Alert severity="warning" data-testid="ome-create-not-allowed">
      <AlertTitle>Creating is not allowed here</AlertTitle>
      {reason}. Submitting will be refused.
    </Alert>
  );
}

/**
 * Asks whether the caller may create `kind` at the chosen place and warns when not (the
 * editor's create mode, the import page). Nothing shows while a place is incomplete.
 */
export function CreatePermissionBanner(props: {
  kind: OmeKind;
  cluster?: string;
  namespace?: string;
}) {
  const { decision } = useMayCreate(props.kind, props.cluster, props.namespace);
  return <CreateNotAllowedBanner kind={props.kind} decision={decision} />;
}
