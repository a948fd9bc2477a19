import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { omeApiRef } from '../../api';
import { mockOmeApi } from '../../testUtils/mockOmeApi';
import { RuntimeModels } from './RuntimeModels';

describe('RuntimeModels', () => {
  it('lists the models the runtime can serve, those OME gives it first, with reasons for the rest', async () => {
    const api = mockOmeApi({
      getRuntimeModels: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        models: [
          {
            kind: 'ClusterBaseModel' as const,
            name: 'llama',
            compatible: true,
            selected: true,
            rank: 1,
            unknownModelFields: [],
          },
          {
            kind: 'BaseModel' as const,
            name: 'team-llama',
            namespace: 'team-a',
            compatible: true,
            selected: false,
            rank: 2,
            reason: { code: 'outranked', message: 'ranks 2 for this model' },
            unknownModelFields: [],
          },
          {
            kind: 'ClusterBaseModel' as const,
            name: 'qwen',
            compatible: false,
            selected: false,
            reason: { code: 'size', message: 'size 72B outside 7B-9B' },
            unknownModelFields: [],
          },
        ],
        hiddenModels: 3,
        errors: [],
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <RuntimeModels
          runtime={{
            kind: 'ClusterServingRuntime',
            cluster: 'ome-dev-a',
            name: 'srt-llama',
          }}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByTestId('ome-runtime-models-summary'),
    ).toHaveTextContent('Can serve 2 of 3 models; OME picks it for 1.');
    const rows = screen.getAllByTestId('ome-runtime-model');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByText('Selected')).toBeInTheDocument();
    expect(
      within(rows[1]).getByRole('link', { name: 'team-llama' }),
    ).toHaveAttribute('href', '/basemodels/ome-dev-a/team-a/team-llama');
    expect(
      within(rows[2]).getByTestId('ome-runtime-model-reason'),
    ).toHaveTextContent('size 72B outside 7B-9B');
    expect(screen.getByTestId('ome-runtime-models-hidden')).toHaveTextContent(
      '3 more models on this cluster that you may not read.',
    );
  });
});
