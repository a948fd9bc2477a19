import { Box, makeStyles, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';

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
}));

/** What `parseYamlEdit` reports for the editor's text. */
export interface YamlProblems {
  error?: { message: string; line?: number };
  typeWarnings?: Array<{ path: string; message: string }>;
}

/** A monospaced YAML editor with the parse error (and line) and type warnings below it. */
export function YamlEditor(props: {
  value: string;
  onChange?: (text: string) => void;
  problems?: YamlProblems;
  readOnly?: boolean;
  label?: string;
  testId?: string;
  rows?: number;
}) {
  const classes = useStyles();
  const { problems } = props;
  const lines = props.value.split('\n').length;
  return (
    <Box>
      <textarea
        className={classes.textarea}
        aria-label={props.label ?? 'YAML'}
        data-testid={props.testId ?? 'ome-yaml-editor'}
        spellCheck={false}
        value={props.value}
        readOnly={props.readOnly}
        rows={props.rows ?? Math.min(Math.max(lines + 1, 16), 48)}
        onChange={ev => props.onChange?.(ev.target.value)}
        onKeyDown={ev => {
          // Tab inserts two spaces instead of leaving the editor
          if (ev.key === 'Tab' && !ev.shiftKey && !props.readOnly) {
            ev.preventDefault();
            const t = ev.currentTarget;
            const { selectionStart: s, selectionEnd: end } = t;
            const next = `${t.value.slice(0, s)}  ${t.value.slice(end)}`;
            props.onChange?.(next);
            requestAnimationFrame(() => {
              t.selectionStart = t.selectionEnd = s + 2;
            });
          }
        }}
      />
      {problems?.error && (
        <Alert severity="error" data-testid="ome-yaml-error">
          {problems.error.line !== undefined
            ? `Line ${problems.error.line}: `
            : ''}
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
    </Box>
  );
}
