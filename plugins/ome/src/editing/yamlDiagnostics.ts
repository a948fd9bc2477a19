import { KindSchema, schemaProblems, SchemaProblem } from './schemaProblems';
import { TextRange, yamlPathRange } from './yamlLocations';

/** What the YAML of an editor holds that is wrong or suspect. */
export interface YamlEditProblems {
  /** The parse error, with its 1-based line. */
  error?: { message: string; line?: number };
  /** Unquoted values read as another type (`parseYamlEdit`'s warnings). */
  typeWarnings?: Array<{ path: string; message: string; segments?: (string | number)[] }>;
}

/** A problem placed on the text, in the shape CodeMirror's lint takes. */
export interface YamlDiagnostic extends TextRange {
  severity: 'error' | 'warning';
  message: string;
  source: 'yaml' | 'type' | 'schema';
}

function lineRange(text: string, line: number): TextRange {
  const lines = text.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  const from = lines.slice(0, index).reduce((n, l) => n + l.length + 1, 0);
  return { from, to: from + lines[index].length };
}

/**
 * The problems of an editor's YAML as marks on its text: the parse error on its line, each
 * type warning on its value, and (when the kind's schema is known and the text parses)
 * unknown fields, wrong types and values outside an enum.
 */
export function yamlDiagnostics(
  text: string,
  problems: YamlEditProblems,
  value?: unknown,
  schema?: KindSchema,
): YamlDiagnostic[] {
  if (problems.error) {
    const range = problems.error.line ? lineRange(text, problems.error.line) : { from: 0, to: 0 };
    return [{ ...range, severity: 'error', message: problems.error.message, source: 'yaml' }];
  }
  const out: YamlDiagnostic[] = [];
  for (const w of problems.typeWarnings ?? []) {
    const range = yamlPathRange(text, w.segments ?? w.path.split('.'), 'value');
    if (range) out.push({ ...range, severity: 'warning', message: w.message, source: 'type' });
  }
  for (const p of schemaCheck(value, schema)) {
    const range = yamlPathRange(text, p.path, p.at);
    if (range) out.push({ ...range, severity: 'warning', message: p.message, source: 'schema' });
  }
  return out.sort((a, b) => a.from - b.from);
}

function schemaCheck(value: unknown, schema?: KindSchema): SchemaProblem[] {
  return schema && value && typeof value === 'object' ? schemaProblems(value, schema) : [];
}
