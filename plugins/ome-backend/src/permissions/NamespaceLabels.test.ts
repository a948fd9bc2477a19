import { OmeListItem } from '@ome-console/plugin-ome-common';
import { KubernetesProxyClient } from '../service/KubernetesProxyClient';
import { NamespaceLabels } from './NamespaceLabels';

type Answer = {
  items: Array<{ metadata: { name: string; labels?: Record<string, string> } }>;
};

/** A promise settled by the test, to hold a cluster's answer in flight. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * NamespaceLabels over a client whose `request` answers from `answers` in order (a value,
 * an Error to throw, or a deferred to settle later), with a clock the test moves.
 */
function labelsWith(...answers: Array<Answer | Error | Promise<Answer>>) {
  let clock = 1_000_000;
  const request = jest.fn(async () => {
    const next = answers.shift();
    if (next === undefined) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  });
  const labels = new NamespaceLabels({
    client: { request } as unknown as KubernetesProxyClient,
    ttlMs: 10_000,
    now: () => clock,
  });
  return {
    labels,
    request,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const nsList = (teamOf: Record<string, string>): Answer => ({
  items: Object.entries(teamOf).map(([name, team]) => ({
    metadata: { name, labels: { 'ome.io/team': team } },
  })),
});

const item = (cluster: string, namespace?: string): OmeListItem => ({
  cluster,
  object: {
    apiVersion: 'ome.io/v1beta1',
    kind: namespace ? 'BaseModel' : 'ClusterBaseModel',
    metadata: { name: 'm', ...(namespace && { namespace }) },
  },
});

describe('NamespaceLabels', () => {
  it("reads a cluster's namespaces as the OME backend (never impersonated) and maps name to labels", async () => {
    const { labels, request } = labelsWith(
      nsList({ 'team-a': 'a', 'team-b': 'b' }),
    );
    const map = await labels.of('ome-dev-a');
    expect(map && Object.fromEntries(map)).toEqual({
      'team-a': { 'ome.io/team': 'a' },
      'team-b': { 'ome.io/team': 'b' },
    });
    expect(request).toHaveBeenCalledWith('ome-dev-a', '/api/v1/namespaces', {
      asPlugin: true,
    });
  });

  it('reuses the labels until the expiry, then reads again (clock injected, no sleeps)', async () => {
    const { labels, request, advance } = labelsWith(
      nsList({ 'team-a': 'old' }),
      nsList({ 'team-a': 'new' }),
    );
    expect((await labels.of('c'))?.get('team-a')).toEqual({
      'ome.io/team': 'old',
    });
    advance(9_999);
    expect((await labels.of('c'))?.get('team-a')).toEqual({
      'ome.io/team': 'old',
    });
    expect(request).toHaveBeenCalledTimes(1);
    advance(1);
    expect((await labels.of('c'))?.get('team-a')).toEqual({
      'ome.io/team': 'new',
    });
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('keeps one entry per cluster', async () => {
    const { labels, request } = labelsWith(
      nsList({ x: 'from-a' }),
      nsList({ x: 'from-b' }),
    );
    expect((await labels.of('a'))?.get('x')).toEqual({
      'ome.io/team': 'from-a',
    });
    expect((await labels.of('b'))?.get('x')).toEqual({
      'ome.io/team': 'from-b',
    });
    expect((await labels.of('a'))?.get('x')).toEqual({
      'ome.io/team': 'from-a',
    });
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('shares one read between concurrent callers', async () => {
    const answer = deferred<Answer>();
    const { labels, request } = labelsWith(answer.promise);
    const both = Promise.all([labels.of('c'), labels.of('c')]);
    answer.resolve(nsList({ n: 't' }));
    const [first, second] = await both;
    expect(first).toBe(second);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('an unreadable cluster gives undefined, not "no labels", and the failure is not kept', async () => {
    const { labels, request } = labelsWith(
      new Error('Forbidden'),
      nsList({ 'team-a': 'a' }),
    );
    expect(await labels.of('c')).toBeUndefined();
    // The next decision reads again at once (no waiting for an expiry).
    expect((await labels.of('c'))?.get('team-a')).toEqual({
      'ome.io/team': 'a',
    });
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('a late failure of an expired read does not drop the newer read that replaced it', async () => {
    const slow = deferred<Answer>();
    const { labels, request, advance } = labelsWith(
      slow.promise,
      nsList({ 'team-a': 'fresh' }),
    );
    const first = labels.of('c');
    advance(10_000); // the first read expires while still in flight
    expect((await labels.of('c'))?.get('team-a')).toEqual({
      'ome.io/team': 'fresh',
    });
    slow.reject(new Error('connection reset'));
    expect(await first).toBeUndefined();
    // Still the fresh read's labels, without a third request.
    expect((await labels.of('c'))?.get('team-a')).toEqual({
      'ome.io/team': 'fresh',
    });
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('enrich: namespaced items get their labels, unknown namespaces none, unreadable clusters are marked, cluster-scoped items stay as they are', async () => {
    const { labels } = labelsWith(nsList({ 'team-a': 'a' }), new Error('down'));
    const items = [
      item('ok', 'team-a'),
      item('ok', 'gone'),
      item('ok'),
      item('down', 'team-a'),
      item('down'),
    ];
    const enriched = await labels.enrich(items);
    expect(enriched).toEqual([
      { ...items[0], namespaceLabels: { 'ome.io/team': 'a' } },
      items[1],
      items[2],
      { ...items[3], namespaceLabelsUnavailable: true },
      items[4],
    ]);
  });
});
