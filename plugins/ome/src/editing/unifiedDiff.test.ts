import { unifiedDiff } from './unifiedDiff';

describe('unifiedDiff', () => {
  it('shows changes with context and gaps', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join(
      '\n',
    );
    const after = before
      .replace('line 10', 'line ten')
      .replace('line 20', 'line 20\nline 21');
    const diff = unifiedDiff(before, after, { context: 2 });
    expect(diff.map(d => `${d.type} ${d.text}`)).toEqual([
      'gap 7 unchanged lines',
      'same line 8',
      'same line 9',
      'remove line 10',
      'add line ten',
      'same line 11',
      'same line 12',
      'gap 6 unchanged lines',
      'same line 19',
      'same line 20',
      'add line 21',
    ]);
    expect(diff[3]).toEqual({ type: 'remove', text: 'line 10', oldLine: 10 });
    expect(diff[4]).toEqual({ type: 'add', text: 'line ten', newLine: 10 });
    expect(unifiedDiff('a\n', 'a\n')).toEqual([
      { type: 'gap', text: '1 unchanged line' },
    ]);
    expect(unifiedDiff('', 'a')).toEqual([
      { type: 'add', text: 'a', newLine: 1 },
    ]);
  });

  it('diffs large inputs with many changes', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const b = Array.from(
      { length: 5000 },
      (_, i) => `k${i}: ${i % 3 === 0 ? 'x' : i}`,
    ).join('\n');
    const diff = unifiedDiff(a, b);
    const removed = diff.filter(d => d.type === 'remove').length;
    expect(removed).toBeGreaterThanOrEqual(1667);
    const totally = unifiedDiff(
      a,
      Array.from({ length: 5000 }, (_, i) => `z${i}`).join('\n'),
    );
    expect(totally.filter(d => d.type === 'add')).toHaveLength(5000);
  });
});
