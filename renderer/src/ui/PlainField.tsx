import { type ReactNode, useId } from 'react';

/**
 * The frame of a field without React Aria (ui/PlainTextField, ui/PlainTextArea):
 * the label, the `.field` styles and the error sentence, as ui/TextField draws
 * them. `control` gets the ids the input must carry.
 */
export function PlainField(props: {
  label: string;
  error?: string | null | undefined;
  control: (ids: {
    id: string;
    invalid: true | undefined;
    describedBy: string | undefined;
  }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const { error } = props;
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      {props.control({
        id,
        invalid: error ? true : undefined,
        describedBy: error ? errorId : undefined,
      })}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
