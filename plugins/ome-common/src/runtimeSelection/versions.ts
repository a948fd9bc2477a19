/**
 * Model format and framework versions, as OME parses and compares them
 * (pkg/modelver/util.go) and as its matcher applies the selector operators
 * (compareModelFormatVersions in pkg/runtimeselector/matcher.go).
 */

/** A version as OME's modelver parses it. @public */
export interface ModelVersion {
  major: bigint;
  majorPrefix: string;
  minor: bigint;
  patch: bigint;
  pre: string[];
  build: string[];
  dev: string[];
  /** How many of major.minor.patch were written (1, 2 or 3). */
  precision: number;
}

const UINT64_MAX = (1n << 64n) - 1n;

function parseNumeric(s: string, field: string): bigint {
  // Go's strconv.ParseUint: digits only, no sign, no empty string, at most 2^64-1;
  // modelver adds: no leading zeroes.
  if (!/^[0-9]+$/.test(s)) {
    throw new Error(`invalid character(s) in ${field} number "${s}"`);
  }
  if (s.length > 1 && s.startsWith('0')) {
    throw new Error(`${field} must not have leading zeroes: "${s}"`);
  }
  const n = BigInt(s);
  if (n > UINT64_MAX) throw new Error(`${field} number "${s}" out of range`);
  return n;
}

function metadata(parts: string[], what: string): string[] {
  for (const p of parts) {
    if (p.length === 0) throw new Error(`${what} meta data is empty`);
  }
  return parts;
}

/** Go's strings.SplitN(s, ".", 3): the third part keeps any further dots. */
function splitN3(s: string): string[] {
  const first = s.indexOf('.');
  if (first < 0) return [s];
  const second = s.indexOf('.', first + 1);
  if (second < 0) return [s.slice(0, first), s.slice(first + 1)];
  return [s.slice(0, first), s.slice(first + 1, second), s.slice(second + 1)];
}

/**
 * Parses `4.51.3-SAM-HQ-preview`, `4.43.0.dev0`, `4.43.0+build`, `v0.8.0`, `1`, `1.12`.
 * Quirks of pkg/modelver/util.go kept here: only a lowercase `v` prefix is accepted; a missing
 * minor or patch counts as 0 but `precision` remembers it; build (`+`) is cut off first, then the
 * pre-release (`-`), then a dev suffix (anything after a third `.`), all from the patch part only.
 * Throws on anything else.
 * @public
 */
export function parseModelVersion(s: string): ModelVersion {
  if (s.length === 0) throw new Error('Version string empty');
  const parts = splitN3(s);
  const precision = parts.length;
  let majorStr = parts[0];
  let majorPrefix = '';
  if (majorStr.startsWith('v')) {
    majorPrefix = 'v';
    majorStr = majorStr.slice(1);
  }
  const major = parseNumeric(majorStr, 'major');
  const minor = parseNumeric(precision > 1 ? parts[1] : '0', 'minor');
  let patchStr = precision > 2 ? parts[2] : '0';
  let build: string[] = [];
  let pre: string[] = [];
  let dev: string[] = [];
  const buildIndex = patchStr.indexOf('+');
  if (buildIndex !== -1) {
    build = patchStr.slice(buildIndex + 1).split('.');
    patchStr = patchStr.slice(0, buildIndex);
  }
  const preIndex = patchStr.indexOf('-');
  if (preIndex !== -1) {
    pre = patchStr.slice(preIndex + 1).split('.');
    patchStr = patchStr.slice(0, preIndex);
  }
  const devIndex = patchStr.indexOf('.');
  if (devIndex !== -1) {
    dev = patchStr.slice(devIndex + 1).split('.');
    patchStr = patchStr.slice(0, devIndex);
  }
  const patch = parseNumeric(patchStr, 'patch');
  return {
    major,
    majorPrefix,
    minor,
    patch,
    pre: metadata(pre, 'prerelease'),
    build: metadata(build, 'build'),
    dev: metadata(dev, 'dev'),
    precision,
  };
}

/** A pre-release, build or dev part makes a version "unofficial" (pkg/modelver/util.go). @public */
export function isUnofficialVersion(v: ModelVersion): boolean {
  return v.pre.length > 0 || v.build.length > 0 || v.dev.length > 0;
}

function cmp<T extends bigint | number | string>(a: T, b: T): number {
  if (a > b) return 1;
  if (a < b) return -1;
  return 0;
}

function compareParts(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return cmp(a[i], b[i]);
  }
  return cmp(a.length, b.length);
}

/**
 * -1, 0 or 1. Quirks of pkg/modelver/util.go (CompareVersion): pre-release, build and dev parts
 * all take part, each compared as plain strings part by part (so `beta` sorts after `alpha`
 * and `1.8.0-alpha` after `1.8.0`, unlike semver), and neither the prefix nor the precision does
 * (`1` equals `1.0.0`).
 * @public
 */
export function compareModelVersions(v: ModelVersion, o: ModelVersion): number {
  return (
    cmp(v.major, o.major) ||
    cmp(v.minor, o.minor) ||
    cmp(v.patch, o.patch) ||
    compareParts(v.pre, o.pre) ||
    compareParts(v.build, o.build) ||
    compareParts(v.dev, o.dev)
  );
}

/** Why a version requirement failed, for the reason text. @public */
export type VersionMismatch =
  | 'unparsable'
  | 'unofficial-not-equal'
  | 'precision'
  | 'prefix'
  | 'operator';

/**
 * Whether a model's version satisfies a runtime's requirement, as OME's matcher decides
 * (compareModelFormatVersions / compareModelFrameworkVersions in pkg/runtimeselector/matcher.go).
 * Returns undefined when it does, else what failed. Quirks kept:
 * - the operators compare the RUNTIME's version to the model's: "GreaterThan" means the runtime's
 *   version is greater than the model's, i.e. the model's must be lower;
 * - a missing operator means "Equal"; an unknown one also ends in an equality test;
 * - if either version is unofficial (pre-release, build or dev part), only equality counts,
 *   whatever the operator;
 * - for any other operator than "Equal", versions written with a different number of parts
 *   (`1.0` against `1.0.0`) or with and without the `v` prefix never match;
 * - a version that does not parse never matches.
 * @public
 */
export function versionMismatch(
  runtimeVersion: string,
  modelVersion: string,
  operator: string | undefined,
): VersionMismatch | undefined {
  let base: ModelVersion;
  let supported: ModelVersion;
  try {
    base = parseModelVersion(modelVersion);
    supported = parseModelVersion(runtimeVersion);
  } catch {
    return 'unparsable';
  }
  const op = operator ?? 'Equal';
  const c = compareModelVersions(supported, base);
  if (isUnofficialVersion(base) || isUnofficialVersion(supported)) {
    return c === 0 ? undefined : 'unofficial-not-equal';
  }
  if (op === 'Equal') return c === 0 ? undefined : 'operator';
  if (base.precision !== supported.precision) return 'precision';
  if (base.majorPrefix !== supported.majorPrefix) return 'prefix';
  let ok: boolean;
  if (op === 'GreaterThan') ok = c > 0;
  else if (op === 'GreaterThanOrEqual') ok = c >= 0;
  else ok = c === 0;
  return ok ? undefined : 'operator';
}
