import { PlainField } from './PlainField';

export interface PlainTextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The sentence saying what is wrong; makes the field invalid and is announced with it. */
  error?: string | null | undefined;
  placeholder?: string;
  inputRef?: React.Ref<HTMLInputElement>;
}

/**
 * A labelled one-line text input without React Aria: the markup, classes and
 * accessible name of ui/TextField's single-line field, for a field in the
 * start's first frame (Compose's sender), which must not wait for React
 * Aria's code.
 */
export function PlainTextField(props: PlainTextFieldProps) {
  return (
    <PlainField
      label={props.label}
      error={props.error}
      control={({ id, invalid, describedBy }) => (
        <input
          id={id}
          ref={props.inputRef}
          type="text"
          value={props.value}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          placeholder={props.placeholder}
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      )}
    />
  );
}
