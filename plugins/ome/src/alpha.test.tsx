import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import omePlugin, { omeModelsPage } from './alpha';
import { omeApiRef } from './api';
import { listResponse, mockOmeApi } from './testUtils/mockOmeApi';

const api = mockOmeApi({
  getClusters: async () => ({
    items: [{ name: 'ome-dev-a', reachable: true }],
  }),
  listResources: async () =>
    listResponse({
      stats: { total: 3, byCluster: {}, byState: {} },
    }),
  listClusterBaseModels: async () =>
    listResponse({
      items: [
        {
          cluster: 'ome-dev-a',
          object: {
            apiVersion: 'ome.io/v1beta1',
            kind: 'ClusterBaseModel',
            metadata: { name: 'phi-2' },
            status: { state: 'Ready' },
          },
        },
      ],
    }),
});

describe('omePlugin (new frontend system)', () => {
  it('has id ome and a root route', () => {
    expect(omePlugin.id).toBe('ome');
    expect(omePlugin.routes.root).toBeDefined();
  });

  it('renders the overview of the kinds and the models at /ome', async () => {
    const tester = createExtensionTester(omeModelsPage, {
      apis: [[omeApiRef, api]],
    });
    await renderInTestApp(tester.reactElement(), {
      apis: [[omeApiRef, api]],
    });
    expect(await screen.findByText('phi-2')).toBeInTheDocument();
    expect(screen.getByText('ome-dev-a')).toBeInTheDocument();
    expect(screen.getByText('Cluster serving runtimes')).toBeInTheDocument();
    expect(screen.getByText('Inference services')).toBeInTheDocument();
    expect(screen.getByTestId('ome-kind-inferenceservices')).toBeInTheDocument();
  });
});
