import { TextField, TextFieldProps } from '@material-ui/core';

/** A native select over plain string options (clusters, namespaces). */
export function OptionSelect(
  props: Omit<TextFieldProps, 'select' | 'onChange' | 'children'> & {
    options: readonly string[];
    onChange: (value: string) => void;
    /** Label of an empty first option, when the field may be left empty. */
    emptyOption?: string;
  },
) {
  const { options, onChange, emptyOption, SelectProps, ...rest } = props;
  return (
    <TextField
      {...rest}
      select
      onChange={ev => onChange(ev.target.value)}
      SelectProps={{ ...SelectProps, native: true }}
    >
      {emptyOption !== undefined && <option value="">{emptyOption}</option>}
      {options.map(option => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </TextField>
  );
}
