import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { omeApiRef } from '../../api';
import { mockOmeApi } from '../../testUtils/mockOmeApi';
import { OmeRouter } from './OmeRouter';

const object = (kind: string, name: string, namespace?: string) => ({
  apiVersion: 'ome.io/v1beta1',
  kind,
  metadata: { name, ...(namespace && { namespace }), resourceVersion: '1' },
  spec: {},
});

async function renderAt(path: string, api = mockOmeApi()) {
  (api.getResource as jest.Mock).mockImplementation(async ref => ({
    cluster: ref.cluster,
    object: object(ref.kind, ref.name, ref.namespace),
  }));
  await renderInTestApp(
    <TestApiProvider apis={[[omeApiRef, api]]}>
      <OmeRouter />
    </TestApiProvider>,
    { routeEntries: [path] },
  );
  return api;
}

describe('OmeRouter', () => {
  it('routes a kind to its list', async () => {
    await renderAt('/servingruntimes');
    expect(await screen.findByTestId('ome-list-page')).toHaveAttribute('data-kind', 'ServingRuntime');
  });

  it('routes a namespaced object to its edit page', async () => {
    const api = await renderAt('/inferenceservices/ome-dev-a/team-a/chat/edit');
    expect(await screen.findByTestId('ome-editor')).toBeInTheDocument();
    expect(api.getResource).toHaveBeenCalledWith({
      kind: 'InferenceService',
      cluster: 'ome-dev-a',
      namespace: 'team-a',
      name: 'chat',
    });
  });

  it('routes a cluster-scoped object to its detail page', async () => {
    const api = await renderAt('/acceleratorclasses/ome-dev-b/nvidia-l4-24gb');
    expect(await screen.findByTestId('ome-detail-name')).toHaveTextContent('nvidia-l4-24gb');
    expect(api.getResource).toHaveBeenCalledWith({
      kind: 'AcceleratorClass',
      cluster: 'ome-dev-b',
      namespace: undefined,
      name: 'nvidia-l4-24gb',
    });
  });

  it('routes new to the create page', async () => {
    await renderAt('/clusterbasemodels/new');
    expect(await screen.findByTestId('ome-editor')).toBeInTheDocument();
  });

  it('routes /import to the import page', async () => {
    await renderAt('/import');
    expect(await screen.findByTestId('ome-import-page')).toBeInTheDocument();
  });

  it('says so for an unknown kind', async () => {
    await renderAt('/widgets');
    await waitFor(() =>
      expect(screen.getByTestId('ome-not-found')).toHaveTextContent('unknown kind widgets'),
    );
  });
});
