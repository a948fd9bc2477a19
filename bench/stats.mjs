// Pure helpers of `npm run bench`: percentiles, summaries, ratios and the printed tables.
// No I/O here, so scripts/bench.test.mjs can check them with `node --test`.

/**
 * The p-th percentile (0..100) of `values` by the nearest-rank method (a value that was
 * actually observed, never an interpolation). Undefined for an empty list.
 * @param {number[]} values
 * @param {number} p
 */
export function percentile(values, p) {
  if (!values.length) return undefined;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** count, p50, p95, max and mean of a list of samples (undefined fields when empty). */
export function summarize(values) {
  const n = values.length;
  return {
    count: n,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: n ? values.reduce((a, b) => Math.max(a, b), -Infinity) : undefined,
    mean: n ? values.reduce((a, b) => a + b, 0) / n : undefined,
  };
}

/** a / b, or undefined when either is missing or b is 0 (a ratio that cannot be computed is not 0 or Infinity). */
export function ratio(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) {
    return undefined;
  }
  return a / b;
}

/** A number for a table cell: `digits` decimals, thousands kept readable; '-' for missing. */
export function fmt(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(value)) return '-';
  if (typeof value !== 'number') return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio cell such as `3.2x`. */
export function fmtRatio(value) {
  return value === undefined ? '-' : `${fmt(value, value >= 10 ? 0 : 2)}x`;
}

/** Bytes as KiB/MiB with one decimal. */
export function fmtBytes(bytes) {
  if (bytes === undefined || bytes === null) return '-';
  const abs = Math.abs(bytes);
  if (abs >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024), 1)} MiB`;
  if (abs >= 1024) return `${fmt(bytes / 1024, 1)} KiB`;
  return `${fmt(bytes, 0)} B`;
}

/**
 * A plain-text table (GitHub-flavoured markdown, so the README can take it as printed):
 * numeric-looking cells right-aligned, every column as wide as its widest cell.
 * @param {string[]} headers
 * @param {Array<Array<string | number | undefined>>} rows
 */
export function formatTable(headers, rows) {
  const cells = rows.map(r => headers.map((_, i) => (r[i] === undefined ? '-' : String(r[i]))));
  const widths = headers.map((h, i) => Math.max(h.length, 3, ...cells.map(r => r[i].length)));
  const numeric = headers.map((_, i) => cells.length > 0 && cells.every(r => /^[-+]?[\d,.]+( ?[a-zA-Z%/]+)?$|^-$/.test(r[i])));
  const pad = (s, i) => (numeric[i] ? s.padStart(widths[i]) : s.padEnd(widths[i]));
  const line = r => `| ${r.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(headers), rule, ...cells.map(line)].join('\n');
}

/**
 * Parses a comma-separated list of counts such as `1000,5000`: whole numbers >= `min`,
 * returned ascending and unique. Throws naming the flag and the bad value.
 */
export function parseCounts(text, { flag, min = 1 }) {
  const parts = String(text ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  if (!parts.length) throw new Error(`${flag}: expected a comma-separated list of counts, e.g. 1000,5000`);
  const counts = parts.map(p => {
    if (!/^\d+$/.test(p) || Number(p) < min) throw new Error(`${flag}: "${p}" is not a whole number >= ${min}`);
    return Number(p);
  });
  return [...new Set(counts)].sort((a, b) => a - b);
}

/** `--sizes 1000,5000`: object counts, at least 2 (one object per cluster). */
export function parseSizes(text) {
  return parseCounts(text, { flag: '--sizes', min: 2 });
}
