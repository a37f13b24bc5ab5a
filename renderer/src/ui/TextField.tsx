import type { ReactNode } from 'react';
import {
  TextField as AriaTextField,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
} from 'react-aria-components';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The sentence saying what is wrong; makes the field invalid and is announced. */
  error?: string | null | undefined;
  description?: ReactNode;
  placeholder?: string;
  type?: 'text' | 'password' | 'url' | 'tel' | 'datetime-local' | 'search';
  inputMode?: 'text' | 'tel' | 'url' | 'numeric';
  autoComplete?: string;
  multiline?: boolean;
  rows?: number;
  autoFocus?: boolean;
  name?: string;
  className?: string;
  inputRef?: React.Ref<HTMLInputElement & HTMLTextAreaElement>;
  onKeyDown?: (event: React.KeyboardEvent) => void;
}

/** A labelled text input (or text area) with its description and error under it. */
export function TextField(props: TextFieldProps) {
  const { label, value, onChange, error, description, multiline, className } = props;
  return (
    <AriaTextField
      className={`field${className ? ` ${className}` : ''}`}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      type={props.type ?? 'text'}
      autoComplete={props.autoComplete ?? 'off'}
      name={props.name ?? ''}
      autoFocus={props.autoFocus ?? false}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      {multiline ? (
        <TextArea
          rows={props.rows ?? 4}
          placeholder={props.placeholder}
          ref={props.inputRef}
          onKeyDown={props.onKeyDown}
        />
      ) : (
        <Input
          placeholder={props.placeholder}
          inputMode={props.inputMode}
          ref={props.inputRef}
          onKeyDown={props.onKeyDown}
        />
      )}
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </AriaTextField>
  );
}
