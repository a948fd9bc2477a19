import { Document, isMap, isPair, isScalar, isSeq, Node, parse, Scalar, visit } from 'yaml';
import {
  parseYamlDocumentNodes,
  yamlDocumentError,
  yamlNestingProblem,
} from '@ome-console/plugin-ome-common';

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

/** A plain scalar that YAML reads as a non-string where text was likely meant. */
export interface YamlTypeWarning {
  /** Dotted path, e.g. `spec.modelFormat.version`. */
  path: string;
  /** The same path as keys and indexes (a key may hold dots, e.g. a label). */
  segments: (string | number)[];
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
    segments: path,
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
 *  */
export function parseYamlEdit(
  text: string,
  original?: unknown,
): {
  value?: unknown;
  error?: { message: string; line?: number };
  typeWarnings: YamlTypeWarning[];
} {
  // Checked before parsing: a pasted text nested thousands of levels deep would freeze the tab.
  const nesting = yamlNestingProblem(text);
  if (nesting) return { error: { message: nesting }, typeWarnings: [] };
  const docs = parseYamlDocumentNodes(text);
  if (docs.length === 0) {
    return { error: { message: 'The document is empty' }, typeWarnings: [] };
  }
  const error = yamlDocumentError(docs[0]);
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

