import { TextField, TextFieldProps } from '@material-ui/core';

/**
 * A native select over plain string options (clusters, namespaces).
 *
 * A native select always shows an option, also when its value is empty ("All
 * namespaces"), but MUI only moves the label up for a non-empty value: the label is
 * therefore always shrunk, or it would be drawn over the shown option.
 */
export function OptionSelect(
  props: Omit<TextFieldProps, 'select' | 'onChange' | 'children'> & {
    options: readonly string[];
    onChange: (value: string) => void;
    /** Label of an empty first option, when the field may be left empty. */
    emptyOption?: string;
  },
) {
  const { options, onChange, emptyOption, SelectProps, InputLabelProps, ...rest } =
    props;
  return (
    <TextField
      {...rest}
      select
      onChange={ev => onChange(ev.target.value)}
      SelectProps={{ ...SelectProps, native: true }}
      InputLabelProps={{ ...InputLabelProps, shrink: true }}
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
