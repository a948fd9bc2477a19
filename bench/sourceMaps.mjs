// Which source file each byte of a built JavaScript file came from, read from its source map
// (version 3, as Rspack's production build writes next to every chunk). Pure functions, so
// scripts/bench.test.mjs checks them with a tiny hand-made map.
import zlib from 'node:zlib';

const BASE64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one segment of a `mappings` string (base64 VLQ) into its numbers. */
export function decodeVlq(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = DIGIT.get(c);
    if (digit === undefined)
      throw new Error(`source map: bad VLQ character "${c}" in "${segment}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  if (shift) throw new Error(`source map: VLQ "${segment}" ends mid-number`);
  return out;
}

/**
 * The generated text split into spans, each with the source it maps to (`null`: code no
 * source claims, such as the bundler's runtime glue). Columns are UTF-16 offsets within a
 * line, as in the source map spec; a segment's span ends where the next one starts.
 * @param {string} code  the built file
 * @param {{ sources: string[], mappings: string }} map
 * @returns {Array<{ source: string | null, text: string }>}
 */
export function mappedSpans(code, map) {
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  const spans = [];
  let sourceIndex = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l] + (l < lines.length - 1 ? '\n' : '');
    const segments = (mappingLines[l] ?? '').split(',').filter(Boolean);
    let column = 0;
    const starts = [];
    for (const seg of segments) {
      const fields = decodeVlq(seg);
      column += fields[0];
      let source = null;
      if (fields.length >= 4) {
        sourceIndex += fields[1];
        source = map.sources[sourceIndex] ?? null;
      }
      starts.push({ column, source });
    }
    if (!starts.length || starts[0].column > 0)
      starts.unshift({ column: 0, source: null });
    for (let s = 0; s < starts.length; s++) {
      const end = s + 1 < starts.length ? starts[s + 1].column : line.length;
      const text = line.slice(starts[s].column, end);
      if (text) spans.push({ source: starts[s].source, text });
    }
  }
  return spans;
}

/**
 * Sorts a source path into a group: `plugins/ome`, `plugins/ome-common`, `dependencies`
 * (anything under node_modules that is not one of those two), `app and other` (the example
 * app, bundler runtime, unmapped bytes).
 */
export function sourceGroup(source) {
  if (!source) return 'app and other';
  const p = source.replace(/\\/g, '/');
  const workspace = p.match(/(?:^|\/)plugins\/(ome|ome-common)\/(.*)$/);
  if (workspace && !workspace[2].includes('node_modules/'))
    return `plugins/${workspace[1]}`;
  const linked = p.match(
    /node_modules\/@ome-console\/plugin-(ome|ome-common)\/(.*)$/,
  );
  if (linked && !linked[2].includes('node_modules/'))
    return `plugins/${linked[1]}`;
  if (p.includes('node_modules/')) return 'dependencies';
  return 'app and other';
}

export const GZIP_LEVEL = 6; // zlib's default, what compression middleware sends

export function gzipSize(text) {
  return zlib.gzipSync(Buffer.from(text, 'utf8'), { level: GZIP_LEVEL }).length;
}

/**
 * Bytes per group of one built file: raw (minified) bytes exactly, and gzip of the group's
 * spans of this file concatenated (so each group is compressed on its own, as if it were a
 * file of its own; the groups' gzip sizes add up to a little more than the file's gzip).
 * @returns {{ bytes: number, gzip: number, groups: Record<string, { bytes: number, gzip: number }> }}
 */
export function attributeFile(code, map, group = sourceGroup) {
  const texts = {};
  for (const span of mappedSpans(code, map)) {
    const g = group(span.source);
    (texts[g] ??= []).push(span.text);
  }
  const groups = {};
  for (const [g, parts] of Object.entries(texts)) {
    const text = parts.join('');
    groups[g] = { bytes: Buffer.byteLength(text), gzip: gzipSize(text) };
  }
  return { bytes: Buffer.byteLength(code), gzip: gzipSize(code), groups };
}

/** Sums attributeFile results of several files. */
export function sumAttributions(files) {
  const total = { files: files.length, bytes: 0, gzip: 0, groups: {} };
  for (const f of files) {
    total.bytes += f.bytes;
    total.gzip += f.gzip;
    for (const [g, v] of Object.entries(f.groups)) {
      const t = (total.groups[g] ??= { bytes: 0, gzip: 0 });
      t.bytes += v.bytes;
      t.gzip += v.gzip;
    }
  }
  return total;
}
