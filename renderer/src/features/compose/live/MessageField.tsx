import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { PlainTextArea } from '../../../ui/PlainTextArea';
import { useCompose } from '../store';
import { messageText, useComposeText } from '../text-store';

/**
 * The message box. The text area keeps what is typed itself: a keystroke
 * puts it in the store (the counter and the settled parts read it there) and
 * renders nothing here. A text set from elsewhere (a merge field inserted, a
 * suggestion taken, a draft opened) is written into the text area when the
 * store changes, before React renders.
 */
export const MessageField = memo(function MessageField(props: {
  label: string;
  placeholder: string;
  error: string | null;
  inputRef: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const set = useCompose((s) => s.set);
  const onText = useCallback((text: string) => set({ text }), [set]);
  const initial = useRef(messageText()).current;
  const { inputRef } = props;
  // In the commit, after the text area's own listener (PlainTextArea): nothing typed can come between.
  useLayoutEffect(() => {
    const follow = (text: string) => {
      const area = inputRef.current;
      if (area && area.value !== text) area.value = text;
    };
    follow(messageText());
    return useComposeText.subscribe((s, before) => {
      if (s.text !== before.text) follow(s.text);
    });
  }, [inputRef]);
  return (
    <PlainTextArea
      label={props.label}
      rows={7}
      defaultValue={initial}
      onText={onText}
      placeholder={props.placeholder}
      error={props.error}
      textareaRef={inputRef}
    />
  );
});
