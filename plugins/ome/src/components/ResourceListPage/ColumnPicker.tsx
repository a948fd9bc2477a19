import { useState } from 'react';
import {
  Button,
  Checkbox,
  ListItemIcon,
  ListItemText,
  Menu,
  MenuItem,
} from '@material-ui/core';
import ViewColumnIcon from '@material-ui/icons/ViewColumn';
import { OmeColumn } from '@ome-console/plugin-ome-common';

/** Chooses which of a kind's columns the table shows (the name always). */
export function ColumnPicker(props: {
  columns: readonly OmeColumn[];
  visible: readonly string[];
  onChange: (visible: string[]) => void;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const toggle = (id: string) =>
    props.onChange(
      props.visible.includes(id)
        ? props.visible.filter(v => v !== id)
        : props.columns.map(c => c.id).filter(c => c === id || props.visible.includes(c)),
    );
  return (
    <>
      <Button
        size="small"
        startIcon={<ViewColumnIcon />}
        onClick={ev => setAnchor(ev.currentTarget)}
        aria-haspopup="true"
        data-testid="ome-column-picker"
      >
        Columns
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {props.columns
          .filter(c => c.id !== 'name')
          .map(c => (
            <MenuItem key={c.id} dense onClick={() => toggle(c.id)}>
              <ListItemIcon>
                <Checkbox
                  size="small"
                  edge="start"
                  checked={props.visible.includes(c.id)}
                  tabIndex={-1}
                  // the menu item's text names it
                  inputProps={{ 'aria-hidden': true }}
                />
              </ListItemIcon>
              <ListItemText primary={c.title} />
            </MenuItem>
          ))}
      </Menu>
    </>
  );
}
