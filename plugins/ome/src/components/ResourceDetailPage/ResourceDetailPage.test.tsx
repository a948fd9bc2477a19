import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { KubernetesObject } from '@ome-console/plugin-ome-common';
import { OmeApi, omeApiRef } from '../../api';
import { omeResponseError } from '../../testUtils/omeResponseError';
import { mockOmeApi } from '../../testUtils/mockOmeApi';
import { ResourceDetailPage } from './ResourceDetailPage';

const isvc: KubernetesObject = {
  apiVersion: 'ome.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name: 'team-a-chat', namespace: 'team-a', resourceVersion: '77', labels: { team: 'a' } },
  spec: {
    model: { name: 'team-a-llama', kind: 'BaseModel' },
    runtime: { name: 'team-a-srt', kind: 'ServingRuntime' },
    engine: { minReplicas: 1, maxReplicas: 2 },
    router: { minReplicas: 1, maxReplicas: 1 },
  },
  status: {
    url: 'http://team-a-chat.team-a.svc',
    conditions: [{ type: 'Ready', status: 'True' }],
    components: { engine: { url: 'http://engine' } },
  },
};

async function renderDetail(api: OmeApi, object: unknown = isvc) {
  (api.getResource as jest.Mock).mockResolvedValue({ cluster: 'ome-dev-a', object });
  return renderInTestApp(
    <TestApiProvider apis={[[omeApiRef, api]]}>
      <ResourceDetailPage kind="InferenceService" cluster="ome-dev-a" namespace="team-a" name="team-a-chat" />
    </TestApiProvider>,
  );
}

describe('ResourceDetailPage', () => {
  it('shows overview cards, the YAML and related objects', async () => {
    const api = mockOmeApi({ getResource: jest.fn() });
    await renderDetail(api);
    expect(await screen.findByTestId('ome-detail-name')).toHaveTextContent('team-a-chat');
    expect(api.getResource).toHaveBeenCalledWith({
      kind: 'InferenceService',
      cluster: 'ome-dev-a',
      namespace: 'team-a',
      name: 'team-a-chat',
    });
    const service = screen.getByTestId('ome-card-Service');
    expect(within(service).getByTestId('ome-field-Model')).toHaveTextContent('team-a-llama');
    expect(within(service).getByTestId('ome-field-Runtime')).toHaveTextContent('team-a-srt');
    expect(within(service).getByTestId('ome-field-URL')).toHaveTextContent('http://team-a-chat.team-a.svc');
    expect(screen.getByTestId('ome-card-Components')).toHaveTextContent('replicas 1–2');

    await userEvent.click(screen.getByRole('tab', { name: 'YAML' }));
    expect((screen.getByTestId('ome-detail-yaml') as HTMLTextAreaElement).value).toContain(
      'name: team-a-llama',
    );

    await userEvent.click(screen.getByRole('tab', { name: 'Related' }));
    const model = screen.getByRole('link', { name: /BaseModel team-a\/team-a-llama/ });
    expect(model).toHaveAttribute('href', '/basemodels/ome-dev-a/team-a/team-a-llama');
    expect(screen.getByRole('link', { name: /ServingRuntime team-a\/team-a-srt/ })).toBeInTheDocument();
  });

  it('does not break on an object with odd fields', async () => {
    const api = mockOmeApi({ getResource: jest.fn() });
    await renderDetail(api, {
      metadata: { name: 'team-a-chat', labels: 'x' },
      spec: null,
      status: { conditions: 'nope', components: [1, 2], url: { a: 1 } },
    });
    expect(await screen.findByTestId('ome-detail-name')).toHaveTextContent('team-a-chat');
    await userEvent.click(screen.getByRole('tab', { name: 'Related' }));
    expect(screen.getByText(/references no other OME object/)).toBeInTheDocument();
  });

  it('clones after a dry run shown as a diff', async () => {
    const result = (dryRun: boolean) => ({
      cluster: 'ome-dev-b',
      object: { ...isvc, metadata: { name: 'team-a-chat-2', namespace: 'team-a' } },
      changed: true,
      dryRun,
      patch: [{ op: 'add' as const, path: '' }],
      warnings: dryRun ? ['heads up'] : [],
    });
    const api = mockOmeApi({
      getResource: jest.fn(),
      cloneResource: jest.fn(async (_ref, _req, options) => result(!!options?.dryRun)),
    });
    await renderDetail(api);
    await userEvent.click(await screen.findByTestId('ome-clone'));
    const name = screen.getByLabelText('Name of the copy');
    await userEvent.clear(name);
    await userEvent.type(name, 'team-a-chat-2');
    await waitFor(() =>
      expect(screen.getByRole('option', { name: 'ome-dev-b' })).toBeInTheDocument(),
    );
    await userEvent.selectOptions(screen.getByLabelText('Target cluster'), 'ome-dev-b');
    await userEvent.click(screen.getByTestId('ome-review'));
    expect(await screen.findByTestId('ome-diff')).toHaveTextContent('team-a-chat-2');
    expect(screen.getByTestId('ome-dry-run-warnings')).toHaveTextContent('heads up');
    await userEvent.click(screen.getByTestId('ome-confirm'));
    await waitFor(() => expect(api.cloneResource).toHaveBeenCalledTimes(2));
    expect(api.cloneResource).toHaveBeenLastCalledWith(
      { kind: 'InferenceService', cluster: 'ome-dev-a', namespace: 'team-a', name: 'team-a-chat' },
      { name: 'team-a-chat-2', cluster: 'ome-dev-b', namespace: 'team-a' },
    );
  });

  it('deletes after a confirmation, at the fetched resourceVersion', async () => {
    const api = mockOmeApi({
      getResource: jest.fn(),
      deleteResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: isvc,
        changed: true,
        dryRun: false,
        patch: [],
        warnings: [],
      })),
    });
    await renderDetail(api);
    await userEvent.click(await screen.findByTestId('ome-delete'));
    expect(screen.getByRole('dialog')).toHaveTextContent('Delete InferenceService team-a-chat?');
    await userEvent.click(screen.getByTestId('ome-confirm-delete'));
    await waitFor(() =>
      expect(api.deleteResource).toHaveBeenCalledWith(
        { kind: 'InferenceService', cluster: 'ome-dev-a', namespace: 'team-a', name: 'team-a-chat' },
        { resourceVersion: '77' },
      ),
    );
  });

  it('disables Edit, Delete and Clone by the caller\'s actions and create decision', async () => {
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: isvc,
        actions: { update: false, delete: false },
      })),
      mayCreate: jest.fn(async () => ({
        allowed: false,
        conditional: false,
        reason: "You may not create InferenceService objects in namespace 'team-a' of cluster 'ome-dev-a'",
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <ResourceDetailPage kind="InferenceService" cluster="ome-dev-a" namespace="team-a" name="team-a-chat" />
      </TestApiProvider>,
    );
    await screen.findByTestId('ome-detail-name');
    expect(screen.getByTestId('ome-edit')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('ome-delete')).toBeDisabled();
    await waitFor(() => expect(screen.getByTestId('ome-clone')).toBeDisabled());
    expect(api.mayCreate).toHaveBeenCalledWith('InferenceService', {
      cluster: 'ome-dev-a',
      namespace: 'team-a',
    });
    expect(screen.getByTestId('ome-clone-reason')).toHaveAttribute(
      'aria-label',
      "You may not create InferenceService objects in namespace 'team-a' of cluster 'ome-dev-a'",
    );
  });

  it('keeps Clone enabled when the caller may create there', async () => {
    const api = mockOmeApi({ getResource: jest.fn() });
    await renderDetail(api);
    await screen.findByTestId('ome-detail-name');
    await waitFor(() => expect(api.mayCreate).toHaveBeenCalled());
    expect(screen.getByTestId('ome-clone')).toBeEnabled();
  });

  it('says plainly that the caller may not read the object on a 403', async () => {
    const api = mockOmeApi({
      getResource: jest.fn(async () => {
        throw await omeResponseError(403, 'You may not read OME resources');
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <ResourceDetailPage kind="InferenceService" cluster="ome-dev-a" namespace="team-a" name="team-a-chat" />
      </TestApiProvider>,
    );
    const panel = await screen.findByTestId('ome-read-forbidden');
    expect(panel).toHaveTextContent('You may not read InferenceService objects');
    expect(panel).toHaveTextContent('You may not read OME resources');
  });
});
