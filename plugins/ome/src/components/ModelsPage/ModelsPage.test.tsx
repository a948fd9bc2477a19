import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { OmeApi, omeApiRef } from '../../api';
import { listResponse, mockOmeApi } from '../../testUtils/mockOmeApi';
import { ModelsPage } from './ModelsPage';

const model = (name: string, extra: Record<string, any> = {}) => ({
  apiVersion: 'ome.io/v1beta1',
  kind: 'ClusterBaseModel',
  metadata: { name },
  ...extra,
});

function mockApi(overrides: Record<string, any> = {}): OmeApi {
  return mockOmeApi(overrides as Partial<OmeApi>);
}

async function renderPage(api: OmeApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[omeApiRef, api]]}>
      <ModelsPage />
    </TestApiProvider>,
  );
}

function rowOf(name: string) {
  const cell = screen.getByText(name);
  const row = cell.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('ModelsPage', () => {
  it('lists the models of every cluster with their columns', async () => {
    const api = mockApi({
      listClusterBaseModels: jest.fn(async () => listResponse({
        items: [
          {
            cluster: 'ome-dev-a',
            object: model('phi-2', {
              spec: {
                vendor: 'microsoft',
                modelFormat: { name: 'safetensors', version: '1.0.0' },
                modelArchitecture: 'PhiForCausalLM',
                modelParameterSize: '2.7B',
              },
              status: { state: 'Ready' },
            }),
          },
          {
            cluster: 'ome-dev-b',
            object: model('ome-dev-b-only-model', {
              spec: { vendor: 'meta' },
              status: { state: 'Failed' },
            }),
          },
          {
            cluster: 'ome-dev-b',
            object: model('llama-3', { status: { state: 'Importing' } }),
          },
        ],
        errors: [],
      }) as any),
    });
    await renderPage(api);

    expect(await screen.findByText('phi-2')).toBeInTheDocument();
    const phi = within(rowOf('phi-2'));
    expect(phi.getByText('ome-dev-a')).toBeInTheDocument();
    expect(phi.getByText('microsoft')).toBeInTheDocument();
    expect(phi.getByText('safetensors 1.0.0')).toBeInTheDocument();
    expect(phi.getByText('PhiForCausalLM')).toBeInTheDocument();
    expect(phi.getByText('2.7B')).toBeInTheDocument();
    expect(phi.getByText('Ready')).toBeInTheDocument();

    const b = within(rowOf('ome-dev-b-only-model'));
    expect(b.getByText('ome-dev-b')).toBeInTheDocument();
    expect(b.getByText('Failed')).toBeInTheDocument();
    expect(within(rowOf('llama-3')).getByText('Importing')).toBeInTheDocument();
    expect(screen.queryByTestId('ome-cluster-errors')).not.toBeInTheDocument();
  });

  it('filters by cluster', async () => {
    const api = mockApi({
      listClusterBaseModels: jest.fn(async () => listResponse({
        items: [
          { cluster: 'ome-dev-a', object: model('phi-2') },
          { cluster: 'ome-dev-b', object: model('ome-dev-b-only-model') },
        ],
        errors: [],
      }) as any),
    });
    await renderPage(api);
    expect(await screen.findByText('phi-2')).toBeInTheDocument();

    await userEvent.click(
      within(screen.getByTestId('ome-cluster-filter')).getByRole('button'),
    );
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('ome-dev-b'),
    );
    expect(screen.queryByText('phi-2')).not.toBeInTheDocument();
    expect(screen.getByText('ome-dev-b-only-model')).toBeInTheDocument();
  });

  it('warns about clusters that could not be read and still shows the others', async () => {
    const api = mockApi({
      listClusterBaseModels: jest.fn(async () => listResponse({
        items: [{ cluster: 'ome-dev-a', object: model('phi-2') }],
        errors: [
          {
            cluster: 'ome-dev-b',
            reason: 'unreachable' as const,
            message: 'connect ECONNREFUSED 127.0.0.1:6443',
          },
        ],
      })),
    });
    await renderPage(api);

    const banner = await screen.findByTestId('ome-cluster-errors');
    expect(banner).toHaveTextContent('Cluster ome-dev-b unreachable');
    expect(banner).toHaveTextContent('ECONNREFUSED');
    expect(screen.getByText('phi-2')).toBeInTheDocument();
  });

  it('does not break on odd objects', async () => {
    const api = mockApi({
      getClusters: jest.fn(async () => {
        throw new Error('clusters down');
      }),
      listClusterBaseModels: jest.fn(async () => listResponse({
        items: [
          { cluster: 'ome-dev-a', object: model('phi-2') },
          {
            cluster: 'ome-dev-a',
            object: {
              metadata: { name: { nested: true } },
              spec: 'not-an-object',
              status: { state: 42, nodesReady: 'x' },
            },
          },
          {
            cluster: 'ome-dev-a',
            object: model('weird', {
              spec: {
                vendor: { name: 'object vendor' },
                modelFormat: 'safetensors',
                modelParameterSize: 7,
                modelCapabilities: 'TEXT',
              },
              status: { state: 'Exploded' },
            }),
          },
          { cluster: 'ome-dev-b', object: null },
          null,
        ] as any,
        errors: [{ cluster: 42, reason: 'nonsense' }] as any,
      })),
    });
    await renderPage(api);

    expect(await screen.findByText('phi-2')).toBeInTheDocument();
    expect(within(rowOf('weird')).getByText('Unknown')).toBeInTheDocument();
    expect(screen.getByText('(unnamed)')).toBeInTheDocument();
    // a null object and a null item
    expect(screen.getAllByText('(invalid object)')).toHaveLength(2);
    expect(screen.getByTestId('ome-cluster-errors')).toHaveTextContent(
      'Cluster unknown could not be read',
    );
  });

  it('shows an empty state', async () => {
    await renderPage(mockApi());
    expect(
      await screen.findByText('No ClusterBaseModels found in any cluster.'),
    ).toBeInTheDocument();
  });

  it('shows an error when the backend fails', async () => {
    const api = mockApi({
      listClusterBaseModels: jest.fn(async () => {
        throw new Error('backend exploded');
      }),
    });
    await renderPage(api);
    expect(
      (await screen.findAllByText(/backend exploded/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText(/Could not list models/)).toBeInTheDocument();
  });
});
