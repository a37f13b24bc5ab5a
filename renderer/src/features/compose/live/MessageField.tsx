import { memo, useCallback } from 'react';
import { TextField } from '../../../ui/TextField';
import { useCompose } from '../store';

/**
 * The message box. It alone (with the counter) reads the text as typed, so a
 * keystroke renders this field and the counter, not the whole of Compose.
 */
export const MessageField = memo(function MessageField(props: {
  label: string;
  placeholder: string;
  error: string | null;
  inputRef: React.Ref<HTMLInputElement & HTMLTextAreaElement>;
}) {
  const text = useCompose((s) => s.text);
  const set = useCompose((s) => s.set);
  const onChange = useCallback((text: string) => set({ text }), [set]);
  return (
    <TextField
      label={props.label}
      multiline
      rows={7}
      value={text}
      onChange={onChange}
      placeholder={props.placeholder}
      error={props.error}
      inputRef={props.inputRef}
    />
  );
});
