import { Link as RouterLink } from 'react-router-dom';
import { Button, Tooltip } from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import { OmeKind } from '@ome-console/plugin-ome-common';
import { useMayCreate } from '../../hooks';
import { notAllowedReason } from '../common/permissions';

/**
 * The Create button: disabled, with the reason as tooltip, when the caller may not create
 * the kind in `cluster` (and `namespace`; without one a namespaced kind is not checked).
 */
export function CreateButton(props: {
  kind: OmeKind;
  to: string;
  cluster?: string;
  namespace?: string;
}) {
  const { decision } = useMayCreate(props.kind, props.cluster, props.namespace);
  const reason = notAllowedReason(props.kind, decision);
  const button = (
    <Button
      component={RouterLink}
      to={props.to}
      color="primary"
      variant="contained"
      startIcon={<AddIcon />}
      disabled={!!reason}
      data-testid="ome-create"
    >
      Create
    </Button>
  );
  if (!reason) return button;
  // a disabled button gets no mouse events: the tooltip needs a wrapper
  return (
    <Tooltip title={reason}>
      <span data-testid="ome-create-reason" aria-label={reason}>
        {button}
      </span>
    </Tooltip>
  );
}
