import { useLayoutEffect, useRef } from 'react';
import { PlainField } from './PlainField';

export interface PlainTextAreaProps {
  label: string;
  /** The text it starts with; later changes from elsewhere are written by the caller (see MessageField). */
  defaultValue: string;
  onText: (text: string) => void;
  /** The sentence saying what is wrong; makes the field invalid and is announced with it. */
  error?: string | null | undefined;
  placeholder?: string;
  rows?: number;
  textareaRef?: React.RefObject<HTMLTextAreaElement | null>;
}

/**
 * A labelled text area that React does not hold the value of: typing does
 * not render it again, and React does not write a long text back into the
 * DOM on every key. Same markup and attributes as ui/TextField's multiline
 * field (label, `aria-invalid`, `aria-describedby` naming the error, the
 * `.field` styles and the browser's own focus ring). What is typed is read
 * by a listener of its own on the text area, not React's `onChange`: the
 * text reaches the caller at the text area itself, before the event bubbles
 * up to React's root listener and its change-event plugin (every input
 * event: typing, IME composition, a drop, a paste).
 */
export function PlainTextArea(props: PlainTextAreaProps) {
  const { onText } = props;
  const own = useRef<HTMLTextAreaElement>(null);
  const ref = props.textareaRef ?? own;
  // Listening from the commit itself: a passive effect runs a task later, and a key pressed in
  // the first frame (before it) would be in the box but not in the store, then wiped by it.
  useLayoutEffect(() => {
    const area = ref.current;
    if (!area) return;
    const onInput = () => onText(area.value);
    area.addEventListener('input', onInput);
    return () => area.removeEventListener('input', onInput);
  }, [ref, onText]);
  return (
    <PlainField
      label={props.label}
      error={props.error}
      control={({ id, invalid, describedBy }) => (
        <textarea
          id={id}
          ref={ref}
          rows={props.rows ?? 4}
          defaultValue={props.defaultValue}
          placeholder={props.placeholder}
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      )}
    />
  );
}
