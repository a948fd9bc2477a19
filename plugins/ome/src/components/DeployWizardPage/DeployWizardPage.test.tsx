import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { KubernetesObject, OmeKind } from '@ome-console/plugin-ome-common';
import { omeApiRef } from '../../api';
import { listResponse, mockOmeApi } from '../../testUtils/mockOmeApi';
import { yamlEditorText } from '../../testUtils/yamlEditor';
import { DeployWizardPage } from './DeployWizardPage';

const model: KubernetesObject = {
  apiVersion: 'ome.io/v1beta1',
  kind: 'ClusterBaseModel',
  metadata: { name: 'llama-3-1-8b' },
  spec: {
    modelFormat: { name: 'safetensors', version: '1.0.0' },
    modelArchitecture: 'LlamaForCausalLM',
    modelParameterSize: '8B',
    storage: { storageUri: 'hf://meta-llama/Llama-3.1-8B' },
  },
};
const runtime = (name: string, arch: string): KubernetesObject => ({
  apiVersion: 'ome.io/v1beta1',
  kind: 'ClusterServingRuntime',
  metadata: { name },
  spec: {
    supportedModelFormats: [
      { name: 'safetensors', version: '1.0.0', modelFormat: { name: 'safetensors', version: '1.0.0' }, modelArchitecture: arch, autoSelect: true, priority: 1 },
    ],
    modelSizeRange: { min: '1B', max: '13B' },
    acceleratorRequirements: { acceleratorClasses: ['nvidia-h100-80gb'] },
  },
});
const h100: KubernetesObject = {
  apiVersion: 'ome.io/v1beta1',
  kind: 'AcceleratorClass',
  metadata: { name: 'nvidia-h100-80gb' },
  spec: { cost: { perHour: '12' } },
  status: { totalAccelerators: 16, availableAccelerators: 6 },
};

describe('DeployWizardPage', () => {
  it('walks model → runtime (OME’s pick and why not the others) → accelerator → review → deploy', async () => {
    const byKind: Partial<Record<OmeKind, KubernetesObject[]>> = {
      ClusterBaseModel: [model],
      ClusterServingRuntime: [runtime('srt-llama', 'LlamaForCausalLM'), runtime('srt-qwen', 'Qwen2ForCausalLM')],
      AcceleratorClass: [h100],
    };
    const api = mockOmeApi({
      listResources: jest.fn(async (kind: OmeKind) =>
        listResponse({ items: (byKind[kind] ?? []).map(object => ({ cluster: 'ome-dev-a', object })) }),
      ),
      createResource: jest.fn(async (_kind, target, object, options) => ({
        cluster: target.cluster,
        object,
        changed: true,
        dryRun: !!options?.dryRun,
        patch: [{ op: 'add' as const, path: '/', value: object }],
        warnings: [],
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <DeployWizardPage />
      </TestApiProvider>,
    );
    await waitFor(() => expect(screen.getByRole('option', { name: 'llama-3-1-8b' })).toBeInTheDocument());
    await userEvent.selectOptions(screen.getByLabelText(/^Model/), 'llama-3-1-8b');
    await userEvent.type(screen.getByLabelText('Service name'), 'llama-chat');
    await userEvent.click(screen.getByTestId('ome-deploy-next'));

    expect(await screen.findByText(/Automatic: OME would pick srt-llama/)).toBeInTheDocument();
    const table = screen.getByTestId('ome-deploy-runtimes');
    expect(table).toHaveTextContent('srt-qwen');
    expect(table).toHaveTextContent(/architecture/i);

    await userEvent.click(screen.getByTestId('ome-deploy-next'));
    await userEvent.click(screen.getByLabelText(/nvidia-h100-80gb \(6 of 16 free, 12\/hour\)/));

    await userEvent.click(screen.getByTestId('ome-mode-yaml'));
    await waitFor(() =>
      expect(yamlEditorText(screen.getByTestId('ome-yaml-editor'))).toContain(
        'acceleratorClass: nvidia-h100-80gb',
      ),
    );
    await userEvent.click(screen.getByTestId('ome-deploy-mode-steps'));

    await userEvent.click(screen.getByTestId('ome-review'));
    await userEvent.click(await screen.findByTestId('ome-confirm'));
    await waitFor(() => expect(api.createResource).toHaveBeenCalledTimes(2));
    const [kind, target, object, options] = (api.createResource as jest.Mock).mock.calls[1];
    expect([kind, target, options]).toEqual([
      'InferenceService',
      { cluster: 'ome-dev-a', namespace: 'default' },
      { dryRun: false },
    ]);
    expect(object).toMatchObject({
      metadata: { name: 'llama-chat', namespace: 'default' },
      spec: {
        model: { name: 'llama-3-1-8b' },
        engine: { minReplicas: 1, maxReplicas: 1 },
        acceleratorSelector: { acceleratorClass: 'nvidia-h100-80gb' },
      },
    });
    expect(object.spec.runtime).toBeUndefined();
    // Many steps of user events: room for a loaded machine (not a bound that is asserted).
  }, 300_000);
});
