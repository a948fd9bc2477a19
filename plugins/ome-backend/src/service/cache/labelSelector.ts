/**
 * Kubernetes label selectors (`a=b,c!=d,e in (f,g),h notin (i),j,!k`) matched in memory, so
 * that the cache answers a list with a selector the way the apiserver would.
 */
type Requirement =
  | { key: string; op: 'in' | 'notin'; values: Set<string> }
  | { key: string; op: 'exists' | '!exists' };

export type LabelSelector = Requirement[];

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

/** Splits at commas outside parentheses. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms.map(t => t.trim());
}

/**
 * The parsed selector, or undefined when it is not one this parser is sure about (the
 * caller then asks the apiserver, which answers with its own error).
 */
export function parseLabelSelector(
  selector: string,
): LabelSelector | undefined {
  if (!selector.trim()) return [];
  const result: Requirement[] = [];
  for (const term of splitTerms(selector)) {
    let m = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(term);
    if (m) {
      const values = m[3].split(',').map(v => v.trim());
      if (!KEY.test(m[1]) || values.some(v => !VALUE.test(v))) return undefined;
      result.push({
        key: m[1],
        op: m[2] as 'in' | 'notin',
        values: new Set(values),
      });
      continue;
    }
    m = /^([^=!\s]+)\s*(==|=|!=)\s*([^=!\s]*)$/.exec(term);
    if (m) {
      if (!KEY.test(m[1]) || !VALUE.test(m[3])) return undefined;
      result.push({
        key: m[1],
        op: m[2] === '!=' ? 'notin' : 'in',
        values: new Set([m[3]]),
      });
      continue;
    }
    m = /^(!?)\s*([^=!\s()]+)$/.exec(term);
    if (m && KEY.test(m[2])) {
      result.push({ key: m[2], op: m[1] ? '!exists' : 'exists' });
      continue;
    }
    return undefined;
  }
  return result;
}

/** Whether labels satisfy every requirement (`notin` and `!=` also match a missing label). */
export function matchesLabels(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  return selector.every(r => {
    const value = labels?.[r.key];
    switch (r.op) {
      case 'exists':
        return value !== undefined;
      case '!exists':
        return value === undefined;
      case 'in':
        return value !== undefined && r.values.has(value);
      case 'notin':
        return value === undefined || !r.values.has(value);
      default:
        return false;
    }
  });
}
