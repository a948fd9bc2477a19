import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, AlertTitle } from '@material-ui/lab';
import { OmeKind, omeKindInfo } from '@ome-console/plugin-ome-common';
import { OmeCreateDecision, omeApiRef } from '../../api';

/** The create decision while it loads, when it cannot be asked, and when it failed. */
export interface CreateDecisionState {
  /** Undefined while loading, without a place to ask about, or when the call failed. */
  decision?: OmeCreateDecision;
  loading: boolean;
}

/**
 * Asks once whether the caller may create `kind` in `cluster` (and `namespace`, needed for
 * namespaced kinds). Without a cluster (or namespace) nothing is asked. A failed call
 * decides nothing: the backend still refuses on submit.
 */
export function useCreateDecision(
  kind: OmeKind,
  cluster: string | undefined,
  namespace?: string,
): CreateDecisionState {
  const api = useApi(omeApiRef);
  const namespaced = omeKindInfo(kind).namespaced;
  const ready = !!cluster && (!namespaced || !!namespace);
  const state = useAsync(async () => {
    if (!ready) return undefined;
    return api
      .mayCreate(kind, {
        cluster: cluster!,
        ...(namespaced && { namespace }),
      })
      .catch(() => undefined);
  }, [api, kind, cluster, namespaced ? namespace : undefined, ready]);
  return { decision: state.value ?? undefined, loading: state.loading };
}

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
  const { decision } = useCreateDecision(
    props.kind,
    props.cluster,
    props.namespace,
  );
  return <CreateNotAllowedBanner kind={props.kind} decision={decision} />;
}
