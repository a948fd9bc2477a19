import { Document, isScalar, parseAllDocuments } from 'yaml';
import { yamlNestingProblem } from './yamlNesting';

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

/**
 * The first error of a parsed YAML document, with its 1-based line.
 * @public
 */
export function yamlDocumentError(doc: {
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

/**
 * The non-empty documents of a YAML text (YAML 1.2 core schema), as yaml's Documents.
 * @public
 */
export function parseYamlDocumentNodes(text: string): Document.Parsed[] {
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
  // Checked before parsing: the parser's time grows with the square of the nesting depth.
  const nesting = yamlNestingProblem(text);
  if (nesting) {
    return [{ index: 0, error: { message: nesting, limitExceeded: true } }];
  }
  return parseYamlDocumentNodes(text).map((doc, index) => {
    const error = yamlDocumentError(doc);
    if (error) return { index, error };
    try {
      return { index, value: doc.toJS({ maxAliasCount: 100 }) };
    } catch (e) {
      // e.g. "Excessive alias count indicates a resource exhaustion attack"
      return {
        index,
        error: {
          message: String((e as Error)?.message ?? e),
          limitExceeded: true,
        },
      };
    }
  });
}
