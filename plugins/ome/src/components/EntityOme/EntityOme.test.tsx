import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { filterPredicateToFilterFunction } from '@backstage/filter-predicates';
import { KubernetesObject } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { isOmeAvailable, omeEntityFilter } from '../../entity';
import { EntityOmeCard, EntityOmeContent } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { listResponse, mockOmeApi } from '../../testUtils/mockOmeApi';
import { omeResponseError } from '../../testUtils/omeResponseError';

const component = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'chat-assistant', ...(annotations && { annotations }) },
  spec: { type: 'service', lifecycle: 'experimental', owner: 'team-a' },
});

const service = (name: string, ready: boolean): KubernetesObject => ({
  apiVersion: 'ome.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name, namespace: 'team-a' },
  spec: {
    model: { name: 'llama', kind: 'BaseModel' },
    runtime: { name: 'srt-llama', kind: 'ClusterServingRuntime' },
    engine: { minReplicas: 1, maxReplicas: 2 },
  },
  status: ready
    ? {
        url: `http://${name}.team-a.svc.cluster.local`,
        conditions: [{ type: 'Ready', status: 'True' }],
        modelStatus: { modelCopies: { totalCopies: 1 } },
      }
    : {
        conditions: [{ type: 'Ready', status: 'False' }],
        modelStatus: {
          lastFailureInfo: {
            reason: 'BaseModelNotReady',
            message: 'model llama is in state Failed',
          },
        },
      },
});

function apiFor() {
  return mockOmeApi({
    getResource: jest.fn(async ref => {
      if (ref.name === 'gone') throw await omeResponseError(404, 'not found');
      return { cluster: ref.cluster, object: service(ref.name, false) };
    }),
    listResources: jest.fn(async () =>
      listResponse({
        items: [{ cluster: 'ome-dev-a', object: service('chat', true) }],
      }),
    ),
  });
}

async function renderWith(
  entity: Entity,
  element: JSX.Element,
  api = apiFor(),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[omeApiRef, api]]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/ome': rootRouteRef } },
  );
  return api;
}

describe('isOmeAvailable and the new frontend system filter', () => {
  it('agree: the OME annotation or the kubernetes id, selector or namespace; nothing else', () => {
    const filter = filterPredicateToFilterFunction(omeEntityFilter as any);
    const cases: Array<[Record<string, string> | undefined, boolean]> = [
      [undefined, false],
      [{ 'backstage.io/kubernetes-cluster': 'a' }, false],
      [{ 'ome.io/inference-services': 'a/n/s' }, true],
      [{ 'backstage.io/kubernetes-id': 'chat' }, true],
      [{ 'backstage.io/kubernetes-label-selector': 'app=chat' }, true],
      [{ 'backstage.io/kubernetes-namespace': 'team-a' }, true],
    ];
    for (const [annotations, expected] of cases) {
      expect(isOmeAvailable(component(annotations))).toBe(expected);
      expect(filter(component(annotations))).toBe(expected);
    }
  });
});

describe('EntityOmeContent and EntityOmeCard (legacy frontend system)', () => {
  it("shows the services of the entity's annotations with model, runtime, state, endpoint, replicas and OME links", async () => {
    const api = await renderWith(
      component({
        'ome.io/inference-services':
          'ome-dev-b/team-a/down, ome-dev-b/team-a/gone',
        'backstage.io/kubernetes-id': 'chat-assistant',
        'backstage.io/kubernetes-namespace': 'team-a',
        'backstage.io/kubernetes-cluster': 'ome-dev-a',
      }),
      <EntityOmeContent />,
    );
    const rows = await screen.findAllByTestId('ome-entity-service');
    expect(rows).toHaveLength(3);
    expect(api.listResources).toHaveBeenCalledWith('InferenceService', {
      labelSelector: 'backstage.io/kubernetes-id=chat-assistant',
      namespace: ['team-a'],
      cluster: ['ome-dev-a'],
    });
    const [chat, down, gone] = rows;
    expect(within(chat).getByRole('link', { name: 'chat' })).toHaveAttribute(
      'href',
      '/ome/inferenceservices/ome-dev-a/team-a/chat',
    );
    expect(within(chat).getByRole('link', { name: 'llama' })).toHaveAttribute(
      'href',
      '/ome/basemodels/ome-dev-a/team-a/llama',
    );
    expect(
      within(chat).getByRole('link', { name: 'srt-llama' }),
    ).toHaveAttribute(
      'href',
      '/ome/clusterservingruntimes/ome-dev-a/srt-llama',
    );
    expect(chat).toHaveTextContent('Ready');
    expect(chat).toHaveTextContent('http://chat.team-a.svc.cluster.local');
    expect(chat).toHaveTextContent('1–2 (1 ready)');
    expect(down).toHaveTextContent(
      'Not ready: the model is not ready (model llama is in state Failed)',
    );
    expect(gone).toHaveTextContent('Named by the entity, not found');
  });

  it('says so when nothing matches, and names refs it does not understand', async () => {
    const api = mockOmeApi();
    await renderWith(
      component({ 'ome.io/inference-services': 'just-a-name' }),
      <EntityOmeContent />,
      api,
    );
    expect(
      await screen.findByText(/No inference services match/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Not understood in ome.io\/inference-services/),
    ).toHaveTextContent('just-a-name');
    expect(api.listResources).not.toHaveBeenCalled();
  });

  it('the card lists each service with its state and endpoint', async () => {
    await renderWith(
      component({ 'backstage.io/kubernetes-id': 'chat-assistant' }),
      <EntityOmeCard />,
    );
    const [entry] = await screen.findAllByTestId('ome-entity-card-service');
    expect(within(entry).getByRole('link', { name: 'chat' })).toHaveAttribute(
      'href',
      '/ome/inferenceservices/ome-dev-a/team-a/chat',
    );
    expect(entry).toHaveTextContent('Ready');
    expect(entry).toHaveTextContent('http://chat.team-a.svc.cluster.local');
  });
});
