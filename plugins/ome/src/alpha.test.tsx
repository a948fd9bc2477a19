import { screen, waitFor } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import omePlugin, { omePage } from './alpha';
import { omeApiRef } from './api';
import { mockOmeApi } from './testUtils/mockOmeApi';

const api = mockOmeApi({
  getCounts: async () => ({
    items: [
      {
        kind: 'InferenceService',
        total: 3,
        byState: { Ready: 2, NotReady: 1 },
        byCluster: { 'ome-dev-a': { total: 3, byState: { Ready: 2, NotReady: 1 } } },
        errors: [],
        notInstalled: ['ome-dev-b'],
      },
    ],
  }),
});

describe('omePlugin (new frontend system)', () => {
  it('has id ome and a root route', () => {
    expect(omePlugin.id).toBe('ome');
    expect(omePlugin.routes.root).toBeDefined();
  });

  it('renders the overview of the kinds with their counts at /ome', async () => {
    const tester = createExtensionTester(omePage, {
      apis: [[omeApiRef, api]],
    });
    await renderInTestApp(tester.reactElement(), {
      apis: [[omeApiRef, api]],
    });
    const isvc = await screen.findByTestId('ome-kind-inferenceservices');
    expect(screen.getByText('Cluster serving runtimes')).toBeInTheDocument();
    expect(isvc).toHaveTextContent('Inference services');
    await waitFor(() => expect(isvc).toHaveTextContent('Ready: 2'));
    expect(isvc).toHaveTextContent('NotReady: 1');
    expect(isvc).toHaveTextContent('Not installed on ome-dev-b');
  });
});
