import { useCallback, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import { Box, Button, Paper, TablePagination, Typography } from '@material-ui/core';
import { OmeKind, omeKindInfo, OmeListItem } from '@ome-console/plugin-ome-common';
import {
  PAGE_SIZES,
  toOmeListQuery,
  useClusters,
  useNamespaces,
  useResourceList,
  useResourceListQuery,
  useRowSelection,
} from '../../hooks';
import { ClusterProblems, ReadErrorAlert } from '../common/errors';
import { display, kindTitle } from '../common/format';
import { useOmePaths } from '../common/paths';
import { BulkActions } from './BulkActions';
import { BulkDeleteDialog, ExportYamlDialog, mayDelete } from './BulkDialogs';
import { ColumnPicker } from './ColumnPicker';
import { CreateButton } from './CreateButton';
import { ListFilters } from './ListFilters';
import { ListStats } from './ListStats';
import { defaultVisibleColumns, kindColumns } from './listColumns';
import { ResourceTable } from './ResourceTable';

/** One kind's list: the backend filters, sorts and pages; the query lives in the URL. */
export function ResourceListPage(props: { kind: OmeKind }) {
  const { kind } = props;
  const paths = useOmePaths();
  const title = kindTitle(kind);
  const namespaced = omeKindInfo(kind).namespaced;

  const { query, update } = useResourceListQuery();
  const { clusters } = useClusters(kind);
  const { namespaces } = useNamespaces(query.clusters, namespaced);
  const listQuery = useMemo(() => toOmeListQuery(query), [query]);
  const list = useResourceList(kind, listQuery);
  const items: OmeListItem[] = useMemo(
    () => (Array.isArray(list.value?.items) ? list.value!.items : []),
    [list.value],
  );
  const selection = useRowSelection(items);
  const deletable = selection.selectedItems.filter(mayDelete);
  const [dialog, setDialog] = useState<'delete' | 'export'>();

  const allColumns = useMemo(() => kindColumns(kind), [kind]);
  const [visible, setVisible] = useState(() => defaultVisibleColumns(kind));
  const columns = allColumns.filter(c => visible.includes(c.id));

  const onSort = useCallback(
    (id: string) =>
      update(
        query.sort === id
          ? { order: query.order === 'asc' ? 'desc' : 'asc' }
          : { sort: id, order: 'asc' },
      ),
    [query.sort, query.order, update],
  );

  return (
    <Box data-testid="ome-list-page" data-kind={kind}>
      <Box display="flex" alignItems="center" mb={2} style={{ gap: 8 }}>
        <Typography variant="h4" component="h1" style={{ flexGrow: 1 }}>
          {title}
        </Typography>
        <CreateButton
          kind={kind}
          to={paths.create(kind)}
          // the first selected cluster, else the first known one
          cluster={query.clusters[0] ?? clusters[0]?.name}
          namespace={query.namespace || undefined}
        />
        <Button component={RouterLink} to={paths.importYaml()}>
          Import YAML
        </Button>
        {kind === 'InferenceService' && (
          <Button
            component={RouterLink}
            to={paths.deploy({
              cluster: query.clusters[0],
              namespace: query.namespace || undefined,
            })}
            data-testid="ome-deploy"
          >
            Deploy
          </Button>
        )}
        {(kind === 'ClusterBaseModel' || kind === 'BaseModel') && (
          <Button component={RouterLink} to={paths.huggingFaceImport()}>
            Import from HuggingFace
          </Button>
        )}
      </Box>
      <ListFilters
        query={query}
        update={update}
        clusters={clusters}
        namespaces={namespaced ? namespaces : undefined}
      />
      <ClusterProblems
        kindLabel={kind}
        errors={list.value?.errors}
        notInstalled={list.value?.notInstalled}
      />
      <ListStats stats={list.value?.stats} />
      {list.error && <ReadErrorAlert kind={kind} error={list.error} />}
      <Paper>
        <BulkActions
          heading={`${title} (${display(list.value?.totalCount ?? 0)})`}
          selected={selection.selectedItems.length}
          deletable={deletable.length}
          onExport={() => setDialog('export')}
          onDelete={() => setDialog('delete')}
          onReload={list.retry}
        >
          <ColumnPicker columns={allColumns} visible={visible} onChange={setVisible} />
        </BulkActions>
        {list.loading && <Progress />}
        {list.added > 0 && (
          // Added objects are not slotted into the page while it is read: say so instead.
          <Box px={2} py={1}>
            <Button
              size="small"
              color="primary"
              onClick={list.retry}
              data-testid="ome-list-added"
            >
              {list.added} new · show
            </Button>
          </Box>
        )}
        <ResourceTable
          kind={kind}
          title={title}
          columns={columns}
          items={items}
          sort={query.sort}
          order={query.order}
          onSort={onSort}
          selection={{
            ...selection,
            someSelected: selection.selectedItems.length > 0,
          }}
          empty={
            !list.loading && !list.error
              ? `No ${title.toLowerCase()} found.`
              : undefined
          }
        />
        <TablePagination
          component="div"
          count={list.value?.totalCount ?? 0}
          page={query.page}
          rowsPerPage={query.pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_ev, page) => update({ page })}
          onRowsPerPageChange={ev =>
            update({ pageSize: parseInt(ev.target.value, 10) })
          }
        />
      </Paper>
      {dialog === 'delete' && (
        <BulkDeleteDialog
          kind={kind}
          items={deletable}
          skipped={selection.selectedItems.length - deletable.length}
          onClose={deleted => {
            setDialog(undefined);
            if (deleted) list.retry();
          }}
        />
      )}
      {dialog === 'export' && (
        <ExportYamlDialog
          kind={kind}
          items={selection.selectedItems}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Box>
  );
}
