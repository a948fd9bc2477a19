import { screen, waitFor } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import omePlugin, { omeEntityCard, omeEntityContent, omePage } from './alpha';
import { omeApiRef } from './api';
import { mockOmeApi } from './testUtils/mockOmeApi';

const api = mockOmeApi({
  getCounts: async () => ({
    items: [
      {
        kind: 'InferenceService',
        total: 3,
        byState: { Ready: 2, NotReady: 1 },
        byCluster: {
          'ome-dev-a': { total: 3, byState: { Ready: 2, NotReady: 1 } },
        },
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
    // the page is loaded lazily: room for a loaded machine
    const isvc = await screen.findByTestId(
      'ome-kind-inferenceservices',
      {},
      { timeout: 90_000 },
    );
    expect(screen.getByText('Cluster serving runtimes')).toBeInTheDocument();
    expect(isvc).toHaveTextContent('Inference services');
    await waitFor(() => expect(isvc).toHaveTextContent('Ready: 2'));
    expect(isvc).toHaveTextContent('NotReady: 1');
    expect(isvc).toHaveTextContent('Not installed on ome-dev-b');
  }, 180_000);

  it('brings the entity tab at /ome titled OME and the card, shown only for entities naming services', () => {
    const entity = (annotations?: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'c', ...(annotations && { annotations }) },
    });
    const content = createExtensionTester(omeEntityContent, {
      apis: [[omeApiRef, api]],
    });
    expect(content.get(coreExtensionData.routePath)).toBe('/ome');
    expect(content.get(EntityContentBlueprint.dataRefs.title)).toBe('OME');
    const card = createExtensionTester(omeEntityCard, {
      apis: [[omeApiRef, api]],
    });
    const filters = [
      content.get(EntityContentBlueprint.dataRefs.filterFunction),
      card.get(EntityCardBlueprint.dataRefs.filterFunction),
    ];
    for (const filter of filters) {
      expect(filter!(entity({ 'backstage.io/kubernetes-id': 'x' }))).toBe(true);
      expect(filter!(entity({ 'ome.io/inference-services': 'a/b/c' }))).toBe(
        true,
      );
      expect(filter!(entity())).toBe(false);
    }
  });
});
