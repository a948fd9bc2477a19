import { compareModelVersions, parseModelVersion, versionMismatch } from './versions';

// pkg/modelver/util_test.go TestVersionComparison: [name, v1, v2, equal, greaterThan]
const OME_VERSION_COMPARISON: Array<[string, string, string, boolean, boolean]> = [
  ['equal versions', '1.8.0', '1.8.0', true, false],
  ['greater major version', '2.0.0', '1.9.0', false, true],
  ['greater minor version', '1.9.0', '1.8.0', false, true],
  ['greater patch version', '1.8.5', '1.8.0', false, true],
  ['less major version', '1.0.0', '2.0.0', false, false],
  ['pre-release versions equal', '1.8.0-alpha', '1.8.0-alpha', true, false],
  ['different pre-release versions', '1.8.0-beta', '1.8.0-alpha', false, true],
  ['build metadata equal', '1.8.0+20240707', '1.8.0+20240707', true, false],
  ['different build metadata', '1.8.0+20240708', '1.8.0+20240707', false, true],
  ['v0.8.0 equal to v0.8.0', 'v0.8.0', 'v0.8.0', true, false],
  ['v1 equal to v1', 'v1', 'v1', true, false],
  ['1 equal to 1', '1', '1', true, false],
  ['two-part version 1.12 equal to 1.12', '1.12', '1.12', true, false],
  ['less major version, with precision 1', '1', '2', false, false],
  ['less major version, with major prefix and precision 3', 'v1.9.0', 'v2.9.0', false, false],
  ['greater minor version, with major prefix and precision 3', 'v0.9.0', 'v0.8.0', false, true],
];

// pkg/runtimeselector/matcher_test.go TestCompareModelFormatVersions and
// TestCompareModelFrameworkVersions (same cases): [name, runtime version, operator, model version, matches]
const OME_OPERATOR_CASES: Array<[string, string, string | undefined, string, boolean]> = [
  ['Equal versions with Equal operator', '1.0.0', 'Equal', '1.0.0', true],
  ['Equal versions with GreaterThan operator', '1.0.0', 'GreaterThan', '1.0.0', false],
  ['GreaterThan - supported version is greater', '1.8.0', 'GreaterThan', '1.7.0', true],
  ['GreaterThan - supported version is not greater', '1.7.0', 'GreaterThan', '1.8.0', false],
  ['GreaterThanOrEqual - equal versions', '1.8.0', 'GreaterThanOrEqual', '1.8.0', true],
  ['GreaterThanOrEqual - supported version is greater', '1.9.0', 'GreaterThanOrEqual', '1.8.0', true],
  ['GreaterThanOrEqual - supported version is less', '1.7.0', 'GreaterThanOrEqual', '1.8.0', false],
  ['Unofficial version forces equality check', '1.8.0-dev', 'GreaterThan', '1.8.0-dev', true],
  ['Unofficial version not equal', '1.8.0-dev', 'GreaterThan', '1.8.0-alpha', false],
  ['Equal versions with precision 1 and Equal operator', '1', undefined, '1', true],
  ['Precision mismatch', '1.0', 'GreaterThan', '1.0.0', false],
  ['Major prefix mismatch', 'v1.0.0', 'GreaterThan', '1.0.0', false],
  ['Nil operator defaults to Equal', 'v2.0.0', undefined, 'v2.0.0', true],
];

describe('OME model versions (pkg/modelver)', () => {
  it.each(OME_VERSION_COMPARISON)('TestVersionComparison: %s', (_n, a, b, equal, greater) => {
    const c = compareModelVersions(parseModelVersion(a), parseModelVersion(b));
    expect(c === 0).toBe(equal);
    expect(c === 1).toBe(greater);
  });

  it('parses the forms OME documents', () => {
    expect(parseModelVersion('4.43.0.dev0')).toMatchObject({ patch: 0n, dev: ['dev0'], precision: 3 });
    expect(parseModelVersion('4.51.3-SAM-HQ-preview')).toMatchObject({ pre: ['SAM-HQ-preview'] });
    expect(parseModelVersion('1.2.3-rc.1+b5')).toMatchObject({ pre: ['rc', '1'], build: ['b5'] });
    expect(parseModelVersion('v1.12')).toMatchObject({ majorPrefix: 'v', minor: 12n, patch: 0n, precision: 2 });
  });

  it.each(['', 'V1.0.0', '01.2.3', '1..2', '1.2.3-', 'x', '1.2.3+', '18446744073709551616'])(
    'refuses %p',
    s => expect(() => parseModelVersion(s)).toThrow(),
  );

  it('ignores precision and prefix when comparing, unlike the operators (quirk)', () => {
    expect(compareModelVersions(parseModelVersion('1'), parseModelVersion('1.0.0'))).toBe(0);
    expect(compareModelVersions(parseModelVersion('v1.0.0'), parseModelVersion('1.0.0'))).toBe(0);
    // pre-release after release: plain string comparison, not semver
    expect(compareModelVersions(parseModelVersion('1.8.0-alpha'), parseModelVersion('1.8.0'))).toBe(1);
  });
});

describe('version operators (compareModelFormatVersions in matcher.go)', () => {
  it.each(OME_OPERATOR_CASES)('%s', (_n, runtime, op, model, ok) => {
    expect(versionMismatch(runtime, model, op) === undefined).toBe(ok);
  });

  it('Equal accepts versions written with different precision; other operators do not', () => {
    expect(versionMismatch('1.0', '1.0.0', 'Equal')).toBeUndefined();
    expect(versionMismatch('1.0', '1.0.0', 'GreaterThanOrEqual')).toBe('precision');
    expect(versionMismatch('v1.0.0', '1.0.0', 'GreaterThanOrEqual')).toBe('prefix');
  });

  it('an unknown operator ends in an equality test after the precision check', () => {
    expect(versionMismatch('1.0.0', '1.0.0', 'LessThan')).toBeUndefined();
    expect(versionMismatch('2.0.0', '1.0.0', 'LessThan')).toBe('operator');
    expect(versionMismatch('1.0', '1.0.0', 'LessThan')).toBe('precision');
  });

  it('the runtime version is the larger side: GreaterThanOrEqual 4.51.0 accepts an older model', () => {
    expect(versionMismatch('4.51.0', '4.46.0', 'GreaterThanOrEqual')).toBeUndefined();
    expect(versionMismatch('4.51.0', '4.57.1', 'GreaterThanOrEqual')).toBe('operator');
  });

  it('a version that does not parse never matches', () => {
    expect(versionMismatch('1.0.0', 'latest', 'Equal')).toBe('unparsable');
  });
});
