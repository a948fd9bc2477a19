import {
  Checkbox,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  Typography,
} from '@material-ui/core';
import { Link } from '@backstage/core-components';
import {
  OmeColumn,
  OmeKind,
  OmeListItem,
  omeObjectState,
} from '@ome-console/plugin-ome-common';
import { itemKey } from '../../hooks';
import { objectMeta, safely } from '../common/format';
import { useOmePaths } from '../common/paths';
import { StateBadge } from '../common/StateBadge';
import { TruncatedText } from '../common/TruncatedText';
import { cellText } from './listColumns';

// The table takes the page's width and never more (fixed layout): every header and cell
// stays on one line and a long value is cut with an ellipsis (the full text on hover), so
// neither a narrow window nor a long name breaks words letter by letter or hides columns
// off to the right.
const useStyles = makeStyles({
  table: {
    tableLayout: 'fixed',
    width: '100%',
    '& th, & td': {
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      padding: '6px 12px',
    },
    '& th.MuiTableCell-paddingCheckbox, & td.MuiTableCell-paddingCheckbox': {
      width: 48,
      padding: '0 4px',
    },
  },
});

/** Columns that need a set width; the others share what is left equally. */
const COLUMN_WIDTH: Record<string, string | number> = {
  name: '22%',
  state: 120,
  age: 64,
};
const CLUSTER_WIDTH = 104;

/** The rows of one page, with selection and server-side sorting by column. */
export function ResourceTable(props: {
  kind: OmeKind;
  title: string;
  columns: OmeColumn[];
  items: readonly OmeListItem[];
  sort: string;
  order: 'asc' | 'desc';
  onSort: (columnId: string) => void;
  selection: {
    allSelected: boolean;
    someSelected: boolean;
    isSelected: (item: OmeListItem, index: number) => boolean;
    toggle: (item: OmeListItem, index: number) => void;
    toggleAll: () => void;
  };
  /** Shown in the body when there are no items. */
  empty?: string;
}) {
  const { kind, columns, items, selection } = props;
  const classes = useStyles();
  return (
    <TableContainer>
      <Table size="small" aria-label={props.title} className={classes.table}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox
                size="small"
                inputProps={{ 'aria-label': 'Select all on page' }}
                checked={selection.allSelected}
                indeterminate={selection.someSelected && !selection.allSelected}
                onChange={selection.toggleAll}
              />
            </TableCell>
            {columns.map(c => (
              <TableCell key={c.id} style={{ width: COLUMN_WIDTH[c.id] }}>
                <TableSortLabel
                  active={props.sort === c.id}
                  direction={props.sort === c.id ? props.order : 'asc'}
                  onClick={() => props.onSort(c.id)}
                >
                  {c.title}
                </TableSortLabel>
              </TableCell>
            ))}
            <TableCell style={{ width: CLUSTER_WIDTH }}>Cluster</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item, i) => (
            <ResourceRow
              key={itemKey(item, i)}
              kind={kind}
              item={item}
              columns={columns}
              selected={selection.isSelected(item, i)}
              onSelect={() => selection.toggle(item, i)}
            />
          ))}
          {props.empty && items.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length + 2}>
                <Typography data-testid="ome-empty">{props.empty}</Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function ResourceRow(props: {
  kind: OmeKind;
  item: OmeListItem;
  columns: OmeColumn[];
  selected: boolean;
  onSelect: () => void;
}) {
  const { kind, item, columns } = props;
  const object = item && typeof item === 'object' ? item.object : undefined;
  const cluster =
    item && typeof item.cluster === 'string' ? item.cluster : 'unknown';
  const meta = objectMeta(object);
  const valid = !!object && typeof object === 'object' && !!meta.name;
  return (
    <TableRow
      hover
      selected={props.selected}
      data-testid="ome-row"
      data-name={meta.name}
    >
      <TableCell padding="checkbox">
        <Checkbox
          size="small"
          checked={props.selected}
          disabled={!valid}
          onChange={props.onSelect}
          inputProps={{ 'aria-label': `Select ${meta.name || 'object'}` }}
        />
      </TableCell>
      {columns.map(c => (
        <TableCell key={c.id}>
          <Cell
            kind={kind}
            column={c}
            object={object}
            cluster={cluster}
            valid={valid}
          />
        </TableCell>
      ))}
      <TableCell>
        <TruncatedText text={cluster} maxWidth="100%" />
      </TableCell>
    </TableRow>
  );
}

function Cell(props: {
  kind: OmeKind;
  column: OmeColumn;
  object: unknown;
  cluster: string;
  valid: boolean;
}) {
  const { kind, column, object, cluster, valid } = props;
  const paths = useOmePaths();
  const meta = objectMeta(object);
  if (column.id === 'name') {
    if (!valid) {
      return (
        <Typography variant="body2" color="error">
          {object && typeof object === 'object'
            ? '(unnamed)'
            : '(invalid object)'}
        </Typography>
      );
    }
    return (
      <Link
        to={paths.detail({
          kind,
          cluster,
          namespace: meta.namespace,
          name: meta.name,
        })}
        data-testid="ome-row-name"
      >
        <TruncatedText text={meta.name} maxWidth="100%" />
      </Link>
    );
  }
  if (column.id === 'state') {
    const state = safely(() => omeObjectState(kind, object as any), 'Unknown');
    return <StateBadge state={state} />;
  }
  const value = safely(
    () => (object ? column.value(object as any) : undefined),
    undefined,
  );
  return <TruncatedText text={cellText(column.id, value)} maxWidth="100%" />;
}
