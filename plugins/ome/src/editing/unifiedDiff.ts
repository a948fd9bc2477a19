/** One line of a unified diff. */
export interface DiffLine {
  /** `gap` stands for a run of unchanged lines left out (its text says how many). */
  type: 'same' | 'add' | 'remove' | 'gap';
  text: string;
  /** 1-based line number in `before` (same, remove). */
  oldLine?: number;
  /** 1-based line number in `after` (same, add). */
  newLine?: number;
}

type Edit = 'same' | 'add' | 'remove';

/** Beyond this many differences the rest is shown as one removal plus one addition. */
const MAX_EDIT_DISTANCE = 3000;

/** Myers' O((N+M)D) diff of the middle part; returns the edit script. */
function myers(a: string[], b: string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  if (found < 0) {
    return [...a.map((): Edit => 'remove'), ...b.map((): Edit => 'add')];
  }
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d]; // V before step d, indices k from -d-1 .. d+1
    const at = (k: number) => vd[k + d + 1];
    const k = x - y;
    const prevK =
      k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push('same');
      x--;
      y--;
    }
    edits.push(x === prevX ? 'add' : 'remove');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    edits.push('same');
    x--;
    y--;
  }
  return edits.reverse();
}

function splitLines(s: string): string[] {
  if (s === '') return [];
  const lines = s.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A line diff of two texts with `context` unchanged lines (3 by default) around each change;
 * longer unchanged runs collapse into one `gap` line.
 */
export function unifiedDiff(
  before: string,
  after: string,
  options?: { context?: number },
): DiffLine[] {
  const context = Math.max(0, options?.context ?? 3);
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const edits: Edit[] = [
    ...Array<Edit>(start).fill('same'),
    ...myers(a.slice(start, endA), b.slice(start, endB)),
    ...Array<Edit>(a.length - endA).fill('same'),
  ];
  const all: DiffLine[] = [];
  let i = 0;
  let j = 0;
  for (const e of edits) {
    if (e === 'same') {
      all.push({ type: 'same', text: a[i], oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (e === 'remove') {
      all.push({ type: 'remove', text: a[i], oldLine: i + 1 });
      i++;
    } else {
      all.push({ type: 'add', text: b[j], newLine: j + 1 });
      j++;
    }
  }
  const keep = all.map(() => false);
  all.forEach((line, idx) => {
    if (line.type === 'same') return;
    for (
      let c = Math.max(0, idx - context);
      c <= Math.min(all.length - 1, idx + context);
      c++
    ) {
      keep[c] = true;
    }
  });
  const out: DiffLine[] = [];
  let skipped = 0;
  const flush = () => {
    if (skipped > 0) {
      out.push({
        type: 'gap',
        text: `${skipped} unchanged line${skipped === 1 ? '' : 's'}`,
      });
    }
    skipped = 0;
  };
  all.forEach((line, idx) => {
    if (keep[idx]) {
      flush();
      out.push(line);
    } else {
      skipped++;
    }
  });
  flush();
  return out;
}
