import { Button, Tooltip } from '@material-ui/core';
import { useMayCreate } from '../../hooks';
import { notAllowedReason } from '../common/permissions';
import { OmeObjectRef } from '@ome-console/plugin-ome-common';

/**
 * Clone: disabled, with the reason as tooltip, when the caller may not create the kind in
 * the source's cluster (and namespace). The clone dialog may pick another place; the
 * backend decides there.
 */
export function CloneButton(props: { source: OmeObjectRef; onClick: () => void }) {
  const { kind, cluster, namespace } = props.source;
  const { decision } = useMayCreate(kind, cluster, namespace);
  const reason = notAllowedReason(kind, decision);
  const button = (
    <Button
      variant="outlined"
      disabled={!!reason}
      onClick={props.onClick}
      data-testid="ome-clone"
    >
      Clone
    </Button>
  );
  if (!reason) return button;
  return (
    <Tooltip title={reason}>
      <span data-testid="ome-clone-reason" aria-label={reason}>
        {button}
      </span>
    </Tooltip>
  );
}
