import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import omePlugin, { omeModelsPage } from './alpha';
import { OmeApi, omeApiRef } from './api';

const api: OmeApi = {
  getClusters: async () => ({
    items: [{ name: 'ome-dev-a', reachable: true }],
  }),
  listClusterBaseModels: async () => ({
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
    errors: [],
  }),
};

describe('omePlugin (new frontend system)', () => {
  it('has id ome and a root route', () => {
    expect(omePlugin.id).toBe('ome');
    expect(omePlugin.routes.root).toBeDefined();
  });

  it('renders the models page at /ome', async () => {
    const tester = createExtensionTester(omeModelsPage, {
      apis: [[omeApiRef, api]],
    });
    await renderInTestApp(tester.reactElement(), {
      apis: [[omeApiRef, api]],
    });
    expect(await screen.findByText('phi-2')).toBeInTheDocument();
    expect(screen.getByText('ome-dev-a')).toBeInTheDocument();
  });
});
