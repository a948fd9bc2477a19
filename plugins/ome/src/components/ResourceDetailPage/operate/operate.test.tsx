import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { KubernetesObject } from '@ome-console/plugin-ome-common';
import { OmeApi, omeApiRef } from '../../../api';
import { mockOmeApi } from '../../../testUtils/mockOmeApi';
import { ResourceDetailPage } from '../ResourceDetailPage';

const isvc: KubernetesObject = {
  apiVersion: 'ome.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name: 'chat', namespace: 'team-a' },
  spec: {
    model: { name: 'llama' },
    engine: { minReplicas: 1, maxReplicas: 2 },
  },
  status: {
    conditions: [
      {
        type: 'Ready',
        status: 'False',
        reason: 'BaseModelNotReady',
        message: 'model llama is in state Failed',
      },
      { type: 'EngineReady', status: 'False' },
    ],
    components: {
      engine: {
        url: 'http://chat-engine.team-a.svc',
        selectedAccelerator: { acceleratorClass: 'nvidia-h100-80gb' },
      },
    },
    modelStatus: {
      transitionStatus: 'BlockedByFailedLoad',
      lastFailureInfo: {
        reason: 'BaseModelNotReady',
        message: 'model llama failed',
      },
    },
  },
};

const pods = {
  items: [
    {
      name: 'chat-engine-a',
      namespace: 'team-a',
      component: 'engine',
      phase: 'Running',
      ready: '2/2',
      restarts: 0,
      node: 'gpu-1',
      containers: ['ome-container', 'serving-sidecar'],
      initContainers: ['model-init'],
    },
    {
      name: 'chat-engine-b',
      namespace: 'team-a',
      component: 'engine',
      phase: 'Pending',
      ready: '0/2',
      restarts: 0,
      containers: ['ome-container'],
      initContainers: [],
      reason:
        'Unschedulable: 0/4 nodes are available: 4 Insufficient nvidia.com/gpu.',
    },
  ],
};

/** A log stream that yields `chunks`, then stays open until aborted (like a followed log). */
function logStream(chunks: string[], signal?: AbortSignal) {
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(enc.encode(c));
      signal?.addEventListener('abort', () => controller.close());
    },
  });
}

async function render(
  api: OmeApi,
  object: KubernetesObject = isvc,
  kind = 'InferenceService' as const,
) {
  (api.getResource as jest.Mock).mockResolvedValue({
    cluster: 'ome-dev-a',
    object,
  });
  return renderInTestApp(
    <TestApiProvider apis={[[omeApiRef, api]]}>
      <ResourceDetailPage
        kind={kind}
        cluster="ome-dev-a"
        namespace="team-a"
        name="chat"
      />
    </TestApiProvider>,
  );
}

// Rendering material-table under a loaded machine is slow: generous bounds, no time asserted.
jest.setTimeout(180_000);
const SLOW = { timeout: 60_000 };

describe('operate views', () => {
  it('explains why a service is not ready and shows its components, pods and events', async () => {
    const api = mockOmeApi({
      getResource: jest.fn(),
      listServicePods: jest.fn(async () => pods),
      listServiceEvents: jest.fn(async () => ({
        items: [
          {
            type: 'Warning',
            reason: 'FailedScheduling',
            message: '0/4 nodes are available',
            object: 'Pod/chat-engine-b',
            count: 3,
            last: '2026-01-01T00:00:00Z',
          },
        ],
      })),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Status' }, SLOW),
    );
    const conditions = await screen.findByTestId(
      'ome-operate-conditions',
      {},
      SLOW,
    );
    expect(
      within(conditions).getByTestId('ome-condition-Ready'),
    ).toHaveTextContent('The service is not ready');
    expect(
      within(conditions).getByTestId('ome-condition-Ready'),
    ).toHaveTextContent('BaseModelNotReady: model llama is in state Failed');
    expect(screen.getByTestId('ome-operate-last-failure')).toHaveTextContent(
      'The model is not ready',
    );
    const components = screen.getByTestId('ome-operate-components');
    expect(components).toHaveTextContent('http://chat-engine.team-a.svc');
    expect(components).toHaveTextContent('nvidia-h100-80gb');
    expect(components).toHaveTextContent('1–2');
    const podTable = await screen.findByTestId('ome-operate-pods', {}, SLOW);
    await waitFor(
      () => expect(podTable).toHaveTextContent('chat-engine-b'),
      SLOW,
    );
    expect(podTable).toHaveTextContent('Insufficient nvidia.com/gpu');
    expect(api.listServicePods).toHaveBeenCalledWith({
      cluster: 'ome-dev-a',
      namespace: 'team-a',
      name: 'chat',
    });
    await waitFor(
      () =>
        expect(screen.getByTestId('ome-operate-events')).toHaveTextContent(
          'FailedScheduling',
        ),
      SLOW,
    );
  });

  it('opens the logs of a pod, follows new lines and asks again when the container changes', async () => {
    const openPodLog = jest.fn(
      async (
        _s: unknown,
        _p: string,
        q: { follow?: boolean },
        o?: { signal?: AbortSignal },
      ) =>
        logStream(
          q.follow ? ['line 1\nline 2\n', 'line 3\n'] : ['line 1\nline 2\n'],
          o?.signal,
        ),
    );
    const api = mockOmeApi({
      getResource: jest.fn(),
      listServicePods: jest.fn(async () => pods),
      openPodLog,
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Status' }, SLOW),
    );
    await userEvent.click(
      await screen.findByTestId('ome-pod-logs-chat-engine-a', {}, SLOW),
    );
    const output = await screen.findByTestId('ome-logs-output', {}, SLOW);
    await waitFor(() => expect(output).toHaveTextContent('line 2'), SLOW);
    expect(openPodLog).toHaveBeenLastCalledWith(
      { cluster: 'ome-dev-a', namespace: 'team-a', name: 'chat' },
      'chat-engine-a',
      expect.objectContaining({
        container: 'ome-container',
        tailLines: 200,
        follow: false,
      }),
      expect.anything(),
    );
    await userEvent.click(screen.getByTestId('ome-logs-follow'));
    await waitFor(() => expect(output).toHaveTextContent('line 3'), SLOW);
    expect(screen.getByTestId('ome-logs-state')).toHaveTextContent('following');
    await userEvent.selectOptions(
      screen.getByTestId('ome-logs-container'),
      'model-init',
    );
    await waitFor(
      () =>
        expect(openPodLog).toHaveBeenLastCalledWith(
          expect.anything(),
          'chat-engine-a',
          expect.objectContaining({ container: 'model-init', follow: true }),
          expect.anything(),
        ),
      SLOW,
    );
  });

  it("shows a model's per-node progress, its ready and failed nodes and the services using it", async () => {
    const model: KubernetesObject = {
      apiVersion: 'ome.io/v1beta1',
      kind: 'ClusterBaseModel',
      metadata: { name: 'llama' },
      spec: {},
      status: { state: 'In_Transit' },
    };
    const api = mockOmeApi({
      getResource: jest.fn(async () => ({
        cluster: 'ome-dev-a',
        object: model,
      })),
      getModelProgress: jest.fn(async () => ({
        nodes: [
          {
            node: 'gpu-1',
            state: 'Ready' as const,
            progress: { fraction: 1, totalBytes: 2048, completedBytes: 2048 },
          },
          {
            node: 'gpu-2',
            state: 'Updating' as const,
            progress: {
              fraction: 0.25,
              totalBytes: 4096,
              completedBytes: 1024,
              totalFiles: 4,
              completedFiles: 1,
              speedBytesPerSec: 1536,
            },
          },
        ],
        nodesReady: ['gpu-1'],
        nodesFailed: ['gpu-3'],
        services: [{ namespace: 'team-a', name: 'chat', ready: 'True' }],
      })),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[omeApiRef, api]]}>
        <ResourceDetailPage
          kind="ClusterBaseModel"
          cluster="ome-dev-a"
          name="llama"
        />
      </TestApiProvider>,
    );
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Nodes' }, SLOW),
    );
    const progress = await screen.findByTestId('ome-model-progress', {}, SLOW);
    await waitFor(() => expect(progress).toHaveTextContent('gpu-2'), SLOW);
    expect(progress).toHaveTextContent('25%');
    expect(progress).toHaveTextContent('1.0 KiB / 4.0 KiB');
    expect(progress).toHaveTextContent('1.5 KiB/s');
    expect(screen.getByTestId('ome-model-nodes-failed')).toHaveTextContent(
      'gpu-3',
    );
    expect(screen.getByTestId('ome-model-services')).toHaveTextContent(
      'team-a/chat',
    );
    expect(api.getModelProgress).toHaveBeenCalledWith({
      kind: 'ClusterBaseModel',
      cluster: 'ome-dev-a',
      namespace: undefined,
      name: 'llama',
    });
  });
});
