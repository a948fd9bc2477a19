import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Node,
  parse,
  parseAllDocuments,
  Scalar,
  visit,
} from 'yaml';

function readsAsString(s: string): boolean {
  try {
    // Kubernetes tooling still reads YAML 1.1 (`yes`, `on`, `0755`), so a string is kept
    // plain only if both 1.2 core and 1.1 read it back as the same string.
    return parse(s) === s && parse(s, { version: '1.1' }) === s;
  } catch {
    return false;
  }
}

/**
 * YAML for display and editing: key order kept, no anchors/aliases, no line folding, and
 * every string that a YAML 1.2 or 1.1 reader would take for another type quoted.
 * @public
 */
export function toYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (
        typeof node.value === 'string' &&
        !node.value.includes('\n') &&
        node.value.length < 200 &&
        !readsAsString(node.value)
      ) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

/** One document of a multi-document YAML text. @public */
export interface YamlDocumentParse {
  /** 0-based index among the non-empty documents. */
  index: number;
  value?: unknown;
  error?: {
    message: string;
    line?: number;
    /** The document breaks a parser limit (aliases that expand too far): refuse the whole input. */
    limitExceeded?: boolean;
  };
}

function firstError(doc: {
  errors: {
    message: string;
    linePos?: [{ line: number }] | [{ line: number }, unknown];
  }[];
}): { message: string; line?: number } | undefined {
  const err = doc.errors[0];
  if (!err) return undefined;
  return {
    message: err.message.split('\n')[0],
    line: err.linePos?.[0]?.line,
  };
}

function parseDocs(text: string) {
  // YAML 1.2 core schema: `yes`/`on` are strings, JSON is valid YAML.
  return Array.from(
    parseAllDocuments(text, { schema: 'core', version: '1.2' }),
  ).filter(
    d =>
      d.errors.length > 0 ||
      !(
        d.contents === null ||
        (isScalar(d.contents) && d.contents.value === null)
      ),
  );
}

/**
 * Parses YAML or JSON with one or more `---`-separated documents. Empty documents are
 * skipped; each result has its own error when it does not parse.
 * @public
 */
export function parseYamlDocuments(text: string): YamlDocumentParse[] {
  return parseDocs(text).map((doc, index) => {
    const error = firstError(doc);
    if (error) return { index, error };
    try {
      return { index, value: doc.toJS({ maxAliasCount: 100 }) };
    } catch (e) {
      // e.g. "Excessive alias count indicates a resource exhaustion attack"
      return { index, error: { message: String((e as Error)?.message ?? e), limitExceeded: true } };
    }
  });
}

/** A plain scalar that YAML reads as a non-string where text was likely meant. @public */
export interface YamlTypeWarning {
  /** Dotted path, e.g. `spec.modelFormat.version`. */
  path: string;
  message: string;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  return typeof v === 'number' ? 'number' : 'boolean';
}

function checkScalar(
  node: Scalar,
  path: (string | number)[],
  original: unknown,
  warnings: YamlTypeWarning[],
) {
  if (node.type !== Scalar.PLAIN) return;
  const v = node.value;
  if (typeof v !== 'number' && typeof v !== 'boolean' && v !== null) return;
  const source = node.source ?? String(v);
  const dotted = path.join('.');
  const wasString = typeof getAt(original, path) === 'string';
  const changesText = typeof v === 'number' && String(v) !== source;
  if (!wasString && !changesText) return;
  const shown = v === null ? 'null' : String(v);
  const readAs =
    source === ''
      ? 'empty value is read as null'
      : `unquoted ${source} is read as the ${typeName(v)} ${shown}`;
  warnings.push({
    path: dotted,
    message: `${dotted}: ${readAs}; quote it (${JSON.stringify(
      source,
    )}) to keep it text`,
  });
}

function getAt(object: unknown, path: (string | number)[]): unknown {
  let cur = object;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function walkNode(
  node: unknown,
  path: (string | number)[],
  original: unknown,
  warnings: YamlTypeWarning[],
) {
  if (isScalar(node)) {
    checkScalar(node, path, original, warnings);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key)
        ? String(pair.key.value)
        : String(pair.key);
      walkNode(pair.value, [...path, key], original, warnings);
    }
  } else if (isSeq(node)) {
    (node.items as Node[]).forEach((item, i) =>
      walkNode(item, [...path, i], original, warnings),
    );
  }
}

/**
 * Parses the YAML of an editor holding one object, and warns where an unquoted value is
 * read as a number, boolean or null although text is likely meant: the value at the same
 * path of `original` is a string, or the number does not print back as written
 * (`3.10` → 3.1, `1e3`, `0755`, `012`).
 * @public
 */
export function parseYamlEdit(
  text: string,
  original?: unknown,
): {
  value?: unknown;
  error?: { message: string; line?: number };
  typeWarnings: YamlTypeWarning[];
} {
  const docs = parseDocs(text);
  if (docs.length === 0) {
    return { error: { message: 'The document is empty' }, typeWarnings: [] };
  }
  const error = firstError(docs[0]);
  if (error) return { error, typeWarnings: [] };
  if (docs.length > 1) {
    const second = docs[1].contents?.range?.[0];
    const line =
      second === undefined
        ? undefined
        : text.slice(0, second).split('\n').length;
    return {
      error: {
        message: 'Expected one YAML document, found several (---)',
        line,
      },
      typeWarnings: [],
    };
  }
  const typeWarnings: YamlTypeWarning[] = [];
  walkNode(docs[0].contents, [], original, typeWarnings);
  return { value: docs[0].toJS(), typeWarnings };
}

/** One line of a unified diff. @public */
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
 * @public
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
