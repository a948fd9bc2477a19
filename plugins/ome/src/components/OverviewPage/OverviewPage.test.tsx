import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { OmeCountsResponse, omeApiRef } from '../../api';
import { mockOmeApi } from '../../testUtils/mockOmeApi';
import { OverviewPage } from './OverviewPage';

const api = mockOmeApi({
  getCounts: jest.fn(
    async (): Promise<OmeCountsResponse> => ({
      items: [
        {
          kind: 'ClusterBaseModel' as const,
          total: 12,
          byState: { Ready: 9, In_Transit: 2, Failed: 1 },
          byCluster: {
            'ome-dev-a': {
              total: 8,
              byState: { Ready: 6, In_Transit: 1, Failed: 1 },
            },
            'ome-dev-b': { total: 4, byState: { Ready: 3, In_Transit: 1 } },
          },
          errors: [],
          notInstalled: [],
        },
        {
          kind: 'InferenceService' as const,
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
  ),
  getAttention: jest.fn(async () => ({
    items: [
      {
        reason: 'service-not-ready' as const,
        severity: 'error' as const,
        ref: {
          cluster: 'ome-dev-a',
          kind: 'InferenceService' as const,
          namespace: 'team-a',
          name: 'chat',
        },
        summary: 'Not ready: the model is not ready',
        detail: 'BaseModelNotReady: model llama is in state Failed',
        related: [],
      },
      {
        reason: 'runtime-disabled-in-use' as const,
        severity: 'warning' as const,
        ref: {
          cluster: 'ome-dev-b',
          kind: 'ClusterServingRuntime' as const,
          name: 'srt-old',
        },
        summary: 'Disabled, but 1 service uses it',
        related: [
          {
            cluster: 'ome-dev-b',
            kind: 'InferenceService' as const,
            namespace: 'team-b',
            name: 'legacy',
          },
        ],
      },
    ],
    errors: [
      {
        cluster: 'ome-dev-c',
        reason: 'unreachable' as const,
        message: 'AcceleratorClass: down',
      },
    ],
  })),
});

describe('OverviewPage', () => {
  beforeEach(async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <OverviewPage />
      </TestApiProvider>,
    );
  });

  it('shows four model cards per cluster', async () => {
    const a = await screen.findByTestId('ome-model-cards-ome-dev-a');
    const values = (el: HTMLElement) =>
      within(el)
        .getAllByTestId('ome-model-card-value')
        .map(v => v.textContent);
    expect(values(a)).toEqual(['8', '6', '1', '1']);
    expect(values(screen.getByTestId('ome-model-cards-ome-dev-b'))).toEqual([
      '4',
      '3',
      '1',
      '0',
    ]);
    expect(within(a).getByText('In transit')).toBeInTheDocument();
  });

  it('lists what needs attention, with links to the objects and the clusters not checked', async () => {
    const entries = await screen.findAllByTestId('ome-attention-item');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('Not ready: the model is not ready');
    expect(
      within(entries[0]).getByRole('link', { name: 'chat' }),
    ).toHaveAttribute('href', '/inferenceservices/ome-dev-a/team-a/chat');
    expect(entries[1]).toHaveTextContent('Used by legacy');
    expect(
      within(entries[1]).getByRole('link', { name: 'legacy' }),
    ).toHaveAttribute('href', '/inferenceservices/ome-dev-b/team-b/legacy');
    expect(screen.getByText('Needs attention (2)')).toBeInTheDocument();
    expect(screen.getByTestId('ome-attention')).toHaveTextContent(
      'Not checked (could not be read): ome-dev-c',
    );
  });

  it('counts each kind by state and per cluster', async () => {
    const isvc = await screen.findByTestId('ome-kind-inferenceservices');
    expect(isvc).toHaveTextContent('NotReady: 1');
    expect(
      within(isvc).getByTestId('ome-kind-cluster-ome-dev-a'),
    ).toHaveTextContent('ome-dev-a32 Ready · 1 NotReady');
    expect(isvc).toHaveTextContent('Not installed on ome-dev-b');
  });
});
