import { ServerSentEventParser } from './serverSentEvents';

describe('ServerSentEventParser', () => {
  it('reads events split anywhere across chunks', () => {
    const text =
      'event: ready\nid: a.0.e30\ndata: {}\n\n: comment\nevent: change\nid: a.1.e30\ndata: {"x":1}\n\ndata: one\ndata: two\n\n';
    const parser = new ServerSentEventParser();
    const events = [];
    for (let i = 0; i < text.length; i += 7) {
      events.push(...parser.push(text.slice(i, i + 7)));
    }
    expect(events).toEqual([
      { event: 'ready', id: 'a.0.e30', data: '{}' },
      { event: 'change', id: 'a.1.e30', data: '{"x":1}' },
      { event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('accepts CRLF line ends and fields without a space', () => {
    const parser = new ServerSentEventParser();
    expect(parser.push('event:reset\r\nid:x\r\ndata:{}\r\n\r\n')).toEqual([
      { event: 'reset', id: 'x', data: '{}' },
    ]);
  });
});
