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

  describe('per-document outcomes of an import that is not applied', () => {
    const threeDocs = `${yaml}---
apiVersion: ome.io/v1beta1
kind: BaseModel
metadata:
  name: model-imported
  namespace: team-a
spec: {}
`;
    type Result = OmeImportResponse['results'][number];
    const docs: Result[] = [
      {
        index: 0,
        kind: 'ClusterServingRuntime',
        name: 'srt-imported',
        outcome: 'valid',
      },
      {
        index: 1,
        kind: 'InferenceService',
        name: 'chat-imported',
        namespace: 'team-a',
        outcome: 'valid',
      },
      {
        index: 2,
        kind: 'BaseModel',
        name: 'model-imported',
        namespace: 'team-a',
        outcome: 'valid',
      },
    ];

    /** Renders the page, pastes three documents, reviews (all valid) and confirms: the real import answers `results`. */
    async function importAnswering(results: Result[]) {
      const api = mockOmeApi({
        importYaml: jest.fn(
          async (
            req: OmeImportRequest,
            options?: { dryRun?: boolean },
          ): Promise<OmeImportResponse> =>
            options?.dryRun
              ? {
                  cluster: req.cluster,
                  dryRun: true,
                  applied: true,
                  results: docs,
                }
              : {
                  cluster: req.cluster,
                  dryRun: false,
                  applied: false,
                  results,
                },
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
      setYamlEditorText(screen.getByLabelText('YAML to import'), threeDocs);
      await userEvent.type(
        screen.getByLabelText('Default namespace'),
        'team-a',
      );
      await userEvent.click(screen.getByTestId('ome-review'));
      expect(await screen.findByTestId('ome-import-result')).toHaveTextContent(
        'All 3 documents would be applied to ome-dev-a',
      );
      await userEvent.click(screen.getByTestId('ome-confirm'));
      await waitFor(() => expect(api.importYaml).toHaveBeenCalledTimes(2));
      return api;
    }

    /** The table's rows as [outcome, details]. */
    const rows = () =>
      screen
        .getAllByTestId('ome-import-outcome')
        .map(cell => [
          cell.textContent,
          cell.nextElementSibling?.textContent ?? '',
        ]);

    it('a document refused by the dry run: its reason per document, and no import offered', async () => {
      const api = mockOmeApi({
        importYaml: jest.fn(
          async (req: OmeImportRequest): Promise<OmeImportResponse> => ({
            cluster: req.cluster,
            dryRun: true,
            applied: false,
            results: [
              docs[0],
              {
                ...docs[1],
                outcome: 'refused',
                message:
                  'Not allowed: ome.resource.create on InferenceService team-a/chat-imported',
              },
              {
                ...docs[2],
                outcome: 'failed',
                fieldErrors: [
                  { path: 'spec.modelFormat', message: 'Required value' },
                ],
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
      setYamlEditorText(screen.getByLabelText('YAML to import'), threeDocs);
      await userEvent.click(screen.getByTestId('ome-review'));
      expect(await screen.findByTestId('ome-import-result')).toHaveTextContent(
        'Nothing can be imported: at least one document was refused.',
      );
      expect(rows()).toEqual([
        ['valid', ''],
        [
          'refused',
          'Not allowed: ome.resource.create on InferenceService team-a/chat-imported',
        ],
        ['failed', 'spec.modelFormat: Required value'],
      ]);
      expect(screen.getByTestId('ome-confirm')).toBeDisabled();
      expect(api.importYaml).toHaveBeenCalledTimes(1);
    });

    it('a document failing at write time: the ones before it rolled back, the ones after not applied', async () => {
      await importAnswering([
        {
          ...docs[0],
          outcome: 'rolled-back',
          message: 'rolled back because document 2 failed',
        },
        {
          ...docs[1],
          outcome: 'failed',
          message: 'exceeded quota: inferenceservices=1',
        },
        { ...docs[2], message: 'not applied because document 2 failed' },
      ]);
      await waitFor(() =>
        expect(screen.getByTestId('ome-import-result')).toHaveTextContent(
          'Nothing was imported: document 2 (InferenceService chat-imported) failed. 1 document applied before it was rolled back.',
        ),
      );
      expect(rows()).toEqual([
        ['rolled-back', 'rolled back because document 2 failed'],
        ['failed', 'exceeded quota: inferenceservices=1'],
        ['valid', 'not applied because document 2 failed'],
      ]);
    });

    it('a document refused at write time is named as refused', async () => {
      await importAnswering([
        {
          ...docs[0],
          outcome: 'rolled-back',
          message: 'rolled back because document 3 failed',
        },
        {
          ...docs[1],
          outcome: 'rolled-back',
          message: 'rolled back because document 3 failed',
        },
        {
          ...docs[2],
          outcome: 'refused',
          message: 'Not allowed: ome.resource.update',
        },
      ]);
      await waitFor(() =>
        expect(screen.getByTestId('ome-import-result')).toHaveTextContent(
          'Nothing was imported: document 3 (BaseModel model-imported) was refused. 2 documents applied before it were rolled back.',
        ),
      );
    });

    it('when the rollback itself fails, says how many documents stayed applied and which', async () => {
      await importAnswering([
        {
          ...docs[0],
          outcome: 'created',
          message:
            "could not be rolled back: Cluster 'ome-dev-a' is unreachable",
        },
        {
          ...docs[1],
          outcome: 'rolled-back',
          message: 'rolled back because document 3 failed',
        },
        { ...docs[2], outcome: 'failed', message: 'connection reset' },
      ]);
      await waitFor(() =>
        expect(screen.getByTestId('ome-import-result')).toHaveTextContent(
          'The import stopped: document 3 (BaseModel model-imported) failed. 1 document applied before it was rolled back. 1 document could not be rolled back and stayed applied in ome-dev-a: document 1 (ClusterServingRuntime srt-imported).',
        ),
      );
      expect(screen.getByTestId('ome-import-result')).not.toHaveTextContent(
        'Nothing was imported',
      );
      expect(rows()).toEqual([
        [
          'created',
          "could not be rolled back: Cluster 'ome-dev-a' is unreachable",
        ],
        ['rolled-back', 'rolled back because document 3 failed'],
        ['failed', 'connection reset'],
      ]);
    });
  });
});
