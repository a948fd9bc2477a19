import { mockServices } from '@backstage/backend-test-utils';
import { KubernetesObject } from '@ome-console/plugin-ome-common';
import { KubernetesProxyClient } from '../KubernetesProxyClient';
import { KindStore, StoreChange } from './KindStore';
import { KindWatch } from './KindWatch';
import { ProxyStream, WatchEvent } from './ProxyStream';
import { DEFAULT_CACHE_SETTINGS } from './settings';

const obj = (
  name: string,
  resourceVersion: string,
  uid = `uid-${name}`,
): KubernetesObject => ({
  apiVersion: 'ome.io/v1beta1',
  kind: 'ClusterServingRuntime',
  metadata: { name, resourceVersion, uid },
});

/**
 * A KindWatch over a stand-in client (one list answer) and stream (events pushed by the
 * test): read-your-writes when concurrent writes' answers and watch events interleave.
 */
async function startedWatch(listed: KubernetesObject[]) {
  let push: ((event: WatchEvent) => void) | undefined;
  let watching: () => void = () => {};
  const watchOpened = new Promise<void>(resolve => {
    watching = resolve;
  });
  const client = {
    async request() {
      return { items: listed, metadata: { resourceVersion: '1' } };
    },
  } as unknown as KubernetesProxyClient;
  const stream = {
    watch(
      _cluster: string,
      _path: string,
      options: { signal: AbortSignal; onEvent: (e: WatchEvent) => void },
    ) {
      push = options.onEvent;
      watching();
      return new Promise<void>(resolve =>
        options.signal.addEventListener('abort', () => resolve(), {
          once: true,
        }),
      );
    },
  } as unknown as ProxyStream;
  const emitted: StoreChange[] = [];
  const watch = new KindWatch({
    cluster: 'c',
    kind: 'ClusterServingRuntime',
    client,
    stream,
    // short, so that a write that waits for nothing gives up soon
    settings: { ...DEFAULT_CACHE_SETTINGS, readYourWritesTimeoutMs: 50 },
    logger: mockServices.logger.mock(),
    emit: changes => emitted.push(...changes),
    onContact: () => {},
    onFailure: () => {},
  });
  watch.start();
  await watchOpened;
  return { watch, emitted, push: (event: WatchEvent) => push!(event) };
}

const versionIn = (store: KindStore, name: string) =>
  store.get(undefined, name)?.metadata.resourceVersion;

describe('KindWatch read-your-writes under concurrent writes', () => {
  it('keeps the newer version when a write answers after the watch brought it and a later write', async () => {
    const { watch, emitted, push } = await startedWatch([obj('a', '1')]);
    try {
      // writes A (-> 2) and B (-> 3); the watch brings both before A's answer is handled
      push({ type: 'MODIFIED', object: obj('a', '2') });
      push({ type: 'MODIFIED', object: obj('a', '3') });
      await watch.written(obj('a', '2'), false);
      expect(versionIn(watch.store, 'a')).toBe('3');
      // the list's object, then the watch's two versions; never version 2 again
      expect(emitted.map(c => c.resourceVersion)).toEqual(['1', '2', '3']);
    } finally {
      await watch.stop();
    }
  });

  it('keeps an object of the same name created after a delete the watch already brought', async () => {
    const { watch, emitted, push } = await startedWatch([obj('a', '1')]);
    try {
      push({ type: 'DELETED', object: obj('a', '2') });
      push({ type: 'ADDED', object: obj('a', '3', 'uid-a-again') });
      await watch.written(obj('a', '1'), true);
      expect(watch.store.get(undefined, 'a')?.metadata.uid).toBe('uid-a-again');
      expect(emitted.map(c => c.type)).toEqual(['ADDED', 'DELETED', 'ADDED']);
    } finally {
      await watch.stop();
    }
  });

  it('puts the write answer itself when the watch does not bring it (the watch lags)', async () => {
    const { watch, emitted } = await startedWatch([obj('a', '1')]);
    try {
      await watch.written(obj('a', '2'), false);
      expect(versionIn(watch.store, 'a')).toBe('2');
      expect(emitted.map(c => c.resourceVersion)).toEqual(['1', '2']);
    } finally {
      await watch.stop();
    }
  });
});
