import { OmeStreamEventName } from '@ome-console/plugin-ome-common';

/**
 * One server-sent event frame. `data` is JSON on one line (JSON.stringify never emits a raw
 * line break), so the frame needs no splitting into several `data:` lines.
 */
export function sseFrame(
  event: OmeStreamEventName,
  id: string,
  data: unknown,
): string {
  return `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Where a connection writes its frames (an HTTP response, or a test's array). */
export interface OmeEventSink {
  /** Writes one frame and sends it at once; false when the peer is not reading (wait for `onDrain`). */
  write(frame: string): boolean;
  onDrain(listener: () => void): void;
  /** Ends the stream (the client reconnects with its last id). */
  end(): void;
}
