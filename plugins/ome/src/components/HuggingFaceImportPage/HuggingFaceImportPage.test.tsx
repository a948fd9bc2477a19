import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  HfImportRequest,
  HfInspection,
  HfModelInfo,
  detectHfModel,
} from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { mockOmeApi } from '../../testUtils/mockOmeApi';
import { HuggingFaceImportPage } from './HuggingFaceImportPage';

const llama: HfModelInfo = {
  id: 'meta-llama/Llama-3.1-8B-Instruct',
  gated: 'manual',
  tags: [],
  pipelineTag: 'text-generation',
  downloads: 5120345,
  license: 'llama3.1',
  safetensorsParameters: 8030261248,
  files: [{ path: 'config.json' }, { path: 'model-00001-of-00004.safetensors' }],
};

function inspection(config: Record<string, unknown> | undefined): HfInspection {
  return {
    model: llama,
    detection: detectHfModel(llama, config),
    config: config ? 'read' : 'refused',
    storageUri: 'hf://meta-llama/Llama-3.1-8B-Instruct',
    suggestedName: 'llama-3-1-8b-instruct',
  };
}

describe('HuggingFaceImportPage', () => {
  it('searches, inspects a gated model with a token, validates with a dry run and imports', async () => {
    const imported: Array<[HfImportRequest, boolean]> = [];
    const api = mockOmeApi({
      searchHuggingFace: jest.fn(async () => [llama]),
      inspectHuggingFace: jest.fn(async req =>
        inspection(req.token ? { architectures: ['LlamaForCausalLM'], max_position_embeddings: 131072 } : undefined),
      ),
      importHuggingFace: jest.fn(async (req, options) => {
        imported.push([req, !!options?.dryRun]);
        return {
          model: {
            cluster: req.cluster,
            object: { apiVersion: 'ome.io/v1beta1', kind: req.kind, metadata: { name: req.name } },
            changed: true,
            dryRun: !!options?.dryRun,
            patch: [],
            warnings: [],
          },
          secret: { name: `${req.name}-hf-token-abcde`, namespace: 'ome' },
          detection: detectHfModel(llama, {}),
        };
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <HuggingFaceImportPage />
      </TestApiProvider>,
    );
    await userEvent.type(screen.getByLabelText('Search the model hub'), 'llama');
    await userEvent.click(screen.getByTestId('ome-hf-search-button'));
    expect(api.searchHuggingFace).toHaveBeenCalledWith('llama', { limit: 20 });
    expect(await screen.findByText('gated (manual)')).toBeInTheDocument();
    expect(screen.getByText('5,120,345')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: `Inspect ${llama.id}` }));
    const card = await screen.findByTestId('ome-hf-model-card');
    expect(card).toHaveTextContent('hf://meta-llama/Llama-3.1-8B-Instruct');
    expect(screen.getByTestId('ome-hf-modelParameterSize')).toHaveTextContent('8B');
    expect(screen.getByTestId('ome-hf-modelArchitecture')).toHaveTextContent('—');
    expect(screen.getByText(/gated: give a hub token/)).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Hub token (gated models)'), 'hf_secret_token');
    await userEvent.click(screen.getByTestId('ome-hf-reinspect'));
    await waitFor(() =>
      expect(screen.getByTestId('ome-hf-modelArchitecture')).toHaveTextContent('LlamaForCausalLM'),
    );
    expect(screen.getByTestId('ome-hf-maxTokens')).toHaveTextContent('131,072');
    expect(screen.getByLabelText('Name')).toHaveValue('llama-3-1-8b-instruct');

    expect(screen.getByTestId('ome-hf-confirm')).toBeDisabled();
    await userEvent.click(screen.getByTestId('ome-hf-review'));
    expect(await screen.findByText(/accepts ClusterBaseModel llama-3-1-8b-instruct and its token Secret/)).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('ome-hf-confirm'));
    expect(await screen.findByTestId('ome-hf-created-link')).toHaveTextContent('Open llama-3-1-8b-instruct');
    expect(imported).toEqual([
      [
        {
          cluster: 'ome-dev-a',
          kind: 'ClusterBaseModel',
          name: 'llama-3-1-8b-instruct',
          modelId: llama.id,
          token: 'hf_secret_token',
        },
        true,
      ],
      [expect.objectContaining({ token: 'hf_secret_token' }), false],
    ]);
    // The token is only ever in the password field, never in the page's text.
    expect(document.body.textContent).not.toContain('hf_secret_token');
  });

  it('shows the backend error of a hub that does not answer', async () => {
    const api = mockOmeApi({
      searchHuggingFace: jest.fn(async () => {
        throw new Error('The model hub at http://127.0.0.1:1 did not answer within 10000 ms');
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <HuggingFaceImportPage />
      </TestApiProvider>,
    );
    await userEvent.type(screen.getByLabelText('Search the model hub'), 'x');
    await userEvent.click(screen.getByTestId('ome-hf-search-button'));
    expect(await screen.findByText(/did not answer within/)).toBeInTheDocument();
  });
});
