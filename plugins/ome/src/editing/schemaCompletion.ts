import { KindSchema, propertySchema } from './schemaProblems';

/** What is being typed at the cursor: a key of a mapping, or the value of `key: `. */
export interface YamlCursorContext {
  /** Keys from the document root to the mapping the cursor is in; `'*'` for a list item. */
  path: (string | number)[];
  /** `key` when a field name is typed, `value` after `name: `. */
  position: 'key' | 'value';
  /** For `value`: the field whose value is typed. */
  key?: string;
  /** The word typed so far and where it starts. */
  prefix: string;
  from: number;
}

const LINE = /^(\s*)(-\s+)?(?:("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?):(?:\s+(.*))?)?\s*$/;

interface LineShape {
  indent: number;
  dash: boolean;
  /** Column of the key (after a `- `). */
  keyColumn: number;
  key?: string;
  /** Text after `key: `, empty for a block opener. */
  rest?: string;
}

function shape(line: string): LineShape | undefined {
  if (!line.trim() || line.trim().startsWith('#')) return undefined;
  const m = LINE.exec(line);
  if (!m) return { indent: line.length - line.trimStart().length, dash: false, keyColumn: Infinity };
  const indent = m[1].length;
  const dashLength = m[2]?.length ?? 0;
  const key = m[3]?.replace(/^["']|["']$/g, '');
  return { indent, dash: dashLength > 0, keyColumn: indent + dashLength, key, rest: m[4]?.trim() ?? '' };
}

/**
 * Reads where the cursor is in an indented YAML text from the lines above it (the text is
 * often unparsable while it is typed, so this does not parse it).
 */
export function yamlCursorContext(text: string, pos: number): YamlCursorContext {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const before = text.slice(lineStart, pos);
  const valueMatch = /^(\s*)(-\s+)?("[^"]*"|[^\s:#'"][^:#]*?):\s+(\S*)$/.exec(before);
  const keyMatch = /^(\s*)(-\s+)?([^\s:#]*)$/.exec(before);
  const path: (string | number)[] = [];
  let column: number;
  let position: 'key' | 'value' = 'key';
  let key: string | undefined;
  let prefix = '';
  if (valueMatch) {
    position = 'value';
    key = valueMatch[3].replace(/^"|"$/g, '');
    prefix = valueMatch[4];
    column = valueMatch[1].length + (valueMatch[2]?.length ?? 0);
    if (valueMatch[2]) path.unshift('*');
    if (valueMatch[2]) column = valueMatch[1].length;
  } else if (keyMatch) {
    prefix = keyMatch[3];
    column = keyMatch[1].length + (keyMatch[2]?.length ?? 0);
    if (keyMatch[2]) {
      path.unshift('*');
      column = keyMatch[1].length;
    }
  } else {
    return { path: [], position: 'key', prefix: '', from: pos };
  }
  const lines = text.slice(0, lineStart).split('\n');
  for (let i = lines.length - 1; i >= 0 && column > 0; i--) {
    const s = shape(lines[i]);
    if (!s) continue;
    if (s.key !== undefined && s.keyColumn < column && s.rest === '') {
      path.unshift(s.key);
      column = s.keyColumn;
      if (s.dash) {
        path.unshift('*');
        column = s.indent;
      }
    } else if (s.dash && s.indent < column) {
      // a sibling field of the same list item: the item starts here
      path.unshift('*');
      column = s.indent;
    }
  }
  return { path, position, key, prefix, from: pos - prefix.length };
}

/** The schema at a path of keys and `'*'` (list items). */
export function schemaAt(schema: KindSchema | undefined, path: readonly (string | number)[]): KindSchema | undefined {
  let s = schema;
  for (const step of path) s = propertySchema(s, step);
  return s;
}

/** One suggestion for the cursor. */
export interface SchemaSuggestion {
  label: string;
  /** What is inserted. */
  apply: string;
  detail?: string;
  info?: string;
}

/** Field names (or, after `key: `, enum values and booleans) the kind's schema allows at the cursor. */
export function schemaSuggestions(schema: KindSchema | undefined, context: YamlCursorContext): SchemaSuggestion[] {
  const at = schemaAt(schema, context.path);
  if (!at) return [];
  if (context.position === 'value') {
    const field = propertySchema(at, context.key ?? '');
    if (!field) return [];
    let values: unknown[] = [];
    if (Array.isArray(field.enum)) values = field.enum;
    else if (field.type === 'boolean') values = [true, false];
    return values.map(v => ({ label: String(v), apply: String(v), detail: field.type }));
  }
  return Object.entries(at.properties ?? {})
    .filter(([name]) => name.startsWith(context.prefix))
    .map(([name, field]) => ({
      label: name,
      apply: field.type === 'object' || field.type === 'array' ? `${name}:` : `${name}: `,
      detail: field['x-kubernetes-int-or-string'] ? 'int-or-string' : field.type,
      info: field.description,
    }));
}
