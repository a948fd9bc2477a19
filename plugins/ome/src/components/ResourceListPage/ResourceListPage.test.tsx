import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { OmeApi, omeApiRef } from '../../api';
import { listResponse, mockOmeApi } from '../../testUtils/mockOmeApi';
import { omeResponseError } from '../../testUtils/omeResponseError';
import { ResourceListPage } from './ResourceListPage';

const csr = (name: string, extra: Record<string, any> = {}) => ({
  apiVersion: 'ome.io/v1beta1',
  kind: 'ClusterServingRuntime',
  metadata: { name, resourceVersion: '11', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: {
    supportedModelFormats: [
      { modelFormat: { name: 'safetensors' }, modelArchitecture: 'LlamaForCausalLM' },
    ],
    modelSizeRange: { min: '1B', max: '9B' },
  },
  ...extra,
});

async function renderList(api: OmeApi, kind: any = 'ClusterServingRuntime') {
  return renderInTestApp(
    <TestApiProvider apis={[[omeApiRef, api]]}>
      <ResourceListPage kind={kind} />
    </TestApiProvider>,
  );
}

const rowOf = (name: string) => {
  const row = screen.getByText(name).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return within(row);
};

describe('ResourceListPage', () => {
  it('shows the kind columns, states, stats and cluster of each object', async () => {
    const api = mockOmeApi({
      listResources: jest.fn(async () =>
        listResponse({
          items: [
            { cluster: 'ome-dev-a', object: csr('srt-llama') },
            {
              cluster: 'ome-dev-b',
              object: {
                ...csr('isvc-like'),
                kind: 'InferenceService',
              },
            },
          ],
          totalCount: 42,
          stats: { total: 42, byCluster: { 'ome-dev-a': 40, 'ome-dev-b': 2 }, byState: { Active: 42 } },
        }),
      ),
    });
    await renderList(api);
    expect(await screen.findByText('srt-llama')).toBeInTheDocument();
    expect(rowOf('srt-llama').getByText('ome-dev-a')).toBeInTheDocument();
    expect(rowOf('srt-llama').getByText(/safetensors/)).toBeInTheDocument();
    expect(screen.getByTestId('ome-stats')).toHaveTextContent('42');
    expect(screen.getByTestId('ome-stats')).toHaveTextContent('ome-dev-a: 40');
    expect(screen.getByText('Cluster serving runtimes (42)')).toBeInTheDocument();
    // the server pages: the first page was asked for
    expect(api.listResources).toHaveBeenCalledWith(
      'ClusterServingRuntime',
      expect.objectContaining({ offset: 0, limit: 25, sort: 'name', order: 'asc' }),
    );
  });

  it('never breaks on odd objects', async () => {
    const api = mockOmeApi({
      listResources: jest.fn(async () =>
        listResponse({
          items: [
            { cluster: 'ome-dev-a', object: csr('fine') },
            { cluster: 'ome-dev-a', object: { ...csr('null-spec'), spec: null } },
            {
              cluster: 'ome-dev-a',
              object: {
                ...csr('weird-status'),
                spec: { supportedModelFormats: 'nope', modelSizeRange: [1, 2] },
                status: { state: 42, conditions: 'x', components: [null] },
              },
            },
            { cluster: 'ome-dev-a', object: { metadata: { name: { nested: 1 } }, spec: 'text' } },
            { cluster: 'ome-dev-b', object: null },
            null,
          ] as any,
          errors: [{ cluster: 42, reason: 'nonsense' }] as any,
          stats: null as any,
        }),
      ),
    });
    await renderList(api);
    expect(await screen.findByText('fine')).toBeInTheDocument();
    expect(screen.getByText('null-spec')).toBeInTheDocument();
    expect(screen.getByText('weird-status')).toBeInTheDocument();
    expect(screen.getByText('(unnamed)')).toBeInTheDocument();
    expect(screen.getAllByText('(invalid object)')).toHaveLength(2);
    expect(screen.getByTestId('ome-cluster-errors')).toHaveTextContent(
      'Cluster unknown could not be read',
    );
  });

  it('shows a kind that is not installed as info and unreachable clusters as a warning', async () => {
    const api = mockOmeApi({
      listResources: jest.fn(async () =>
        listResponse({
          items: [{ cluster: 'ome-dev-a', object: csr('srt-a') }],
          notInstalled: ['ome-dev-b'],
          errors: [
            { cluster: 'ome-dev-c', reason: 'unreachable', message: 'connect ECONNREFUSED' },
          ],
        }),
      ),
    });
    await renderList(api, 'BenchmarkJob');
    expect(await screen.findByTestId('ome-not-installed')).toHaveTextContent(
      'BenchmarkJob is not installed on ome-dev-b',
    );
    const warning = screen.getByTestId('ome-cluster-errors');
    expect(warning).toHaveTextContent('Cluster ome-dev-c is unreachable: connect ECONNREFUSED');
    expect(screen.getByText('srt-a')).toBeInTheDocument();
  });

  it('asks the server to search, sort and filter by cluster and namespace', async () => {
    const api = mockOmeApi();
    await renderList(api, 'InferenceService');
    await waitFor(() => expect(api.listResources).toHaveBeenCalled());

    await userEvent.type(screen.getByLabelText('Search'), 'chat');
    await waitFor(() =>
      expect(api.listResources).toHaveBeenLastCalledWith(
        'InferenceService',
        expect.objectContaining({ search: 'chat', offset: 0 }),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Model' }));
    await waitFor(() =>
      expect(api.listResources).toHaveBeenLastCalledWith(
        'InferenceService',
        expect.objectContaining({ sort: 'model', order: 'asc' }),
      ),
    );
    await userEvent.click(await screen.findByRole('checkbox', { name: 'ome-dev-b' }));
    await waitFor(() =>
      expect(api.listResources).toHaveBeenLastCalledWith(
        'InferenceService',
        expect.objectContaining({ cluster: ['ome-dev-b'] }),
      ),
    );
    await waitFor(() =>
      expect(screen.getByRole('option', { name: 'team-a' })).toBeInTheDocument(),
    );
    await userEvent.selectOptions(screen.getByLabelText('Namespace'), 'team-a');
    await waitFor(() =>
      expect(api.listResources).toHaveBeenLastCalledWith(
        'InferenceService',
        expect.objectContaining({ namespace: ['team-a'] }),
      ),
    );
  });

  it('deletes the selected objects after a confirmation, and exports them as YAML', async () => {
    const api = mockOmeApi({
      listResources: jest.fn(async () =>
        listResponse({
          items: [
            { cluster: 'ome-dev-a', object: csr('one'), actions: { update: true, delete: true } },
            { cluster: 'ome-dev-b', object: csr('two'), actions: { update: true, delete: true } },
          ],
        }),
      ),
      deleteResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: csr('one'),
        changed: true,
        dryRun: false,
        patch: [],
        warnings: [],
      })),
    });
    await renderList(api);
    await screen.findByText('one');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select one' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select two' }));

    await userEvent.click(screen.getByRole('button', { name: /Export YAML/ }));
    const yaml = screen.getByTestId('ome-export-yaml') as HTMLTextAreaElement;
    expect(yaml.value).toContain('name: one');
    expect(yaml.value).toContain('---');
    expect(yaml.value).toContain('name: two');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));

    await userEvent.click(screen.getByRole('button', { name: /^Delete$/ }));
    expect(screen.getByTestId('ome-delete-list')).toHaveTextContent('one on ome-dev-a');
    await userEvent.click(screen.getByTestId('ome-confirm-delete'));
    await waitFor(() => expect(api.deleteResource).toHaveBeenCalledTimes(2));
    expect(api.deleteResource).toHaveBeenCalledWith(
      { kind: 'ClusterServingRuntime', cluster: 'ome-dev-a', namespace: undefined, name: 'one' },
      { resourceVersion: '11' },
    );
  });
});

describe('ResourceListPage permissions', () => {
  const ok = { kind: 'ClusterServingRuntime', cluster: 'ome-dev-a', namespace: undefined, name: 'mine' };
  it('deletes only the selected objects the caller may delete and says how many were skipped', async () => {
    const api = mockOmeApi({
      listResources: jest.fn(async () =>
        listResponse({
          items: [
            { cluster: 'ome-dev-a', object: csr('mine'), actions: { update: true, delete: true } },
            { cluster: 'ome-dev-a', object: csr('theirs'), actions: { update: false, delete: false } },
          ],
        }),
      ),
      deleteResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: csr('mine'),
        changed: true,
        dryRun: false,
        patch: [],
        warnings: [],
      })),
    });
    await renderList(api);
    await screen.findByText('theirs');
    const del = () => screen.getByRole('button', { name: /^Delete$/ });

    // only objects the caller may not delete: nothing to delete
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select theirs' }));
    expect(del()).toBeDisabled();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select mine' }));
    expect(del()).toBeEnabled();
    await userEvent.click(del());
    expect(screen.getByTestId('ome-delete-skipped')).toHaveTextContent(
      '1 selected object is skipped: you may not delete it.',
    );
    expect(screen.getByTestId('ome-delete-list')).toHaveTextContent('mine on ome-dev-a');
    expect(screen.getByTestId('ome-delete-list')).not.toHaveTextContent('theirs');
    await userEvent.click(screen.getByTestId('ome-confirm-delete'));
    await waitFor(() => expect(api.deleteResource).toHaveBeenCalledTimes(1));
    expect(api.deleteResource).toHaveBeenCalledWith(ok, { resourceVersion: '11' });
  });

  it('disables Create with the reason when the caller may not create the kind in the first known cluster', async () => {
    const api = mockOmeApi({
      mayCreate: jest.fn(async () => ({
        allowed: false,
        conditional: false,
        reason: "You may not create ClusterServingRuntime objects in cluster 'ome-dev-a'",
      })),
    });
    await renderList(api);
    await waitFor(() =>
      expect(screen.getByTestId('ome-create')).toHaveAttribute('aria-disabled', 'true'),
    );
    expect(api.mayCreate).toHaveBeenCalledWith('ClusterServingRuntime', { cluster: 'ome-dev-a' });
    expect(screen.getByTestId('ome-create-reason')).toHaveAttribute(
      'aria-label',
      "You may not create ClusterServingRuntime objects in cluster 'ome-dev-a'",
    );
  });

  it('asks about the selected cluster and namespace of a namespaced kind, once, not per row', async () => {
    const api = mockOmeApi({
      listResources: jest.fn(async () =>
        listResponse({
          items: ['x', 'y', 'z'].map(n => ({
            cluster: 'ome-dev-b',
            object: { ...csr(n), kind: 'InferenceService', metadata: { name: n, namespace: 'team-a' } },
            actions: { update: true, delete: true },
          })),
        }),
      ),
    });
    await renderList(api, 'InferenceService');
    await screen.findByText('z');
    // no namespace chosen: a namespaced kind is not checked, Create stays enabled
    expect(api.mayCreate).not.toHaveBeenCalled();
    expect(screen.getByTestId('ome-create')).not.toHaveAttribute('aria-disabled', 'true');

    await userEvent.click(screen.getByRole('checkbox', { name: 'ome-dev-b' }));
    await waitFor(() =>
      expect(screen.getByRole('option', { name: 'team-a' })).toBeInTheDocument(),
    );
    await userEvent.selectOptions(screen.getByTestId('ome-namespace-picker'), 'team-a');
    await waitFor(() =>
      expect(api.mayCreate).toHaveBeenCalledWith('InferenceService', {
        cluster: 'ome-dev-b',
        namespace: 'team-a',
      }),
    );
    expect(api.mayCreate).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('ome-create')).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('says plainly that the caller may not read the kind on a 403', async () => {
    const api = mockOmeApi({
      listResources: jest.fn(async () => {
        throw await omeResponseError(403, 'You may not read OME resources');
      }),
    });
    await renderList(api);
    const panel = await screen.findByTestId('ome-read-forbidden');
    expect(panel).toHaveTextContent('You may not read ClusterServingRuntime objects');
    expect(panel).toHaveTextContent('You may not read OME resources');
    expect(screen.queryByTestId('ome-error')).not.toBeInTheDocument();
  });
});

describe('ResourceListPage links', () => {
  it('takes its initial filters from the URL', async () => {
    const api = mockOmeApi();
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <ResourceListPage kind="InferenceService" />
      </TestApiProvider>,
      { routeEntries: ['/?search=phi-2&cluster=ome-dev-b&namespace=team-a'] },
    );
    await waitFor(() =>
      expect(api.listResources).toHaveBeenCalledWith(
        'InferenceService',
        expect.objectContaining({
          search: 'phi-2',
          cluster: ['ome-dev-b'],
          namespace: ['team-a'],
        }),
      ),
    );
    expect(screen.getByLabelText('Search')).toHaveValue('phi-2');
  });
});

describe('ResourceListPage columns', () => {
  it('shows the columns that fit by default and the others from the column picker', async () => {
    const api = mockOmeApi({
      listResources: jest.fn(async () =>
        listResponse({
          items: [
            {
              cluster: 'ome-dev-a',
              object: {
                apiVersion: 'ome.io/v1beta1',
                kind: 'InferenceService',
                metadata: { name: 'chat', namespace: 'team-a' },
                spec: { model: { name: 'llama' } },
                status: { url: 'http://chat.team-a.svc' },
              },
            },
          ],
        }),
      ),
    });
    await renderList(api, 'InferenceService');
    await screen.findByText('chat');
    const headers = () => screen.getAllByRole('columnheader').map(h => h.textContent);
    expect(headers()).toEqual(
      expect.arrayContaining(['Name', 'Namespace', 'Model', 'Runtime', 'State', 'Age', 'Cluster']),
    );
    expect(headers()).not.toContain('URL');
    expect(rowOf('chat').getByText('llama')).toHaveAttribute('title', 'llama');

    await userEvent.click(screen.getByTestId('ome-column-picker'));
    await userEvent.click(screen.getByRole('menuitem', { name: 'URL' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(headers()).toContain('URL'));
    expect(rowOf('chat').getByText('http://chat.team-a.svc')).toBeInTheDocument();
  });
});
