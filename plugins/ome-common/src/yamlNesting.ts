/**
 * The deepest nesting a YAML text may have before it is parsed. The yaml parser takes time
 * that grows with the square of the nesting depth (2 MB of `[` blocked the event loop for
 * 23 s, 8 MB for 212 s) and then fails on its own stack anyway; no Kubernetes object nests
 * anywhere near this. Checked on both sides: the import route refuses such text, the import
 * page and the editor show the problem instead of freezing the tab.
 * @public
 */
export const MAX_YAML_NESTING = 100;

/** Where a quoted scalar may start: after these (or at the start of a line). */
const BEFORE_SCALAR = new Set(['', ':', '-', ',', '[', '{', '?']);

/**
 * Why a YAML text nests too deep to parse (undefined: it does not), from one pass over the
 * text: flow collections (`[`, `{` outside quotes and comments), block indentation levels
 * and compact sequences (`- - x`) count as levels. Brackets inside plain or block scalars
 * count too, which can only overestimate.
 * @public
 */
export function yamlNestingProblem(
  text: string,
  max: number = MAX_YAML_NESTING,
): string | undefined {
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let comment = false;
  let lineStart = true;
  let indent = 0;
  /** The last character on this line that is not a space ('' at its start). */
  let previous = '';
  // Indentation widths of the enclosing block levels of the current line.
  const blocks: number[] = [];
  const tooDeep = (i: number) =>
    `nests deeper than ${max} levels (at line ${lineOf(text, i)})`;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      comment = false;
      lineStart = !quote;
      indent = 0;
      previous = '';
      continue;
    }
    if (comment) continue;
    if (lineStart) {
      if (c === ' ') {
        indent++;
        continue;
      }
      const compact = (c === '-' || c === '?') && text[i + 1] === ' ';
      if (c !== '#' && c !== '\r' && flow === 0) {
        while (blocks.length && blocks[blocks.length - 1] >= indent)
          blocks.pop();
        blocks.push(indent);
        if (blocks.length > max) return tooDeep(i);
      }
      if (compact) {
        // `- - - x`: each indicator opens a level, the next one sits further in.
        indent++;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && BEFORE_SCALAR.has(previous)) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) comment = true;
    else if (c === '[' || c === '{') {
      if (++flow + blocks.length > max) return tooDeep(i);
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
    if (c !== ' ' && c !== '\t') previous = c;
  }
  return undefined;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text[i] === '\n') line++;
  return line;
}
