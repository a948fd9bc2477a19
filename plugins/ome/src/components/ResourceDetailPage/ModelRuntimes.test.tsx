import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { OmeModelRuntimesResponse, omeApiRef } from '../../api';
import { mockOmeApi } from '../../testUtils/mockOmeApi';
import { ModelRuntimes } from './ModelRuntimes';

const ref = {
  kind: 'ClusterBaseModel' as const,
  cluster: 'ome-dev-a',
  name: 'llama-3-1-8b-instruct',
};

async function render(answer: OmeModelRuntimesResponse) {
  const api = mockOmeApi({ getModelRuntimes: jest.fn(async () => answer) });
  await renderInTestApp(
    <TestApiProvider apis={[[omeApiRef, api]]}>
      <ModelRuntimes model={ref} />
    </TestApiProvider>,
  );
  return api;
}

describe('ModelRuntimes', () => {
  it('shows the ranked runtimes, the winner first, and why each other one is not picked', async () => {
    const api = await render({
      cluster: 'ome-dev-a',
      winner: {
        name: 'srt-llama',
        isCluster: true,
        score: 15,
        compatible: true,
        selectable: true,
        rank: 1,
      },
      winnerHidden: false,
      candidates: [
        {
          name: 'srt-llama',
          isCluster: true,
          score: 15,
          compatible: true,
          selectable: true,
          rank: 1,
        },
        {
          name: 'vllm-llama',
          isCluster: true,
          score: 15,
          compatible: true,
          selectable: true,
          rank: 2,
          reason: {
            code: 'outranked',
            message: 'same score as srt-llama, which comes first by name',
          },
        },
        {
          name: 'srt-qwen',
          isCluster: true,
          score: 0,
          compatible: false,
          selectable: false,
          reason: {
            code: 'architecture',
            message:
              'architecture LlamaForCausalLM, runtime needs Qwen2ForCausalLM',
          },
        },
      ],
      unknownModelFields: [],
      hiddenRuntimes: 2,
      errors: [],
    });
    expect(api.getModelRuntimes).toHaveBeenCalledWith(
      {
        kind: 'ClusterBaseModel',
        cluster: 'ome-dev-a',
        namespace: undefined,
        name: 'llama-3-1-8b-instruct',
      },
      { namespace: undefined },
    );
    expect(await screen.findByTestId('ome-selection-winner')).toHaveTextContent(
      'OME picks srt-llama (score 15).',
    );
    const rows = screen.getAllByTestId('ome-runtime-candidate');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByText('Selected')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Ranked 2')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Excluded')).toBeInTheDocument();
    const reason = within(rows[2]).getByTestId('ome-runtime-reason');
    expect(reason).toHaveTextContent(
      'architecture LlamaForCausalLM, runtime needs Qwen2ForCausalLM',
    );
    // long reasons are cut with the whole text on hover
    expect(
      within(reason).getByTitle(
        'architecture LlamaForCausalLM, runtime needs Qwen2ForCausalLM',
      ),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByRole('link', { name: 'srt-llama' }),
    ).toHaveAttribute('href', '/clusterservingruntimes/ome-dev-a/srt-llama');
    expect(screen.getByTestId('ome-selection-hidden')).toHaveTextContent(
      '2 more runtimes on this cluster took part that you may not read.',
    );
    expect(
      screen.queryByTestId('ome-selection-unknown'),
    ).not.toBeInTheDocument();
  });

  it('explains a model whose format is not known yet', async () => {
    await render({
      cluster: 'ome-dev-a',
      winnerHidden: false,
      candidates: [
        {
          name: 'srt-llama',
          isCluster: true,
          score: 0,
          compatible: false,
          selectable: false,
          reason: {
            code: 'model-format-unknown',
            message: 'model format not known yet',
          },
        },
      ],
      unknownModelFields: ['modelFormat', 'modelArchitecture'],
      modelProblem: {
        code: 'model-format-unknown',
        message: 'model format not known yet',
      },
      hiddenRuntimes: 0,
      errors: [],
    });
    const note = await screen.findByTestId('ome-selection-unknown');
    expect(note).toHaveTextContent(
      "This model's format and architecture are not known yet",
    );
    expect(note).toHaveTextContent('OME selects no runtime for this model');
    expect(screen.getByTestId('ome-selection-winner')).toHaveTextContent(
      'OME picks no runtime for this model: model format not known yet',
    );
    expect(
      screen.queryByTestId('ome-selection-hidden'),
    ).not.toBeInTheDocument();
  });

  it('does not name a winner the caller may not read', async () => {
    await render({
      cluster: 'ome-dev-a',
      winnerHidden: true,
      candidates: [],
      unknownModelFields: [],
      hiddenRuntimes: 1,
      errors: [],
    });
    expect(await screen.findByTestId('ome-selection-winner')).toHaveTextContent(
      'OME picks a runtime you may not read.',
    );
    expect(
      screen.getByText('No runtime on this cluster that you may read.'),
    ).toBeInTheDocument();
  });
});
