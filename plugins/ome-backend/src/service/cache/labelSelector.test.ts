import { matchesLabels, parseLabelSelector } from './labelSelector';

const matches = (selector: string, labels?: Record<string, string>) =>
  matchesLabels(parseLabelSelector(selector)!, labels);

describe('label selectors in memory', () => {
  it('matches equality, inequality, sets and existence like the apiserver', () => {
    const labels = { app: 'llm', tier: 'gpu', 'ome.io/team': 'a' };
    expect(matches('', labels)).toBe(true);
    expect(matches('app=llm', labels)).toBe(true);
    expect(matches('app==llm', labels)).toBe(true);
    expect(matches('app=other', labels)).toBe(false);
    expect(matches('app!=other', labels)).toBe(true);
    expect(matches('missing!=x', labels)).toBe(true);
    expect(matches('tier in (cpu, gpu)', labels)).toBe(true);
    expect(matches('tier notin (gpu)', labels)).toBe(false);
    expect(matches('missing notin (gpu)', labels)).toBe(true);
    expect(matches('ome.io/team', labels)).toBe(true);
    expect(matches('!ome.io/team', labels)).toBe(false);
    expect(matches('!missing', labels)).toBe(true);
    expect(matches('app=llm,tier in (gpu),!missing', labels)).toBe(true);
    expect(matches('app=llm,tier=cpu', labels)).toBe(false);
    expect(matches('app', undefined)).toBe(false);
  });

  it('leaves what it is not sure about to the apiserver', () => {
    const bad = ['=x', 'a b', 'app in gpu', 'a=b=c', 'in (x)x'];
    expect(bad.length).toBeGreaterThan(0);
    for (const selector of bad) {
      expect(parseLabelSelector(selector)).toBeUndefined();
    }
    // an empty value is valid
    expect(matches('app=', { app: '' })).toBe(true);
  });
});
