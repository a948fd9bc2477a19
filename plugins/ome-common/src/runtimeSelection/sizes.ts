/**
 * Parameter sizes ("7B", "1.5T", "560M") as OME's selector reads them
 * (parseModelSize in pkg/runtimeselector/matcher.go).
 */

const MULTIPLIERS: Array<[string, number]> = [
  ['T', 1_000_000_000_000],
  ['B', 1_000_000_000],
  ['M', 1_000_000],
];

/**
 * Number of parameters. Quirks of pkg/runtimeselector/matcher.go (parseModelSize): only the
 * upper-case suffixes T, B and M are understood (`7b` is not), a bare number counts as
 * parameters, and anything that does not parse as a number counts as 0, so a malformed size is
 * below every range rather than an error.
 * @public
 */
export function parseModelSize(size: string): number {
  let text = size;
  let multiplier = 1;
  for (const [suffix, m] of MULTIPLIERS) {
    if (text.endsWith(suffix)) {
      multiplier = m;
      text = text.slice(0, -suffix.length);
      break;
    }
  }
  // Go's strconv.ParseFloat: decimal or exponent notation, Inf and NaN; no spaces.
  if (/^[+-]?(inf|infinity)$/i.test(text)) {
    return (text.startsWith('-') ? -Infinity : Infinity) * multiplier;
  }
  if (/^[+-]?nan$/i.test(text)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return 0;
  return Number(text) * multiplier;
}

/** "1B-13B" and friends for reason texts. */
export function formatSizeRange(range: { min?: string; max?: string }): string {
  return `${range.min ?? '?'}-${range.max ?? '?'}`;
}
