import { useEffect, useMemo, useRef } from 'react';
import CodeMirror, { EditorView, ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { yaml as yamlLanguage } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { autocompletion, CompletionContext } from '@codemirror/autocomplete';
import { Box, makeStyles, Typography, useTheme } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { parse } from 'yaml';
import { yamlNestingProblem } from '@ome-console/plugin-ome-common';
import { KindSchema } from '../../editing/schemaProblems';
import { schemaSuggestions, yamlCursorContext } from '../../editing/schemaCompletion';
import { yamlDiagnostics, YamlEditProblems } from '../../editing/yamlDiagnostics';

const useStyles = makeStyles(theme => ({
  textarea: {
    width: '100%',
    minHeight: 360,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: 13,
    lineHeight: 1.45,
    padding: theme.spacing(1),
    boxSizing: 'border-box',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.background.default,
    color: theme.palette.text.primary,
    resize: 'vertical',
    tabSize: 2,
  },
  editor: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    overflow: 'hidden',
    fontSize: 13,
    '& .cm-editor': { minHeight: 360 },
    '& .cm-scroller': {
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      lineHeight: 1.45,
    },
  },
}));

/** What `parseYamlEdit` reports for the editor's text. */
export type YamlProblems = YamlEditProblems;

/** Read-only YAML (an object's YAML, an export): selectable text, nothing to edit. */
function YamlText(props: { value: string; label?: string; testId?: string; rows?: number }) {
  const classes = useStyles();
  const lines = props.value.split('\n').length;
  return (
    <textarea
      className={classes.textarea}
      aria-label={props.label ?? 'YAML'}
      data-testid={props.testId ?? 'ome-yaml-editor'}
      spellCheck={false}
      value={props.value}
      readOnly
      rows={props.rows ?? Math.min(Math.max(lines + 1, 16), 48)}
    />
  );
}

function parsedOrUndefined(text: string, schema?: KindSchema): unknown {
  // too deep to parse without freezing the tab: parseYamlEdit reports it
  if (!schema || yamlNestingProblem(text)) return undefined;
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A YAML code editor (CodeMirror 6, as Backstage's scaffolder uses): line numbers,
 * highlighting, the parse error and type warnings marked on their lines and listed below,
 * and, given the kind's schema as the cluster serves it, completion of field names and enum
 * values and marks on unknown fields and wrong types before any dry run.
 */
export function YamlEditor(props: {
  value: string;
  onChange?: (text: string) => void;
  problems?: YamlProblems;
  /** The kind's OpenAPI schema (the CRD's `openAPIV3Schema`). */
  schema?: KindSchema;
  readOnly?: boolean;
  label?: string;
  testId?: string;
  rows?: number;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const ref = useRef<ReactCodeMirrorRef>(null);
  const { problems, schema, value } = props;
  const schemaRef = useRef(schema);
  schemaRef.current = schema;

  const extensions = useMemo(
    () => [
      yamlLanguage(),
      lintGutter(),
      autocompletion({
        override: [
          (context: CompletionContext) => {
            const text = context.state.doc.toString();
            const cursor = yamlCursorContext(text, context.pos);
            const options = schemaSuggestions(schemaRef.current, cursor);
            if (!options.length || (!context.explicit && !cursor.prefix && cursor.position === 'key')) {
              return null;
            }
            return {
              from: cursor.from,
              options: options.map(o => ({
                label: o.label,
                apply: o.apply,
                detail: o.detail,
                info: o.info,
                type: cursor.position === 'key' ? 'property' : 'enum',
              })),
              validFor: /^[\w.-]*$/,
            };
          },
        ],
      }),
      EditorView.contentAttributes.of({ 'aria-label': props.label ?? 'YAML' }),
      EditorView.lineWrapping,
    ],
    [props.label],
  );

  const diagnostics = useMemo(
    () => yamlDiagnostics(value, problems ?? {}, parsedOrUndefined(value, schema), schema),
    [value, problems, schema],
  );
  const schemaMessages = diagnostics.filter(d => d.source === 'schema');

  // the marks follow the text and its problems (set directly: the parent has parsed it)
  useEffect(() => {
    const view = ref.current?.view;
    if (!view) return;
    const length = view.state.doc.length;
    view.dispatch(
      setDiagnostics(
        view.state,
        diagnostics
          .filter(d => d.to <= length)
          .map(d => ({ from: d.from, to: d.to, severity: d.severity, message: d.message })),
      ),
    );
  }, [diagnostics]);

  if (props.readOnly) {
    return <YamlText value={value} label={props.label} testId={props.testId} rows={props.rows} />;
  }
  return (
    <Box>
      <div className={classes.editor} data-testid={props.testId ?? 'ome-yaml-editor'}>
        <CodeMirror
          ref={ref}
          value={value}
          onChange={text => props.onChange?.(text)}
          extensions={extensions}
          theme={theme.palette.type === 'dark' ? 'dark' : 'light'}
          basicSetup={{ tabSize: 2, foldGutter: true, highlightActiveLine: true }}
          indentWithTab
        />
      </div>
      {problems?.error && (
        <Alert severity="error" data-testid="ome-yaml-error">
          {problems.error.line !== undefined ? `Line ${problems.error.line}: ` : ''}
          {problems.error.message}
        </Alert>
      )}
      {(problems?.typeWarnings ?? []).length > 0 && (
        <Alert severity="warning" data-testid="ome-yaml-type-warnings">
          {(problems?.typeWarnings ?? []).map((w, i) => (
            <Typography variant="body2" key={i}>
              <code>{w.path}</code>: {w.message}
            </Typography>
          ))}
        </Alert>
      )}
      {schemaMessages.length > 0 && (
        <Alert severity="warning" data-testid="ome-yaml-schema-problems">
          {schemaMessages.map((d, i) => (
            <Typography variant="body2" key={i}>
              {d.message}
            </Typography>
          ))}
        </Alert>
      )}
    </Box>
  );
}
