/**
 * @jest-environment node
 */
import { OmeChangeEvent } from '@ome-console/plugin-ome-common';
import { OmeChangeNotice } from './OmeChangeStreamApi';
import { OmeChangeStreamClient } from './OmeChangeStreamClient';

/** A server-sent event response whose frames the test pushes. */
function streamResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, {
      headers: { 'Content-Type': 'text/event-stream' },
    }),
    send(event: string, id: string, data: unknown) {
      controller.enqueue(
        encoder.encode(
          `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`,
        ),
      );
    },
    end() {
      controller.close();
    },
  };
}

const change = (name: string, kind = 'InferenceService'): OmeChangeEvent => ({
  type: 'MODIFIED',
  cluster: 'a',
  kind: kind as OmeChangeEvent['kind'],
  object: {
    apiVersion: 'ome.io/v1beta1',
    kind,
    metadata: { name, namespace: 'ns' },
  },
});

/** Resolves once `predicate` holds, checking after each macrotask (bounded). */
async function until(predicate: () => boolean) {
  for (let i = 0; i < 200 && !predicate(); i++) {
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  expect(predicate()).toBe(true);
}

describe('OmeChangeStreamClient', () => {
  it('shares one stream, dispatches by filter, and reconnects with the last event id', async () => {
    const streams: ReturnType<typeof streamResponse>[] = [];
    const requests: { url: string; lastEventId?: string }[] = [];
    const fetchApi = {
      fetch: jest.fn(async (url: string, init?: RequestInit) => {
        const headers = (init?.headers ?? {}) as Record<string, string>;
        requests.push({ url, lastEventId: headers['Last-Event-ID'] });
        const s = streamResponse();
        streams.push(s);
        return s.response;
      }),
    };
    const client = new OmeChangeStreamClient({
      discoveryApi: { getBaseUrl: async () => 'http://localhost/api/ome' },
      fetchApi: fetchApi as any,
      initialBackoffMs: 1,
      idleCloseMs: 1,
    });
    const one: OmeChangeNotice[] = [];
    const other: OmeChangeNotice[] = [];
    const unsubscribeOne = client.subscribe(
      { kinds: ['InferenceService'], name: 'x' },
      n => one.push(n),
    );
    await until(() => streams.length === 1);
    streams[0].send('ready', 'i.0.e30', {});
    streams[0].send('change', 'i.1.e30', change('x'));
    streams[0].send('change', 'i.2.e30', change('y'));
    await until(() => one.length === 1);
    expect(one).toEqual([{ type: 'change', change: change('x') }]);

    // a new kind: a new stream carrying both, resuming from the last id
    const unsubscribeOther = client.subscribe({ kinds: ['BaseModel'] }, n =>
      other.push(n),
    );
    await until(() => streams.length === 2);
    expect(requests[1].url).toBe(
      'http://localhost/api/ome/events?kind=basemodels&kind=inferenceservices',
    );
    expect(requests[1].lastEventId).toBe('i.2.e30');

    // the stream drops: the client reconnects with its last id; a reset reaches everyone
    streams[1].send('reset', 'i.5.e30', {});
    await until(() => other.length === 1);
    streams[1].end();
    await until(() => streams.length === 3);
    expect(requests[2].lastEventId).toBe('i.5.e30');
    expect(one.at(-1)).toEqual({ type: 'reset' });
    expect(other).toEqual([{ type: 'reset' }]);
    streams[2].send('change', 'i.6.e30', change('b', 'BaseModel'));
    await until(() => other.length === 2);
    expect(one).toHaveLength(2);
    expect(fetchApi.fetch).toHaveBeenCalledTimes(3);
    unsubscribeOne();
    unsubscribeOther();
    // with no subscriber left the stream closes (its body is cancelled)
    await until(() => streams.length === 3);
  });
});
