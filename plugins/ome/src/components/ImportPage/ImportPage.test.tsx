import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  OmeImportRequest,
  OmeImportResponse,
} from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { mockOmeApi } from '../../testUtils/mockOmeApi';
import { setYamlEditorText } from '../../testUtils/yamlEditor';
import { ImportPage } from './ImportPage';

const yaml = `apiVersion: ome.io/v1beta1
kind: ClusterServingRuntime
metadata:
  name: srt-imported
spec:
  supportedModelFormats: []
---
apiVersion: ome.io/v1beta1
kind: InferenceService
metadata:
  name: chat-imported
spec:
  model:
    name: phi-2
`;

describe('ImportPage', () => {
  it('validates pasted YAML with a dry run, then imports it', async () => {
    const api = mockOmeApi({
      importYaml: jest.fn(
        async (
          req: OmeImportRequest,
          options?: { dryRun?: boolean },
        ): Promise<OmeImportResponse> => ({
          cluster: req.cluster,
          dryRun: !!options?.dryRun,
          applied: true,
          results: [
            {
              index: 0,
              kind: 'ClusterServingRuntime',
              name: 'srt-imported',
              outcome: options?.dryRun
                ? ('valid' as const)
                : ('created' as const),
            },
            {
              index: 1,
              kind: 'InferenceService',
              name: 'chat-imported',
              namespace: 'team-a',
              outcome: options?.dryRun
                ? ('valid' as const)
                : ('created' as const),
              warnings: ['plaintext token'],
            },
          ],
        }),
      ),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <ImportPage />
      </TestApiProvider>,
    );
    await waitFor(() =>
      expect(
        screen.getByRole('option', { name: 'ome-dev-a' }),
      ).toBeInTheDocument(),
    );
    setYamlEditorText(screen.getByLabelText('YAML to import'), yaml);
    expect(screen.getByTestId('ome-import-summary')).toHaveTextContent(
      '2 documents: ClusterServingRuntime srt-imported, InferenceService chat-imported',
    );
    await userEvent.type(screen.getByLabelText('Default namespace'), 'team-a');
    expect(screen.getByTestId('ome-confirm')).toBeDisabled();
    await userEvent.click(screen.getByTestId('ome-review'));
    expect(await screen.findByTestId('ome-import-result')).toHaveTextContent(
      'All 2 documents would be applied to ome-dev-a',
    );
    expect(screen.getByText('Warning: plaintext token')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('ome-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('ome-import-result')).toHaveTextContent(
        'Imported into ome-dev-a',
      ),
    );
    expect(api.importYaml).toHaveBeenLastCalledWith(
      { cluster: 'ome-dev-a', namespace: 'team-a', yaml },
      { dryRun: false },
    );
  });

  it('asks the backend to read a URL, dry run first, then imports what it holds', async () => {
    const api = mockOmeApi({
      importYaml: jest.fn(
        async (
          req: OmeImportRequest,
          options?: { dryRun?: boolean },
        ): Promise<OmeImportResponse> => ({
          cluster: req.cluster,
          dryRun: !!options?.dryRun,
          applied: true,
          results: [
            {
              index: 0,
              kind: 'ClusterServingRuntime',
              name: 'srt-from-git',
              outcome: options?.dryRun
                ? ('valid' as const)
                : ('created' as const),
            },
          ],
        }),
      ),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <ImportPage />
      </TestApiProvider>,
    );
    await waitFor(() =>
      expect(
        screen.getByRole('option', { name: 'ome-dev-a' }),
      ).toBeInTheDocument(),
    );
    await userEvent.click(screen.getByTestId('ome-import-source-url'));
    expect(screen.queryByLabelText('YAML to import')).not.toBeInTheDocument();
    expect(screen.getByTestId('ome-review')).toBeDisabled();
    const url = 'https://github.com/org/runtimes/blob/main/srt.yaml';
    await userEvent.type(screen.getByLabelText('URL of a YAML file'), url);
    await userEvent.click(screen.getByTestId('ome-review'));
    expect(await screen.findByTestId('ome-import-result')).toHaveTextContent(
      'All 1 documents would be applied to ome-dev-a',
    );
    expect(api.importYaml).toHaveBeenLastCalledWith(
      { cluster: 'ome-dev-a', url },
      { dryRun: true },
    );
    await userEvent.click(screen.getByTestId('ome-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('ome-import-result')).toHaveTextContent(
        'Imported into ome-dev-a',
      ),
    );
    expect(api.importYaml).toHaveBeenLastCalledWith(
      { cluster: 'ome-dev-a', url },
      { dryRun: false },
    );
  });

  it('shows a document that does not parse, with its line, and sends nothing', async () => {
    const api = mockOmeApi();
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <ImportPage />
      </TestApiProvider>,
    );
    setYamlEditorText(
      screen.getByLabelText('YAML to import'),
      'kind: A\n---\nkind: [\n',
    );
    expect(await screen.findByTestId('ome-yaml-error')).toHaveTextContent(
      /Document 2, line \d+/,
    );
    expect(screen.getByTestId('ome-review')).toBeDisabled();
    expect(api.importYaml).not.toHaveBeenCalled();
  });

  it('warns when the caller may not create a kind of the YAML in the chosen cluster and namespace', async () => {
    const api = mockOmeApi({
      mayCreate: jest.fn(async (kind, target) =>
        kind === 'InferenceService'
          ? {
              allowed: false,
              conditional: false,
              reason: `You may not create InferenceService objects in namespace '${target.namespace}' of cluster '${target.cluster}'`,
            }
          : { allowed: true, conditional: false },
      ),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <ImportPage />
      </TestApiProvider>,
    );
    await waitFor(() => expect(api.getClusters).toHaveBeenCalled());
    setYamlEditorText(screen.getByLabelText('YAML to import'), yaml);
    // the InferenceService names no namespace: asked once a default namespace is given
    await waitFor(() =>
      expect(api.mayCreate).toHaveBeenCalledWith('ClusterServingRuntime', {
        cluster: 'ome-dev-a',
      }),
    );
    expect(
      screen.queryByTestId('ome-create-not-allowed'),
    ).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Default namespace'), {
      target: { value: 'team-b' },
    });
    expect(
      await screen.findByTestId('ome-create-not-allowed'),
    ).toHaveTextContent(
      "You may not create InferenceService objects in namespace 'team-b' of cluster 'ome-dev-a'",
    );
    expect(api.mayCreate).toHaveBeenCalledWith('InferenceService', {
      cluster: 'ome-dev-a',
      namespace: 'team-b',
    });
  });
});
