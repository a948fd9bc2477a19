// Benchmark 3: the backend's memory as its cache grows. Measured in the backend process itself
// (bench/backend.cjs runs with --expose-gc): after two global.gc() calls it reports
// process.memoryUsage() over its IPC channel. Taken once the cache holds each size (and with
// no bench objects, as the baseline), before any list load at that size.
import { fmt, fmtBytes, formatTable } from './stats.mjs';

export const MEMORY_METHOD =
  'RSS and V8 heapUsed of the backend process, read with process.memoryUsage() right after two global.gc() ' +
  '(node --expose-gc), asked over the IPC channel of the child process, once the OME cache holds the size';

/** A memory sample of the backend with `objects` bench objects cached. */
export async function sampleMemory(backend, objects) {
  const usage = await backend.memory();
  return { objects, rss: usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external };
}

/**
 * Per 10,000 cached objects (the slope between the smallest and the largest size) and the
 * growth from the smallest to the largest size.
 */
export function memorySummary(samples) {
  const sized = samples.filter(s => s.objects > 0).sort((a, b) => a.objects - b.objects);
  if (sized.length < 2) return { samples };
  const lo = sized[0];
  const hi = sized[sized.length - 1];
  const per10k = key => ((hi[key] - lo[key]) / (hi.objects - lo.objects)) * 10_000;
  return {
    samples,
    from: lo.objects,
    to: hi.objects,
    rssPer10k: per10k('rss'),
    heapUsedPer10k: per10k('heapUsed'),
    rssGrowth: hi.rss - lo.rss,
    heapUsedGrowth: hi.heapUsed - lo.heapUsed,
    rssGrowthRatio: hi.rss / lo.rss,
    heapUsedGrowthRatio: hi.heapUsed / lo.heapUsed,
  };
}

export function memoryTable(summary) {
  const rows = summary.samples.map(s => [s.objects, fmtBytes(s.rss), fmtBytes(s.heapUsed), fmtBytes(s.heapTotal)]);
  let text = formatTable(['cached bench objects', 'RSS', 'heapUsed', 'heapTotal'], rows);
  if (summary.rssPer10k !== undefined) {
    text +=
      `\nper 10,000 cached objects (slope ${summary.from} -> ${summary.to}): RSS ${fmtBytes(summary.rssPer10k)}, ` +
      `heapUsed ${fmtBytes(summary.heapUsedPer10k)}` +
      `\ngrowth ${summary.from} -> ${summary.to}: RSS +${fmtBytes(summary.rssGrowth)} (${fmt(summary.rssGrowthRatio, 2)}x), ` +
      `heapUsed +${fmtBytes(summary.heapUsedGrowth)} (${fmt(summary.heapUsedGrowthRatio, 2)}x)`;
  }
  return text;
}
