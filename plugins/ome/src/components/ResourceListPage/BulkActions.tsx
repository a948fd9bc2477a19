import { ReactNode } from 'react';
import { Box, Button, Typography } from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import GetAppIcon from '@material-ui/icons/GetApp';
import RefreshIcon from '@material-ui/icons/Refresh';

/** The table's toolbar: what is selected and what can be done with it, and a reload. */
export function BulkActions(props: {
  /** The heading when nothing is selected, e.g. `Inference services (42)`. */
  heading: string;
  selected: number;
  deletable: number;
  onExport: () => void;
  onDelete: () => void;
  onReload: () => void;
  /** More tools at the end (the column picker). */
  children?: ReactNode;
}) {
  const { selected, deletable } = props;
  return (
    <Box display="flex" alignItems="center" p={1} style={{ gap: 8 }}>
      <Typography variant="subtitle1" style={{ flexGrow: 1 }} noWrap>
        {selected ? `${selected} selected` : props.heading}
      </Typography>
      <Button
        size="small"
        startIcon={<GetAppIcon />}
        disabled={!selected}
        onClick={props.onExport}
      >
        Export YAML
      </Button>
      <Button
        size="small"
        startIcon={<DeleteIcon />}
        disabled={!deletable}
        title={
          selected && !deletable
            ? 'You may not delete the selected objects'
            : undefined
        }
        onClick={props.onDelete}
      >
        Delete
      </Button>
      <Button size="small" startIcon={<RefreshIcon />} onClick={props.onReload}>
        Reload
      </Button>
      {props.children}
    </Box>
  );
}
