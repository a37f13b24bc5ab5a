import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FilterName, parseTemplate, renderTemplate } from '../../../../../shared/merge';
import {
  countSegments,
  type EncodingChoice,
  hasForcingChars,
  type SegmentCount,
  suggestGsmReplacements,
} from '../../../../../shared/sms';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import { SegmentMeter } from '../../compose/components/SegmentMeter';
import { EncodingHints } from '../../compose/components/Suggestions';
import type { MessageChoices, Sniff } from '../store';

const FILTERS: FilterName[] = [
  'capitalize',
  'capitalizeAll',
  'upper',
  'lower',
  'formatDotComma',
  'formatCommaDot',
  'shorten',
];
const ENCODINGS: { id: EncodingChoice; key: string }[] = [
  { id: 'auto', key: 'compose:encoding.auto' },
  { id: 'gsm', key: 'compose:encoding.gsm' },
  { id: 'gsm-pt', key: 'compose:encoding.gsmPt' },
  { id: 'ucs2', key: 'compose:encoding.ucs2' },
];

type Which = 'first' | 'longest' | number;

interface RowPreview {
  index: number;
  text: string | null;
  problem: string | null;
  count: SegmentCount | null;
}

/** The merge values of one preview row: each column by its field name, plus the role names. */
function rowValues(sniff: Sniff, cells: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  sniff.fields.forEach((f, i) => {
    values[f] = cells[i] ?? '';
  });
  for (const [role, where] of Object.entries(sniff.roles))
    if (!(role in values)) values[role] = cells[where.column] ?? '';
  return values;
}

export interface MessageStepProps {
  language: 'en' | 'es';
  sniff: Sniff;
  message: MessageChoices;
  defaultSender: string;
  accounts: { id: number; label: string }[];
  onChange: (patch: Partial<MessageChoices>) => void;
}

/** Step 3: the template, fields and filters to insert, and the live preview of any of the first rows. */
export function MessageStep(props: MessageStepProps) {
  const { t } = useTranslation('bulk');
  const { sniff, message } = props;
  const area = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [which, setWhich] = useState<Which>('first');
  const [filter, setFilter] = useState<FilterName | 'none'>('none');
  const [beforeReplace, setBeforeReplace] = useState<string | null>(null);

  const previews = useMemo<RowPreview[]>(() => {
    const template = parseTemplate(message.template);
    return sniff.preview.map((cells, index) => {
      const rendered = renderTemplate(template, rowValues(sniff, cells));
      if (!rendered.ok) return { index, text: null, problem: rendered.error.message, count: null };
      return {
        index,
        text: rendered.text,
        problem: null,
        count: countSegments(rendered.text, { encoding: message.encoding }),
      };
    });
  }, [sniff, message.template, message.encoding]);

  const longest = previews.reduce<RowPreview | null>(
    (best, p) =>
      p.count &&
      (!best?.count ||
        p.count.segments > best.count.segments ||
        (p.count.segments === best.count.segments &&
          (p.text?.length ?? 0) > (best.text?.length ?? 0)))
        ? p
        : best,
    null,
  );
  const shown =
    which === 'first'
      ? previews[0]
      : which === 'longest'
        ? longest
        : (previews[which] ?? previews[0]);
  const count = shown?.count ?? countSegments(message.template, { encoding: message.encoding });
  const forcing = hasForcingChars(count);
  const suggestion = useMemo(
    () => (forcing ? suggestGsmReplacements(message.template) : null),
    [forcing, message.template],
  );
  const headerRows = sniff.header.present ? 1 : 0;

  const insert = (field: string) => {
    const token = `{${field}${filter === 'none' ? '' : `|${filter}`}}`;
    const el = area.current;
    const at = el?.selectionStart ?? message.template.length;
    const end = el?.selectionEnd ?? at;
    props.onChange({
      template: message.template.slice(0, at) + token + message.template.slice(end),
    });
    el?.focus();
  };

  return (
    <div className="wizard-body">
      <div className="grid-2">
        <Select
          label={t('message.account')}
          value={message.accountId}
          onChange={(accountId) => props.onChange({ accountId })}
          options={props.accounts}
        />
        <TextField
          label={t('message.sender')}
          value={message.sender ?? props.defaultSender}
          onChange={(sender) => props.onChange({ sender })}
          description={t('message.senderHelp')}
        />
        <Select
          label={t('message.encoding')}
          value={message.encoding}
          onChange={(encoding) => props.onChange({ encoding })}
          options={ENCODINGS.map((e) => ({ id: e.id, label: t(e.key) }))}
        />
        <TextField
          label={t('message.at')}
          type="datetime-local"
          value={message.at}
          onChange={(at) => props.onChange({ at })}
          description={t('message.atHelp')}
        />
      </div>
      <div className="field-inserts" data-testid="field-inserts">
        <Select
          label={t('message.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { id: 'none' as const, label: t('message.filters.none') },
            ...FILTERS.map((f) => ({ id: f, label: t(`message.filters.${f}`) })),
          ]}
        />
        <fieldset className="row-actions field-buttons">
          <legend className="visually-hidden">{t('message.insertLabel')}</legend>
          {sniff.fields.map((field) => (
            <Button key={field} onPress={() => insert(field)}>
              {`{${field}}`}
            </Button>
          ))}
        </fieldset>
      </div>
      <TextField
        label={t('message.template')}
        multiline
        rows={5}
        value={message.template}
        onChange={(template) => props.onChange({ template })}
        placeholder={t('message.placeholder', {
          field: `{${sniff.fields[sniff.roles.name?.column ?? 0] ?? 'name'}}`,
        })}
        inputRef={area}
      />
      <SegmentMeter count={count} language={props.language} />
      <EncodingHints
        count={count}
        suggestion={suggestion}
        canUndo={beforeReplace !== null}
        onReplace={(text) => {
          setBeforeReplace(message.template);
          props.onChange({ template: text });
        }}
        onUndo={() => {
          if (beforeReplace !== null) props.onChange({ template: beforeReplace });
          setBeforeReplace(null);
        }}
        onUseGsmPt={() => props.onChange({ encoding: 'gsm-pt' })}
      />
      <section className="card preview-card" aria-label={t('message.previewLabel')}>
        <Select
          label={t('message.previewOf')}
          value={which}
          onChange={setWhich}
          options={[
            { id: 'first' as const, label: t('message.previewFirst') },
            { id: 'longest' as const, label: t('message.previewLongest') },
            ...previews.map((p) => ({
              id: p.index,
              label: t('message.previewRow', { row: p.index + 1 + headerRows }),
            })),
          ]}
        />
        {message.template.trim() === '' ? (
          <p className="muted">{t('message.previewEmpty')}</p>
        ) : shown?.problem ? (
          <p className="error" data-testid="preview-problem">
            {t('message.previewProblem', {
              row: (shown.index ?? 0) + 1 + headerRows,
              problem: shown.problem,
            })}
          </p>
        ) : (
          <p className="sms-preview" data-testid="row-preview">
            {shown?.text}
          </p>
        )}
      </section>
    </div>
  );
}
