/**
 * Where a client stands in this backend's change stream: the instance (process) that numbered
 * the events, the number of the last event, and the resourceVersion each cluster was at then.
 * The id of every event is this position, so a `Last-Event-ID` from another replica (another
 * cache, other numbers) is recognised and answered with `reset`. resourceVersions are opaque:
 * they are carried and compared for equality only, never ordered.
 */
export interface OmeStreamPosition {
  instance: string;
  seq: number;
  versions: Readonly<Record<string, string>>;
}

/** `<instance>.<seq>.<base64url JSON of cluster → resourceVersion>`. */
export function formatEventId(position: OmeStreamPosition): string {
  const versions = Buffer.from(JSON.stringify(position.versions)).toString(
    'base64url',
  );
  return `${position.instance}.${position.seq}.${versions}`;
}

/** The position an event id names, or undefined for anything this backend did not write. */
export function parseEventId(id: string): OmeStreamPosition | undefined {
  const match = /^([A-Za-z0-9-]+)\.(\d+)\.([A-Za-z0-9_-]*)$/.exec(id.trim());
  if (!match) return undefined;
  const seq = Number(match[2]);
  if (!Number.isSafeInteger(seq)) return undefined;
  try {
    const versions = JSON.parse(
      Buffer.from(match[3], 'base64url').toString('utf8'),
    );
    if (
      !versions ||
      typeof versions !== 'object' ||
      Array.isArray(versions) ||
      Object.values(versions).some(v => typeof v !== 'string')
    ) {
      return undefined;
    }
    return { instance: match[1], seq, versions };
  } catch {
    return undefined;
  }
}
