import { Box, TextField } from '@material-ui/core';
import { OmeFieldError } from '@ome-console/plugin-ome-common';
import { FormField, FormFields } from './FormFields';

/** The form of a draft: its fields, and a name field for a create when the kind's form has none. */
export function DraftForm(props: {
  fields: FormField[];
  values: Record<string, unknown>;
  errors: OmeFieldError[];
  onChange: (id: string, value: unknown) => void;
  isCreate: boolean;
  /** Create, without a name field in the form. */
  name?: { value: string; onChange: (name: string) => void };
}) {
  const nameErrors = props.errors.filter(e => e.path === 'metadata.name');
  return (
    <>
      {props.name && (
        <Box mb={2}>
          <TextField
            fullWidth
            required
            id="ome-editor-name"
            label="Name"
            value={props.name.value}
            error={nameErrors.length > 0}
            helperText={nameErrors.map(e => e.message).join('; ')}
            onChange={ev => props.name!.onChange(ev.target.value)}
          />
        </Box>
      )}
      <FormFields
        fields={props.fields}
        values={props.values}
        errors={props.errors}
        onChange={props.onChange}
        isCreate={props.isCreate}
      />
    </>
  );
}
