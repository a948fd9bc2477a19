import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  diffObjects,
  KubernetesObject,
  OmeKind,
  OmeObjectRef,
  OmeWriteResult,
} from '@ome-console/plugin-ome-common';
import { OmeApi, omeApiRef } from '../../api';
import { mockOmeApi } from '../../testUtils/mockOmeApi';
import { omeResponseError } from '../../testUtils/omeResponseError';
import { setYamlEditorText, yamlEditorText } from '../../testUtils/yamlEditor';
import { ResourceCreatePage, ResourceEditPage } from './ResourceEditorPage';

const live: KubernetesObject = {
  apiVersion: 'ome.io/v1beta1',
  kind: 'ClusterServingRuntime',
  metadata: {
    name: 'srt-demo',
    resourceVersion: '4711',
    uid: 'u-1',
    generation: 3,
    labels: { team: 'a' },
  },
  spec: {
    disabled: false,
    modelSizeRange: { min: '1B', max: '9B' },
    supportedModelFormats: [
      {
        name: 'safetensors',
        modelFormat: { name: 'safetensors', version: '1.0.0' },
        autoSelect: true,
      },
    ],
    protocolVersions: ['openAI'],
    engineConfig: {
      runner: {
        name: 'ome-container',
        image: 'docker.io/lmsysorg/sglang:v0.4',
      },
    },
    unknownField: { keep: 'me' },
  },
};

/** What the backend's dry run answers: the object as sent, the patch against live. */
function writeResult(
  cluster: string,
  before: KubernetesObject | undefined,
  object: KubernetesObject,
  options?: { dryRun?: boolean },
): OmeWriteResult {
  return {
    cluster,
    object,
    changed: true,
    dryRun: !!options?.dryRun,
    patch: before
      ? diffObjects(before, object)
      : [{ op: 'add', path: '', value: object }],
    warnings: options?.dryRun
      ? ['spec.protocolVersions: deprecated value (demo)']
      : [],
  };
}

/** An updateResource that echoes what it was sent. */
function echo(before: KubernetesObject) {
  return jest.fn(
    async (
      target: OmeObjectRef,
      object: KubernetesObject,
      options?: { dryRun?: boolean },
    ) => writeResult(target.cluster, before, object, options),
  );
}

/** A createResource that echoes what it was sent. */
function echoCreate() {
  return jest.fn(
    async (
      _kind: OmeKind,
      target: { cluster: string },
      object: KubernetesObject,
      options?: { dryRun?: boolean },
    ) => writeResult(target.cluster, undefined, object, options),
  );
}

async function renderEdit(api: OmeApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[omeApiRef, api]]}>
      <ResourceEditPage
        kind="ClusterServingRuntime"
        cluster="ome-dev-a"
        name="srt-demo"
      />
    </TestApiProvider>,
  );
  await screen.findByTestId('ome-editor');
}

const yamlBox = () => screen.getByTestId('ome-yaml-editor');
const yamlText = () => yamlEditorText(yamlBox());

describe('ResourceEditor', () => {
  it('edits a field in the form, shows the diff and warnings, then writes only that field with the fetched resourceVersion', async () => {
    const updateResource = echo(live);
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: live,
      })),
      updateResource,
    });
    await renderEdit(api);

    const max = screen.getByLabelText('Largest model size');
    expect(max).toHaveValue('9B');
    await userEvent.clear(max);
    await userEvent.type(max, '70B');
    await userEvent.click(screen.getByTestId('ome-review'));

    const diff = await screen.findByTestId('ome-diff');
    const added = screen.getAllByTestId('ome-diff-add').map(l => l.textContent);
    const removed = screen
      .getAllByTestId('ome-diff-remove')
      .map(l => l.textContent);
    expect(added).toEqual(['+     max: 70B']);
    expect(removed).toEqual(['-     max: 9B']);
    expect(diff).toBeInTheDocument();
    expect(screen.getByTestId('ome-dry-run-warnings')).toHaveTextContent(
      'deprecated value (demo)',
    );
    expect(updateResource).toHaveBeenCalledTimes(1);
    expect(updateResource.mock.calls[0][2]).toEqual({ dryRun: true });

    await userEvent.click(screen.getByTestId('ome-confirm'));
    await waitFor(() => expect(updateResource).toHaveBeenCalledTimes(2));
    const [target, sent, options] = updateResource.mock.calls[1];
    expect(target.kind).toBe('ClusterServingRuntime');
    expect(target).toEqual(
      expect.objectContaining({ cluster: 'ome-dev-a', name: 'srt-demo' }),
    );
    expect(options).toEqual({ dryRun: false });
    expect(sent.metadata.resourceVersion).toBe('4711');
    expect(diffObjects(live, sent)).toEqual([
      expect.objectContaining({
        op: 'replace',
        path: '/spec/modelSizeRange/max',
        value: '70B',
      }),
    ]);
  });

  it('says "No changes" and writes nothing when nothing was changed', async () => {
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: live,
      })),
      updateResource: echo(live),
    });
    await renderEdit(api);
    await userEvent.click(screen.getByTestId('ome-review'));
    expect(await screen.findByTestId('ome-diff-no-changes')).toHaveTextContent(
      'No changes',
    );
    expect(screen.queryByTestId('ome-confirm')).not.toBeInTheDocument();
    expect(api.updateResource).not.toHaveBeenCalled();
  });

  it('keeps form edits across the YAML toggle, keeps quoted strings strings and warns about unquoted ones', async () => {
    const updateResource = echo(live);
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: live,
      })),
      updateResource,
    });
    await renderEdit(api);
    const engine = screen.getByLabelText('Engine image');
    await userEvent.clear(engine);
    await userEvent.type(engine, 'sglang:v0.5');

    await userEvent.click(screen.getByTestId('ome-mode-yaml'));
    expect(yamlText()).toContain('image: sglang:v0.5');
    expect(yamlText()).toContain('keep: me');

    // a quoted "3.10" stays text; an unquoted 1.10 where the original had text is warned about
    const quoted = yamlText()
      .replace('version: 1.0.0', 'version: "3.10"')
      .replace('min: 1B', 'min: 1.10');
    setYamlEditorText(yamlBox(), quoted);
    expect(
      await screen.findByTestId('ome-yaml-type-warnings'),
    ).toHaveTextContent('spec.modelSizeRange.min');

    // back to the form: the YAML edits are there
    await userEvent.click(screen.getByTestId('ome-mode-form'));
    expect(screen.getByLabelText('Engine image')).toHaveValue('sglang:v0.5');
    await userEvent.click(screen.getByTestId('ome-mode-yaml'));
    expect(yamlText()).toContain('version: "3.10"');

    await userEvent.click(screen.getByTestId('ome-review'));
    await screen.findByTestId('ome-diff');
    const sent = updateResource.mock.calls[0][1];
    expect(sent.spec!.supportedModelFormats[0].modelFormat.version).toBe(
      '3.10',
    );
    expect(sent.spec!.engineConfig.runner.image).toBe('sglang:v0.5');
    expect(sent.spec!.unknownField).toEqual({ keep: 'me' });
  });

  it('shows YAML parse errors with their line and blocks the form until fixed', async () => {
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: live,
      })),
    });
    await renderEdit(api);
    await userEvent.click(screen.getByTestId('ome-mode-yaml'));
    setYamlEditorText(yamlBox(), 'kind: X\nmetadata: [\n');
    expect(await screen.findByTestId('ome-yaml-error')).toHaveTextContent(
      /Line \d+/,
    );
    expect(screen.getByTestId('ome-review')).toBeDisabled();
  });

  it('falls back to YAML for objects the form cannot show', async () => {
    const odd = {
      ...live,
      spec: { ...live.spec, modelSizeRange: 'huge' },
    } as KubernetesObject;
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({ cluster: 'ome-dev-a', object: odd })),
    });
    await renderEdit(api);
    expect(screen.getByTestId('ome-form-fallback')).toBeInTheDocument();
    expect(yamlText()).toContain('modelSizeRange: huge');
    await userEvent.click(screen.getByTestId('ome-mode-form'));
    expect(screen.getByTestId('ome-yaml-editor')).toBeInTheDocument();
  });

  it('after a 409 re-applies only the user’s edits onto the live object and lets the user choose where both changed a field', async () => {
    // another writer disabled the runtime and set the largest size to 13B meanwhile
    const changedLive: KubernetesObject = {
      ...live,
      metadata: { ...live.metadata, resourceVersion: '4712', generation: 4 },
      spec: {
        ...live.spec,
        disabled: true,
        modelSizeRange: { min: '1B', max: '13B' },
      },
    };
    const afterConflict = echo(changedLive);
    const updateResource = jest.fn(
      async (...args: Parameters<OmeApi['updateResource']>) => {
        if (args[1].metadata?.resourceVersion === '4711') {
          throw await omeResponseError(409, 'the object changed', {
            live: changedLive,
          });
        }
        return afterConflict(...args);
      },
    );
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: live,
      })),
      updateResource,
    });
    await renderEdit(api);

    await userEvent.clear(screen.getByLabelText('Largest model size'));
    await userEvent.type(screen.getByLabelText('Largest model size'), '70B');
    await userEvent.clear(screen.getByLabelText('Engine image'));
    await userEvent.type(screen.getByLabelText('Engine image'), 'sglang:v0.5');
    await userEvent.click(screen.getByTestId('ome-review'));
    await screen.findByTestId('ome-conflict');

    await userEvent.click(screen.getByTestId('ome-rebase'));
    const conflict = await screen.findByTestId('ome-conflict-field');
    expect(conflict).toHaveAttribute('data-path', 'spec.modelSizeRange.max');
    expect(conflict).toHaveTextContent('Theirs (live): 13B');
    expect(conflict).toHaveTextContent('Mine: 70B');
    // the live value stays until the user chooses; the other writer's change is kept
    expect(screen.getByLabelText('Largest model size')).toHaveValue('13B');
    expect(screen.getByLabelText('Engine image')).toHaveValue('sglang:v0.5');

    await userEvent.click(screen.getByLabelText(/^Mine/));
    expect(screen.getByLabelText('Largest model size')).toHaveValue('70B');
    await userEvent.click(screen.getByTestId('ome-review'));
    await screen.findByTestId('ome-diff');
    await userEvent.click(screen.getByTestId('ome-confirm'));
    await waitFor(() => expect(afterConflict).toHaveBeenCalledTimes(2));
    const [, sent, options] = afterConflict.mock.calls[1];
    expect(options).toEqual({ dryRun: false });
    expect(sent.metadata.resourceVersion).toBe('4712');
    expect(
      diffObjects(changedLive, sent).map(({ oldValue: _old, ...op }) => op),
    ).toEqual([
      { op: 'replace', path: '/spec/modelSizeRange/max', value: '70B' },
      {
        op: 'replace',
        path: '/spec/engineConfig/runner/image',
        value: 'sglang:v0.5',
      },
    ]);
  });

  it('a 409 on the confirmed write shows what the other writer changed, writes nothing more and offers no confirm until a new review', async () => {
    // another writer disabled the runtime between the dry run and the confirm
    const changedLive: KubernetesObject = {
      ...live,
      metadata: { ...live.metadata, resourceVersion: '4712', generation: 4 },
      spec: { ...live.spec, disabled: true },
    };
    const updateResource = jest.fn(
      async (...args: Parameters<OmeApi['updateResource']>) => {
        if (!args[2]?.dryRun) {
          throw await omeResponseError(
            409,
            'Operation cannot be fulfilled: the object has been modified',
            { live: changedLive },
          );
        }
        return echo(live)(...args);
      },
    );
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: live,
      })),
      updateResource,
    });
    await renderEdit(api);
    await userEvent.clear(screen.getByLabelText('Engine image'));
    await userEvent.type(screen.getByLabelText('Engine image'), 'sglang:v0.5');
    await userEvent.click(screen.getByTestId('ome-review'));
    await screen.findByTestId('ome-diff');
    await userEvent.click(screen.getByTestId('ome-confirm'));

    const conflict = await screen.findByTestId('ome-conflict');
    expect(screen.getByTestId('ome-error')).toHaveTextContent(
      'the object has been modified',
    );
    // The diff is between the version the user edited and the live one: the other
    // writer's change, not the user's own edit.
    const changes = (type: string) =>
      within(conflict)
        .queryAllByTestId(`ome-diff-${type}`)
        .map(l => l.textContent);
    expect(changes('add')).toEqual(
      expect.arrayContaining([expect.stringMatching(/disabled: true/)]),
    );
    expect(changes('remove')).toEqual(
      expect.arrayContaining([expect.stringMatching(/disabled: false/)]),
    );
    expect(
      [...changes('add'), ...changes('remove')].some(l =>
        l?.includes('sglang'),
      ),
    ).toBe(false);
    // Nothing overwrote the live object: one dry run, one refused write, no retry.
    expect(updateResource.mock.calls.map(c => c[2])).toEqual([
      { dryRun: true },
      { dryRun: false },
    ]);
    expect(updateResource.mock.calls[1][1].metadata?.resourceVersion).toBe(
      '4711',
    );
    expect(screen.queryByTestId('ome-confirm')).not.toBeInTheDocument();
    // Still the editor with the user's edit kept, not the detail page.
    expect(screen.getByTestId('ome-editor')).toBeInTheDocument();
    expect(screen.getByLabelText('Engine image')).toHaveValue('sglang:v0.5');
    expect(screen.getByTestId('ome-rebase')).toBeInTheDocument();
  });

  it('a 409 without a live object (e.g. already exists) shows the error but no conflict screen', async () => {
    const updateResource = jest.fn(async () => {
      throw await omeResponseError(409, 'srt-demo already exists');
    });
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: live,
      })),
      updateResource,
    });
    await renderEdit(api);
    await userEvent.clear(screen.getByLabelText('Engine image'));
    await userEvent.type(screen.getByLabelText('Engine image'), 'x:1');
    await userEvent.click(screen.getByTestId('ome-review'));
    expect(await screen.findByTestId('ome-error')).toHaveTextContent(
      'srt-demo already exists',
    );
    expect(screen.queryByTestId('ome-conflict')).not.toBeInTheDocument();
    expect(screen.queryByTestId('ome-confirm')).not.toBeInTheDocument();
    expect(updateResource).toHaveBeenCalledTimes(1);
  });

  it('maps the server’s 422 field errors to the form fields', async () => {
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: live,
      })),
      updateResource: jest.fn(async () => {
        throw await omeResponseError(422, 'rejected', {
          rejectedBy: 'admission',
          fieldErrors: [
            {
              path: 'spec.modelSizeRange.max',
              message: 'too large for this cluster',
            },
          ],
        });
      }),
    });
    await renderEdit(api);
    const max = screen.getByLabelText('Largest model size');
    await userEvent.type(max, '0');
    await userEvent.click(screen.getByTestId('ome-review'));
    expect(
      await screen.findAllByText(/too large for this cluster/),
    ).not.toHaveLength(0);
    expect(max).toHaveAttribute('aria-invalid', 'true');
  });

  it('creates an InferenceService with instant field feedback, a dry-run diff and a confirm', async () => {
    const createResource = echoCreate();
    const api = mockOmeApi({
      getClusters: jest.fn(async () => ({
        items: [
          { name: 'ome-dev-a', reachable: true },
          { name: 'ome-dev-b', reachable: true },
        ],
      })),
      createResource,
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <ResourceCreatePage kind="InferenceService" />
      </TestApiProvider>,
    );
    await screen.findByTestId('ome-editor');
    const name = screen.getByLabelText(/^Name\s*\*?$/);
    await userEvent.type(name, 'Bad_Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(name);
    await userEvent.type(name, 'chat-1');
    expect(name).toHaveAttribute('aria-invalid', 'false');

    await waitFor(() =>
      expect(
        screen.getByRole('option', { name: 'team-a' }),
      ).toBeInTheDocument(),
    );
    await userEvent.selectOptions(screen.getByLabelText('Namespace'), 'team-a');
    await userEvent.type(
      screen.getByLabelText(/^Model\s*\*?$/),
      'llama-3-2-1b-instruct',
    );
    await userEvent.click(screen.getByTestId('ome-review'));
    await screen.findByTestId('ome-diff');
    expect(
      screen
        .getAllByTestId('ome-diff-add')
        .map(l => l.textContent)
        .join('\n'),
    ).toContain('name: llama-3-2-1b-instruct');
    await userEvent.click(screen.getByTestId('ome-confirm'));
    await waitFor(() => expect(createResource).toHaveBeenCalledTimes(2));
    const [, target, sent, options] = createResource.mock.calls[1];
    expect(target).toEqual({ cluster: 'ome-dev-a', namespace: 'team-a' });
    expect(options).toEqual({ dryRun: false });
    expect(sent.metadata).toEqual({ name: 'chat-1', namespace: 'team-a' });
    expect(sent.spec!.model).toEqual({ name: 'llama-3-2-1b-instruct' });
  });

  it('warns in create mode when the caller may not create the kind in the chosen cluster and namespace', async () => {
    const api = mockOmeApi({
      mayCreate: jest.fn(async (_kind, target) =>
        target.namespace === 'team-a'
          ? {
              allowed: false,
              conditional: false,
              reason:
                "You may not create InferenceService objects in namespace 'team-a' of cluster 'ome-dev-a'",
            }
          : { allowed: true, conditional: true },
      ),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <ResourceCreatePage kind="InferenceService" />
      </TestApiProvider>,
    );
    await screen.findByTestId('ome-editor');
    await waitFor(() =>
      expect(
        screen.getByRole('option', { name: 'team-a' }),
      ).toBeInTheDocument(),
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Namespace'),
      'default',
    );
    await waitFor(() =>
      expect(api.mayCreate).toHaveBeenCalledWith('InferenceService', {
        cluster: 'ome-dev-a',
        namespace: 'default',
      }),
    );
    expect(
      screen.queryByTestId('ome-create-not-allowed'),
    ).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Namespace'), 'team-a');
    expect(
      await screen.findByTestId('ome-create-not-allowed'),
    ).toHaveTextContent(
      "You may not create InferenceService objects in namespace 'team-a' of cluster 'ome-dev-a'",
    );
  });
});
