import { useId } from 'react';

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
  const id = useId();
  const errorId = `${id}-error`;
  const { error } = props;
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        ref={props.inputRef}
        type="text"
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        placeholder={props.placeholder}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
