import { KubernetesObject, OmeKind } from '@ome-console/plugin-ome-common';
import { OmeItemFilter } from '../authorization';
import { OmeCacheChange, OmeChangeFeed } from '../cache/types';
import { OmeEventHub } from './OmeEventHub';
import { OmeEventSink } from './sse';
import { formatEventId, parseEventId } from './eventIds';

/** A small in-test change feed: what the watch cache's feed does, driven by the test. */
class TestFeed implements OmeChangeFeed {
  readonly listeners = new Set<(c: OmeCacheChange) => void>();
  #rv = 100;
  subscribe(listener: (c: OmeCacheChange) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(
    type: OmeCacheChange['type'],
    object: KubernetesObject,
    cluster = 'a',
    kind: OmeKind = 'InferenceService',
  ) {
    const resourceVersion = String(++this.#rv);
    const change = { type, cluster, kind, object, resourceVersion };
    for (const l of this.listeners) l(change);
  }
}

interface Frame {
  event: string;
  id: string;
  data: any;
}

/** A sink that records frames, as the HTTP response would send them. */
function recordingSink() {
  const frames: Frame[] = [];
  const sink: OmeEventSink & { ended: boolean } = {
    ended: false,
    write(frame) {
      const lines = Object.fromEntries(
        frame
          .trim()
          .split('\n')
          .map(l => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
      );
      frames.push({
        event: lines.event,
        id: lines.id,
        data: JSON.parse(lines.data),
      });
      return true;
    },
    onDrain() {},
    end() {
      sink.ended = true;
    },
  };
  return { frames, sink };
}

const isvc = (
  name: string,
  namespace = 'team-a',
  labels: Record<string, string> = {},
  generation = 1,
): KubernetesObject => ({
  apiVersion: 'ome.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name, namespace, labels, generation },
  spec: { model: { name: 'm' } },
});

const all: OmeItemFilter = () => true;
const tick = () => new Promise(resolve => setImmediate(resolve));
const changes = (frames: Frame[]) => frames.filter(f => f.event === 'change');

describe('OmeEventHub', () => {
  let feed: TestFeed;
  let hub: OmeEventHub;
  beforeEach(() => {
    feed = new TestFeed();
    hub = new OmeEventHub({ replayCapacity: 5, instanceId: 'inst1' });
    hub.start(feed);
  });
  afterEach(() => hub.stop());

  it('subscribes to the feed once and sends a change to a connected client', async () => {
    const { frames, sink } = recordingSink();
    hub.connect({ mayRead: all, subscription: {}, sink });
    hub.connect({ mayRead: all, subscription: {}, sink: recordingSink().sink });
    expect(feed.listeners.size).toBe(1);
    expect(frames.map(f => f.event)).toEqual(['ready']);
    feed.emit('ADDED', isvc('x'));
    await tick();
    const sent = changes(frames);
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toEqual({
      type: 'ADDED',
      cluster: 'a',
      kind: 'InferenceService',
      object: isvc('x'),
    });
    expect(parseEventId(sent[0].id)).toEqual({
      instance: 'inst1',
      seq: 1,
      versions: { a: '101' },
    });
  });

  it('carries one resourceVersion per cluster in every id', async () => {
    const { frames, sink } = recordingSink();
    hub.connect({ mayRead: all, subscription: {}, sink });
    feed.emit('ADDED', isvc('x'), 'a');
    feed.emit('ADDED', isvc('y'), 'b');
    await tick();
    expect(parseEventId(changes(frames)[1].id)?.versions).toEqual({
      a: '101',
      b: '102',
    });
  });

  it('coalesces changes of one object made in the same tick to its latest state', async () => {
    const { frames, sink } = recordingSink();
    hub.connect({ mayRead: all, subscription: {}, sink });
    feed.emit('MODIFIED', isvc('x', 'team-a', {}, 1));
    feed.emit('MODIFIED', isvc('y'));
    feed.emit('MODIFIED', isvc('x', 'team-a', {}, 3));
    await tick();
    const sent = changes(frames);
    expect(sent.map(f => f.data.object.metadata.name)).toEqual(['y', 'x']);
    expect(sent[1].data.object.metadata.generation).toBe(3);
    // ids go up, so the last one received is the position
    expect(parseEventId(sent[1].id)?.seq).toBe(3);
  });

  it('gives a client reconnecting with its last id exactly what it missed', async () => {
    const first = recordingSink();
    const connection = hub.connect({
      mayRead: all,
      subscription: {},
      sink: first.sink,
    });
    feed.emit('ADDED', isvc('x'));
    await tick();
    const lastId = changes(first.frames)[0].id;
    hub.disconnect(connection);
    expect(first.sink.ended).toBe(true);

    feed.emit('MODIFIED', isvc('x', 'team-a', {}, 2));
    feed.emit('ADDED', isvc('y'));
    feed.emit('MODIFIED', isvc('x', 'team-a', {}, 3));

    const second = recordingSink();
    hub.connect({
      mayRead: all,
      subscription: {},
      sink: second.sink,
      lastEventId: lastId,
    });
    expect(second.frames.map(f => f.event)).toEqual([
      'change',
      'change',
      'ready',
    ]);
    expect(
      changes(second.frames).map(f => [
        f.data.object.metadata.name,
        f.data.object.metadata.generation,
      ]),
    ).toEqual([
      ['y', 1],
      ['x', 3],
    ]);
    // and the live stream continues from there
    feed.emit('DELETED', isvc('y'));
    await tick();
    expect(changes(second.frames).map(f => f.data.type)).toEqual([
      'ADDED',
      'MODIFIED',
      'DELETED',
    ]);
  });

  it('replays nothing to a client that has seen everything (the ready id)', () => {
    const first = recordingSink();
    hub.connect({ mayRead: all, subscription: {}, sink: first.sink });
    const readyId = first.frames[0].id;
    const second = recordingSink();
    hub.connect({
      mayRead: all,
      subscription: {},
      sink: second.sink,
      lastEventId: readyId,
    });
    expect(second.frames.map(f => f.event)).toEqual(['ready']);
  });

  it('answers reset to an id older than the replay window', () => {
    const { frames, sink } = recordingSink();
    hub.connect({ mayRead: all, subscription: {}, sink });
    const readyId = frames[0].id;
    for (let i = 0; i < 6; i++) feed.emit('ADDED', isvc(`m${i}`));
    const late = recordingSink();
    hub.connect({
      mayRead: all,
      subscription: {},
      sink: late.sink,
      lastEventId: readyId,
    });
    expect(late.frames.map(f => f.event)).toEqual(['reset', 'ready']);
  });

  it('answers reset to an id of another replica, a future id and garbage', () => {
    feed.emit('ADDED', isvc('x'));
    const ids = [
      formatEventId({ instance: 'other', seq: 1, versions: { a: '101' } }),
      formatEventId({ instance: 'inst1', seq: 99, versions: { a: '101' } }),
      formatEventId({ instance: 'inst1', seq: 1, versions: { a: '999' } }),
      'not-an-id',
    ];
    expect(ids.length).toBeGreaterThan(0);
    for (const lastEventId of ids) {
      const { frames, sink } = recordingSink();
      hub.connect({ mayRead: all, subscription: {}, sink, lastEventId });
      expect(frames.map(f => f.event)).toEqual(['reset', 'ready']);
    }
  });

  it('tells a client nothing about objects it may not read', async () => {
    const onlyTeamA: OmeItemFilter = item =>
      item.object.metadata?.namespace === 'team-a';
    const { frames, sink } = recordingSink();
    hub.connect({ mayRead: onlyTeamA, subscription: {}, sink });
    feed.emit('ADDED', isvc('secret', 'team-b'));
    feed.emit('MODIFIED', isvc('secret', 'team-b', {}, 2));
    feed.emit('DELETED', isvc('secret', 'team-b', {}, 2));
    feed.emit('ADDED', isvc('mine', 'team-a'));
    await tick();
    expect(changes(frames).map(f => f.data.object.metadata.name)).toEqual([
      'mine',
    ]);
    expect(JSON.stringify(frames)).not.toContain('secret');
  });

  it('sends an object relabelled out of the client scope as a delete of its identity only', async () => {
    const labelled: OmeItemFilter = item =>
      item.object.metadata?.labels?.team === 'a';
    const { frames, sink } = recordingSink();
    hub.connect({ mayRead: labelled, subscription: {}, sink });
    feed.emit('ADDED', isvc('x', 'ns', { team: 'a' }));
    await tick();
    feed.emit('MODIFIED', isvc('x', 'ns', { team: 'b' }, 2));
    await tick();
    feed.emit('MODIFIED', isvc('x', 'ns', { team: 'b' }, 3));
    await tick();
    const sent = changes(frames);
    expect(sent.map(f => f.data.type)).toEqual(['ADDED', 'DELETED']);
    expect(sent[1].data.object).toEqual({
      apiVersion: 'ome.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'x', namespace: 'ns' },
    });
  });

  it('replays a relabel out of scope followed by more changes as a delete', async () => {
    const labelled: OmeItemFilter = item =>
      item.object.metadata?.labels?.team === 'a';
    const first = recordingSink();
    hub.connect({ mayRead: labelled, subscription: {}, sink: first.sink });
    feed.emit('ADDED', isvc('x', 'ns', { team: 'a' }));
    await tick();
    const lastId = changes(first.frames)[0].id;
    feed.emit('MODIFIED', isvc('x', 'ns', { team: 'b' }, 2));
    feed.emit('MODIFIED', isvc('x', 'ns', { team: 'b' }, 3));
    const second = recordingSink();
    hub.connect({
      mayRead: labelled,
      subscription: {},
      sink: second.sink,
      lastEventId: lastId,
    });
    expect(changes(second.frames).map(f => f.data.type)).toEqual(['DELETED']);
  });

  it('sends only the subscribed kinds, clusters and namespaces', async () => {
    const { frames, sink } = recordingSink();
    hub.connect({
      mayRead: all,
      subscription: {
        kinds: ['InferenceService', 'ClusterBaseModel'],
        clusters: ['a'],
        namespaces: ['team-a'],
      },
      sink,
    });
    feed.emit('ADDED', isvc('in'));
    feed.emit('ADDED', isvc('other-ns', 'team-b'));
    feed.emit('ADDED', isvc('other-cluster'), 'b');
    feed.emit(
      'ADDED',
      { ...isvc('rt'), kind: 'ServingRuntime' },
      'a',
      'ServingRuntime',
    );
    feed.emit(
      'ADDED',
      {
        apiVersion: 'ome.io/v1beta1',
        kind: 'ClusterBaseModel',
        metadata: { name: 'cbm' },
      },
      'a',
      'ClusterBaseModel',
    );
    await tick();
    expect(changes(frames).map(f => f.data.object.metadata.name)).toEqual([
      'in',
      'cbm',
    ]);
  });

  it('waits for a slow client and then sends each object once, in its latest state', async () => {
    const frames: string[] = [];
    let drain = () => {};
    let full = true;
    const sink: OmeEventSink = {
      write(frame) {
        frames.push(frame);
        return !full;
      },
      onDrain(listener) {
        drain = listener;
      },
      end() {},
    };
    hub.connect({ mayRead: all, subscription: {}, sink }); // ready fills the buffer
    feed.emit('MODIFIED', isvc('x', 'team-a', {}, 1));
    await tick();
    feed.emit('MODIFIED', isvc('x', 'team-a', {}, 2));
    feed.emit('MODIFIED', isvc('x', 'team-a', {}, 3));
    await tick();
    expect(frames).toHaveLength(1);
    full = false;
    drain();
    expect(frames).toHaveLength(2);
    expect(frames[1]).toContain('"generation":3');
  });

  it('sends a heartbeat with the current position only when nothing is pending', async () => {
    const { frames, sink } = recordingSink();
    const connection = hub.connect({
      mayRead: () => false,
      subscription: {},
      sink,
    });
    feed.emit('ADDED', isvc('x'));
    connection.heartbeat();
    const beat = frames.find(f => f.event === 'heartbeat');
    expect(beat?.id).toBe(hub.headId());
    expect(parseEventId(beat!.id)?.seq).toBe(1);
  });
});
