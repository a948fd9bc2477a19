/** One server-sent event as the wire format defines it (html.spec.whatwg.org, "server-sent events"). */
export interface ServerSentEvent {
  event: string;
  id?: string;
  data: string;
}

/**
 * An incremental reader of the `text/event-stream` format, fed decoded text chunks as
 * they arrive (a chunk may end anywhere, even inside a line). `EventSource` would parse
 * this itself, but it cannot send the Backstage token, so the stream is read over fetch.
 */
export class ServerSentEventParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];
  #id: string | undefined;

  /** The events completed by `chunk`. */
  push(chunk: string): ServerSentEvent[] {
    this.#buffer += chunk;
    const out: ServerSentEvent[] = [];
    const lines = this.#buffer.split(/\r\n|\r|\n/);
    // The last piece is an unfinished line (or '' after a line break): keep it.
    this.#buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (this.#data.length || this.#event) {
          out.push({
            event: this.#event || 'message',
            data: this.#data.join('\n'),
            ...(this.#id !== undefined && { id: this.#id }),
          });
        }
        this.#event = '';
        this.#data = [];
        this.#id = undefined;
        continue;
      }
      if (line.startsWith(':')) continue; // a comment
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.#event = value;
      else if (field === 'data') this.#data.push(value);
      else if (field === 'id' && !value.includes('\0')) this.#id = value;
    }
    return out;
  }
}
