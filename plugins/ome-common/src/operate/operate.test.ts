import { createHash } from 'node:crypto';
import { sha256Hex } from './modelAgent';
import {
  ModelAgentConfigMap,
  modelConfigMapKey,
  modelNodeReports,
  parseModelNodeEntry,
  truncateWithHash,
} from './modelAgent';
import {
  componentSummaries,
  conditionsInWords,
  modelStatusInWords,
} from './isvcConditions';
import { eventSummary, podSummary, sortEvents } from './pods';

describe('sha256Hex', () => {
  it('matches node:crypto on empty, ASCII, multi-block and non-ASCII text', () => {
    const inputs = ['', 'abc', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(300), 'modèle-ü-日本'];
    expect(inputs.length).toBeGreaterThan(0);
    for (const s of inputs) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('modelConfigMapKey (OME GetModelConfigMapKey)', () => {
  it('names cluster and namespaced models like the model-agent', () => {
    expect(modelConfigMapKey('llama-3-8b')).toBe('clusterbasemodel.llama-3-8b');
    expect(modelConfigMapKey('llama-3-8b', 'team-a')).toBe('team-a.basemodel.llama-3-8b');
  });

  it('keeps keys of 253 characters and shortens longer ones with 8 hex digits of sha256 and the tail', () => {
    const fits = 'm'.repeat(236);
    expect(modelConfigMapKey(fits)).toHaveLength(253);
    const long = `${'a'.repeat(200)}-${'b'.repeat(100)}`;
    const key = modelConfigMapKey(long);
    expect(key).toHaveLength(253);
    const hash = createHash('sha256').update(long).digest('hex').slice(0, 8);
    expect(key).toBe(`clusterbasemodel.${hash}-${long.slice(long.length - 227)}`);
  });

  it('gives a long namespaced name 8 characters of namespace and the rest to the name', () => {
    const ns = 'n'.repeat(40);
    const name = 'q'.repeat(230);
    const key = modelConfigMapKey(name, ns);
    expect(key.length).toBeLessThanOrEqual(253);
    const [nsPart, kind, namePart] = key.split('.');
    expect(kind).toBe('basemodel');
    expect(nsPart).toBe(truncateWithHash(ns, 8));
    expect(nsPart).toHaveLength(8);
    expect(namePart).toBe(truncateWithHash(name, 241 - 8));
    // a short namespace stays whole
    expect(modelConfigMapKey(name + 'x'.repeat(20), 'ome').startsWith('ome.basemodel.')).toBe(true);
  });
});

describe('model-agent entries', () => {
  it('reads state and progress, and survives bad JSON', () => {
    const r = parseModelNodeEntry(
      'n1',
      JSON.stringify({ name: 'm', status: 'Updating', progress: { phase: 'Downloading', totalBytes: 200, completedBytes: 50, totalFiles: 4, completedFiles: 1 } }),
    );
    expect(r).toMatchObject({ node: 'n1', state: 'Updating', progress: { phase: 'Downloading', fraction: 0.25, completedFiles: 1 } });
    expect(parseModelNodeEntry('n2', '{not json')).toEqual({ node: 'n2', state: 'Unknown' });
    expect(parseModelNodeEntry('n3', JSON.stringify({ status: 'Weird' })).state).toBe('Unknown');
  });

  it('collects one model over the node ConfigMaps, by node label', () => {
    const cms: ModelAgentConfigMap[] = [
      { metadata: { name: 'node-b', labels: { node: 'node-b' } }, data: { 'clusterbasemodel.m': '{"status":"Failed"}' } },
      { metadata: { name: 'node-a', labels: { node: 'node-a' } }, data: { 'clusterbasemodel.m': '{"status":"Ready"}', 'ns.basemodel.m': '{"status":"Ready"}' } },
      { metadata: { name: 'node-c' }, data: { 'clusterbasemodel.other': '{"status":"Ready"}' } },
    ];
    const reports = modelNodeReports(cms, { name: 'm' });
    expect(reports.map(r => [r.node, r.state])).toEqual([['node-a', 'Ready'], ['node-b', 'Failed']]);
    expect(modelNodeReports(cms, { name: 'm', namespace: 'ns' }).map(r => r.node)).toEqual(['node-a']);
  });
});

describe('InferenceService conditions in plain words', () => {
  it('puts Ready first, failures before successes, and says what each means', () => {
    const words = conditionsInWords([
      { type: 'EngineReady', status: 'True' },
      { type: 'IngressReady', status: 'False', reason: 'ComponentNotReady', message: 'engine is not ready' },
      { type: 'Ready', status: 'Unknown', reason: 'BaseModelNotReady' },
      { type: 'EngineRouteReady', status: 'True' },
    ]);
    expect(words.map(w => w.type)).toEqual(['Ready', 'IngressReady', 'EngineReady', 'EngineRouteReady']);
    expect(words[0]).toMatchObject({ tone: 'pending', sentence: 'The service is not ready yet (status unknown)', reason: 'BaseModelNotReady' });
    expect(words[1]).toMatchObject({ tone: 'failed', sentence: 'The ingress (external route) is not ready' });
    expect(words[2].sentence).toBe('The engine is ready');
    expect(words[3].sentence).toBe('The engine route is ready');
    expect(conditionsInWords(undefined)).toEqual([]);
  });

  it('explains modelStatus and its last failure', () => {
    const ms = modelStatusInWords({
      transitionStatus: 'BlockedByFailedLoad',
      modelRevisionStates: { activeModelState: 'FailedToLoad', targetModelState: 'Loaded' },
      lastFailureInfo: { reason: 'NoSupportingRuntime', message: 'no runtime for format x' },
    });
    expect(ms).toMatchObject({
      transition: 'Blocked: the model failed to load',
      activeModelState: 'FailedToLoad',
      failure: { reason: 'NoSupportingRuntime', words: 'No serving runtime supports this model', message: 'no runtime for format x' },
    });
    expect(modelStatusInWords(undefined)).toEqual({});
  });

  it('lists components with URL, replicas, accelerator and readiness', () => {
    const comps = componentSummaries({
      spec: { engine: { minReplicas: 1, maxReplicas: 3 }, router: {} },
      status: {
        components: { engine: { url: 'http://e', selectedAccelerator: { acceleratorClass: 'nvidia-h100-80gb' } } },
        conditions: [{ type: 'EngineReady', status: 'True' }],
      },
    });
    expect(comps).toEqual([
      { component: 'engine', url: 'http://e', minReplicas: 1, maxReplicas: 3, accelerator: 'nvidia-h100-80gb', ready: expect.objectContaining({ tone: 'ok' }) },
      { component: 'router' },
    ]);
  });
});

describe('pods and events', () => {
  it('shows the scheduler reason of a pending pod and CrashLoopBackOff with restarts', () => {
    const pending = podSummary({
      metadata: { name: 'p', namespace: 'ns', labels: { component: 'engine' } },
      spec: { containers: [{ name: 'ome-container' }] },
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/4 nodes are available: 4 Insufficient nvidia.com/gpu.' }] },
    });
    expect(pending).toMatchObject({ phase: 'Pending', component: 'engine', ready: '0/1', reason: 'Unschedulable: 0/4 nodes are available: 4 Insufficient nvidia.com/gpu.' });
    const crash = podSummary({
      metadata: { name: 'c', namespace: 'ns' },
      spec: { nodeName: 'n1', containers: [{ name: 'ome-container' }, { name: 'sidecar' }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'ome-container', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } }, lastState: { terminated: { reason: 'Error', exitCode: 1 } } },
          { name: 'sidecar', ready: true, restartCount: 0, state: {} },
        ],
      },
    });
    expect(crash).toMatchObject({ phase: 'CrashLoopBackOff', restarts: 7, ready: '1/2', node: 'n1', containers: ['ome-container', 'sidecar'] });
    expect(crash.reason).toContain('last exit: Error (code 1)');
  });

  it('summarises events and sorts them newest first', () => {
    const a = eventSummary({ type: 'Warning', reason: 'FailedScheduling', message: 'no gpu', count: 3, lastTimestamp: '2026-01-01T00:00:02Z', involvedObject: { kind: 'Pod', name: 'p' }, source: { component: 'default-scheduler' } });
    const b = eventSummary({ reason: 'Pulled', message: 'ok', eventTime: '2026-01-01T00:00:05Z', involvedObject: { kind: 'Pod', name: 'q' }, reportingComponent: 'kubelet' });
    expect(a).toEqual({ type: 'Warning', reason: 'FailedScheduling', message: 'no gpu', object: 'Pod/p', count: 3, last: '2026-01-01T00:00:02Z', source: 'default-scheduler' });
    expect(sortEvents([a, b]).map(e => e.reason)).toEqual(['Pulled', 'FailedScheduling']);
  });
});
