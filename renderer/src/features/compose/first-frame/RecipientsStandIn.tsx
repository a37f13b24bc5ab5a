import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n/languages';
import { type FocusHandoff, useFocusNoted } from '../../../ui/stand-in';
import {
  type ChipStatus,
  chipText,
  chipTone,
  isPastedNumbers,
  isTypedList,
  SHOWN_NUMBERS,
} from '../recipient-text';
import type { DraftChip } from '../store';

export interface RecipientsStandInProps {
  chips: readonly DraftChip[];
  statuses: readonly ChipStatus[];
  language: Language;
  error: string | null;
  description: string;
  /** What is typed; the real field starts with it. */
  input: string;
  onInput: (value: string) => void;
  inputRef: React.RefObject<HTMLInputElement | null>;
  handoff: FocusHandoff;
  onSearch: (query: string) => void;
  onAddNumbers: (text: string) => void;
}

/**
 * "To" in the start's first frame: a plain text input with the markup, role,
 * name and classes of components/RecipientsField.tsx (React Aria's
 * ComboBox), which replaces it a moment later with what was typed, the
 * focus and the caret. Typed or pasted numbers become chips as in the real
 * field; the suggestions list opens once the real field is there.
 */
export function RecipientsStandIn(props: RecipientsStandInProps) {
  const { t } = useTranslation('compose');
  const id = useId();
  useFocusNoted(props.inputRef, props.handoff);
  const commit = (text: string) => {
    if (text.trim() === '') return;
    props.onAddNumbers(text.trim());
    props.onInput('');
    props.onSearch('');
  };
  return (
    <div className="recipients field" data-testid="recipients">
      <div className="recipients-combobox">
        <label className="field-label" id={`${id}-label`} htmlFor={id}>
          {t('to')}
        </label>
        <input
          ref={props.inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-expanded="false"
          aria-autocomplete="list"
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-description${props.error ? ` ${id}-error` : ''}`}
          aria-invalid={props.error ? true : undefined}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          className="react-aria-Input"
          placeholder={t('toPlaceholder')}
          value={props.input}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isTypedList(value)) return commit(value);
            props.onInput(value);
            props.onSearch(value);
          }}
          onPaste={(event) => {
            const text = event.clipboardData.getData('text');
            if (!isPastedNumbers(text)) return;
            event.preventDefault();
            commit(text);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || props.input.trim() === '') return;
            event.preventDefault();
            commit(props.input);
          }}
        />
        <span className="field-description" id={`${id}-description`}>
          {props.description}
        </span>
        {props.error ? (
          <span className="field-error" id={`${id}-error`}>
            {props.error}
          </span>
        ) : null}
      </div>
      <StandInChips {...props} />
    </div>
  );
}

/** The chips a saved draft starts with, as the real field's tag list draws them (not yet removable). */
function StandInChips(props: RecipientsStandInProps) {
  const { t } = useTranslation('compose');
  const { chips, statuses, language } = props;
  if (chips.length === 0) return null;
  let numbers = 0;
  const shown = chips.flatMap((c, i) => {
    if (c.kind === 'number' && ++numbers > SHOWN_NUMBERS) return [];
    return [{ c, i }];
  });
  return (
    <div className="chips recipient-chips">
      <div className="chip-list">
        {shown.map(({ c, i }) => (
          <div
            key={i}
            className={`chip recipient-chip ${chipTone(c, statuses[i])}`}
            data-testid="recipient-chip"
          >
            <span className="chip-label">{chipText(c, statuses[i], t, language)}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
