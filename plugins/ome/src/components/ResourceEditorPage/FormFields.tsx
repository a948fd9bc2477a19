import { useState } from 'react';
import {
  Box,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  Grid,
  TextField,
} from '@material-ui/core';
import { OmeFieldError, OmeFormField } from '@ome-console/plugin-ome-common';

/** One form field as ome-common's `omeFormFields` describes it. */
export type FormField = OmeFormField;

/** Whether a (dotted) error path belongs to a field. */
export function errorBelongsTo(field: FormField, path: string): boolean {
  return (
    path === field.id ||
    path.startsWith(`${field.id}.`) ||
    path.startsWith(`${field.id}[`)
  );
}

const FORMAT_HELP: Record<string, string | undefined> = {
  stringList: 'One per line',
  keyValue: 'key=value, one per line',
};

function optionList(options: unknown): Array<{ value: string; label: string }> {
  if (!Array.isArray(options)) return [];
  return options.map(o =>
    o && typeof o === 'object'
      ? {
          value: String((o as any).value ?? (o as any).label ?? ''),
          label: String((o as any).label ?? (o as any).value ?? ''),
        }
      : { value: String(o), label: String(o) },
  );
}

function toText(field: FormField, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (field.type) {
    case 'stringList':
      return Array.isArray(value) ? value.map(String).join('\n') : String(value);
    case 'keyValue':
      return value && typeof value === 'object'
        ? Object.entries(value as object)
            .map(([k, v]) => `${k}=${v}`)
            .join('\n')
        : String(value);
    default:
      return String(value);
  }
}

function fromText(field: FormField, text: string): unknown {
  switch (field.type) {
    case 'number': {
      if (text.trim() === '') return undefined;
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'stringList': {
      const list = text
        .split('\n')
        .map(s => s.trim())
        .filter(Boolean);
      return list.length ? list : undefined;
    }
    case 'keyValue': {
      const entries = text
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean)
        .map(l => {
          const i = l.indexOf('=');
          return i < 0 ? [l, ''] : [l.slice(0, i).trim(), l.slice(i + 1).trim()];
        });
      return entries.length ? Object.fromEntries(entries) : undefined;
    }
    default:
      return text === '' ? undefined : text;
  }
}

/**
 * The form of a kind: every field of `omeFormFields`, its current value, its errors
 * (instant schema errors and the server's) and its help text.
 */
export function FormFields(props: {
  fields: FormField[];
  values: Record<string, unknown>;
  errors: OmeFieldError[];
  onChange: (id: string, value: unknown) => void;
  isCreate: boolean;
}) {
  const { fields, values, errors } = props;
  // texts being typed (numbers, lists, maps) are kept as typed until they parse
  const [raw, setRaw] = useState<Record<string, string>>({});

  return (
    <Grid container spacing={2}>
      {fields.map(field => {
        const fieldErrors = errors.filter(e => errorBelongsTo(field, e.path));
        const errorText = fieldErrors.map(e => e.message).join('; ');
        const disabled = !!field.createOnly && !props.isCreate;
        const value = values[field.id];
        const helper = errorText || field.help || (disabled ? 'Set at creation' : undefined);
        const testId = `ome-form-${field.id}`;
        const htmlId = `ome-form-${field.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        if (field.type === 'boolean') {
          return (
            <Grid item xs={12} md={6} key={field.id}>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={value === true}
                    disabled={disabled}
                    onChange={ev => props.onChange(field.id, ev.target.checked)}
                    inputProps={{ 'data-testid': testId } as any}
                  />
                }
                label={field.label}
              />
              {helper && (
                <FormHelperText error={!!errorText}>{helper}</FormHelperText>
              )}
            </Grid>
          );
        }
        if (field.type === 'select') {
          const opts = optionList(field.options);
          const current = value === undefined || value === null ? '' : String(value);
          if (current && !opts.some(o => o.value === current)) {
            opts.push({ value: current, label: current });
          }
          return (
            <Grid item xs={12} md={6} key={field.id}>
              <TextField
                select
                fullWidth
                id={htmlId}
                label={field.label}
                required={field.required}
                value={current}
                disabled={disabled}
                error={!!errorText}
                helperText={helper}
                SelectProps={{ native: true }}
                // a native select always shows an option: keep the label above it
                InputLabelProps={{ shrink: true }}
                inputProps={{ 'data-testid': testId }}
                onChange={ev =>
                  props.onChange(field.id, ev.target.value === '' ? undefined : ev.target.value)
                }
              >
                <option value="">—</option>
                {opts.map(o => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </TextField>
            </Grid>
          );
        }
        const multiline = field.type === 'stringList' || field.type === 'keyValue';
        const text = raw[field.id] ?? toText(field, value);
        return (
          <Grid item xs={12} md={6} key={field.id}>
            <TextField
              fullWidth
              id={htmlId}
              label={field.label}
              required={field.required}
              value={text}
              disabled={disabled}
              error={!!errorText}
              helperText={helper ?? FORMAT_HELP[field.type]}
              multiline={multiline}
              minRows={multiline ? 2 : undefined}
              inputProps={{
                'data-testid': testId,
                ...(field.type === 'number' && { inputMode: 'decimal' }),
              }}
              onChange={ev => {
                const t = ev.target.value;
                setRaw(r => ({ ...r, [field.id]: t }));
                props.onChange(field.id, fromText(field, t));
              }}
              onBlur={() =>
                setRaw(r => {
                  const next = { ...r };
                  delete next[field.id];
                  return next;
                })
              }
            />
          </Grid>
        );
      })}
      <Box />
    </Grid>
  );
}
