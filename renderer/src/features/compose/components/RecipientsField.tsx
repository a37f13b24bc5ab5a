import { memo, useMemo, useState } from 'react';
import {
  Button as AriaButton,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Tag,
  TagGroup,
  TagList,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n/languages';
import { formatNumber } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import {
  chipStatuses,
  chipText,
  chipTone,
  isNumberText,
  isPastedNumbers,
  isTypedList,
  numberFacts,
  SHOWN_NUMBERS,
  type T,
} from '../recipient-text';
import type { DraftChip, Resolved, Suggestions } from '../store';

type Option =
  | { id: string; kind: 'number'; input: string }
  | { id: string; kind: 'contact'; contactId: number; label: string; detail: string }
  | { id: string; kind: 'book'; bookId: number; label: string; count: number }
  | { id: string; kind: 'tag'; name: string; count: number };

export interface RecipientsFieldProps {
  chips: readonly DraftChip[];
  audience: Resolved | null;
  suggestions: Suggestions;
  language: Language;
  error: string | null;
  description: string;
  inputRef?: React.Ref<HTMLInputElement>;
  /** What was typed into the first frame's stand-in before this field arrived. */
  initialInput?: string;
  onSearch: (query: string) => void;
  onAdd: (chips: DraftChip[]) => void;
  onAddNumbers: (text: string) => void;
  onRemove: (index: number) => void;
}

/**
 * "To": a combobox that finds contacts, books and tags as you type and takes
 * typed or pasted numbers (a pasted column becomes one chip per number). Each
 * chip says what it is: a number's country and line type, or why it cannot
 * be sent to. A long paste is summed up in one chip that opens on demand.
 */
export const RecipientsField = memo(function RecipientsField(props: RecipientsFieldProps) {
  const { t } = useTranslation('compose');
  const [input, setInput] = useState(props.initialInput ?? '');
  const [expanded, setExpanded] = useState(false);
  const { chips, audience, suggestions, language } = props;
  const statuses = useMemo(() => chipStatuses(chips, audience), [chips, audience]);

  const options = useMemo(() => optionsFor(input, suggestions, t), [input, suggestions, t]);

  const commit = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === '') return;
    props.onAddNumbers(trimmed);
    setInput('');
    props.onSearch('');
  };

  const choose = (id: string | number | null) => {
    const option = options.find((o) => o.id === id);
    if (!option) return;
    if (option.kind === 'number') commit(option.input);
    else {
      props.onAdd([chipOf(option)]);
      setInput('');
      props.onSearch('');
    }
  };

  const numberIndexes = chips.flatMap((c, i) => (c.kind === 'number' ? [i] : []));
  const hidden = expanded ? new Set<number>() : new Set(numberIndexes.slice(SHOWN_NUMBERS));
  const visible = chips.map((c, i) => ({ c, i })).filter(({ i }) => !hidden.has(i));

  return (
    <div className="recipients field" data-testid="recipients">
      <ComboBox
        className="recipients-combobox"
        inputValue={input}
        onInputChange={(value) => {
          if (isTypedList(value)) return commit(value);
          setInput(value);
          props.onSearch(value);
        }}
        selectedKey={null}
        onSelectionChange={choose}
        items={options}
        allowsCustomValue
        // Suggestions arrive after the keystroke: the list opens for them; with nothing typed it closes.
        allowsEmptyCollection={input.trim() !== ''}
        menuTrigger="input"
        isInvalid={Boolean(props.error)}
        validationBehavior="aria"
      >
        <Label className="field-label">{t('to')}</Label>
        <Input
          ref={props.inputRef}
          placeholder={t('toPlaceholder')}
          onPaste={(event) => {
            const text = event.clipboardData.getData('text');
            if (isPastedNumbers(text)) {
              event.preventDefault();
              commit(text);
            }
          }}
          onKeyDown={(event) => {
            // Enter with nothing picked in the list: the typed number becomes a chip.
            if (event.key !== 'Enter' || input.trim() === '') return;
            if (event.currentTarget.getAttribute('aria-activedescendant')) return;
            event.preventDefault();
            commit(input);
          }}
          onBlur={() => {
            // A number left in the field is kept as a chip (a name being searched is not).
            if (isNumberText(input)) commit(input);
          }}
        />
        <Text slot="description" className="field-description">
          {props.description}
        </Text>
        <FieldError className="field-error">{props.error}</FieldError>
        <Popover className="popover" placement="bottom start">
          <ListBox className="listbox">
            {(o: Option) => (
              <ListBoxItem id={o.id} className="listbox-item" textValue={textOf(o, t)}>
                <OptionLabel option={o} suggestions={suggestions} language={language} />
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {chips.length > 0 ? (
        <TagGroup
          aria-label={t('recipients.chipsLabel')}
          className="chips recipient-chips"
          onRemove={(keys) => {
            const indexes = [...keys].map(Number).sort((a, b) => b - a);
            for (const i of indexes) props.onRemove(i);
          }}
        >
          <TagList items={visible} className="chip-list">
            {({ c, i }) => (
              <Tag
                id={String(i)}
                textValue={chipText(c, statuses[i], t, language)}
                className={`chip recipient-chip ${chipTone(c, statuses[i])}`}
                data-testid="recipient-chip"
              >
                <span className="chip-label">{chipText(c, statuses[i], t, language)}</span>
                <AriaButton
                  slot="remove"
                  className="chip-remove"
                  aria-label={t('recipients.remove')}
                >
                  ×
                </AriaButton>
              </Tag>
            )}
          </TagList>
        </TagGroup>
      ) : null}
      {numberIndexes.length > SHOWN_NUMBERS ? (
        <Button variant="link" onPress={() => setExpanded(!expanded)} data-testid="more-numbers">
          {expanded
            ? t('recipients.collapse')
            : t('recipients.moreNumbers', {
                count: numberIndexes.length - SHOWN_NUMBERS,
                formatted: formatNumber(numberIndexes.length - SHOWN_NUMBERS, language),
              })}
        </Button>
      ) : null}
    </div>
  );
});

function chipOf(o: Exclude<Option, { kind: 'number' }>): DraftChip {
  if (o.kind === 'contact') return { kind: 'contact', id: o.contactId, label: o.label };
  if (o.kind === 'book') return { kind: 'book', id: o.bookId, label: o.label, count: o.count };
  return { kind: 'tag', name: o.name, count: o.count };
}

function optionsFor(input: string, s: Suggestions, t: T): Option[] {
  if (input.trim() === '' || s.query !== input.trim()) return [];
  const out: Option[] = [];
  if (s.number) out.push({ id: `n:${input}`, kind: 'number', input: input.trim() });
  for (const b of s.books)
    out.push({ id: `b:${b.id}`, kind: 'book', bookId: b.id, label: b.name, count: b.count });
  for (const g of s.tags)
    out.push({ id: `t:${g.name}`, kind: 'tag', name: g.name, count: g.count });
  for (const c of s.contacts) {
    const name = `${c.firstName} ${c.lastName}`.trim() || t('recipients.noName');
    const detail = [c.phone ? `+${c.phone.replace(/^\+/, '')}` : '', c.email]
      .filter(Boolean)
      .join(' · ');
    out.push({ id: `c:${c.id}`, kind: 'contact', contactId: c.id, label: name, detail });
  }
  return out;
}

function textOf(o: Option, t: T): string {
  if (o.kind === 'number') return t('recipients.addNumber', { number: o.input });
  if (o.kind === 'contact') return `${o.label} ${o.detail}`;
  if (o.kind === 'book') return t('recipients.book', { name: o.label, count: o.count });
  return t('recipients.tag', { name: o.name, count: o.count });
}

function OptionLabel(props: { option: Option; suggestions: Suggestions; language: Language }) {
  const { t } = useTranslation('compose');
  const o = props.option;
  if (o.kind === 'number') {
    const r = props.suggestions.number;
    return (
      <span className="option-number">
        {t('recipients.addNumber', { number: o.input })}{' '}
        <span className={r?.problem ? 'error' : 'muted'} data-testid="typed-number-check">
          {r ? numberFacts(r, t, props.language) : ''}
        </span>
      </span>
    );
  }
  if (o.kind === 'contact')
    return (
      <span>
        <bdi>{o.label}</bdi> <span className="muted">{o.detail}</span>
      </span>
    );
  if (o.kind === 'book')
    return <span>{t('recipients.book', { name: o.label, count: o.count })}</span>;
  return <span>{t('recipients.tag', { name: o.name, count: o.count })}</span>;
}
