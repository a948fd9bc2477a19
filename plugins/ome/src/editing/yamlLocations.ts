import { isMap, isPair, isScalar, isSeq, parseDocument, Node } from 'yaml';
import { yamlNestingProblem } from '@ome-console/plugin-ome-common';

/** A span of the editor's text, as character offsets. */
export interface TextRange {
  from: number;
  to: number;
}

/**
 * Where the value at `path` is written in a one-document YAML text, for marking a problem
 * on its line: the key of a mapping entry (so an unknown field is marked on its name) or,
 * with `part: 'value'`, its value. Falls back to the nearest ancestor that is written.
 */
export function yamlPathRange(
  text: string,
  path: readonly (string | number)[],
  part: 'key' | 'value' = 'key',
): TextRange | undefined {
  // too deep to parse without freezing the tab: parseYamlEdit reports it
  if (yamlNestingProblem(text)) return undefined;
  let doc;
  try {
    doc = parseDocument(text, { keepSourceTokens: false });
  } catch {
    return undefined;
  }
  let node: unknown = doc.contents;
  let found: TextRange | undefined = rangeOf(node);
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        p => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step),
      );
      if (!pair) break;
      const keyRange = rangeOf(pair.key);
      const valueRange = rangeOf(pair.value);
      found = (part === 'value' ? valueRange ?? keyRange : keyRange ?? valueRange) ?? found;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(step)];
      if (item === undefined) break;
      found = rangeOf(item) ?? found;
      node = item;
    } else {
      break;
    }
  }
  return found;
}

function rangeOf(node: unknown): TextRange | undefined {
  const range = (node as Node | undefined)?.range;
  if (!range) return undefined;
  return { from: range[0], to: Math.max(range[1], range[0]) };
}
