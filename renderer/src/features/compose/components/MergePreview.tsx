import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeCount, MergedMessage } from '../../../../../shared/compose';
import type { Language } from '../../../i18n/languages';
import { formatNumber } from '../../../lib/format';
import { Select } from '../../../ui/Select';
import type { PreviewChoice, Recipient } from '../store';

const ENCODING_KEYS = {
  gsm: 'encoding.gsm',
  'gsm-pt': 'encoding.gsmPt',
  ucs2: 'encoding.ucs2',
} as const;

/** The at most this many recipients can be picked one by one for the preview. */
const PICKABLE = 300;

/**
 * The counter after merge (segments min / max / total over the recipients and
 * how many go in each encoding) and the preview of one recipient's message:
 * the first, the longest, or any one picked.
 */
export function MergePreview(props: {
  merged: MergeCount;
  recipients: ReadonlyMap<string, Recipient>;
  choice: PreviewChoice;
  shown: MergedMessage | undefined;
  language: Language;
  onChoose: (choice: PreviewChoice) => void;
}) {
  const { t } = useTranslation('compose');
  const { merged, language } = props;
  const n = (v: number) => formatNumber(v, language);
  const encodings = (Object.keys(ENCODING_KEYS) as (keyof typeof ENCODING_KEYS)[])
    .filter((e) => merged.encodings[e] > 0)
    .map((e) =>
      t('merge.encodingCount', { count: merged.encodings[e], encoding: t(ENCODING_KEYS[e]) }),
    );
  const value = typeof props.choice === 'string' ? props.choice : `k:${props.choice.key}`;
  // The same recipients in the same order keep the same options (a keystroke changes only the text).
  const pickable = merged.messages.slice(0, PICKABLE).map((m) => m.key);
  const keys = pickable.join('\n');
  const { recipients, onChoose } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keys stands for the pickable list
  const options = useMemo(
    () => [
      { id: 'first', label: t('merge.previewFirst') },
      { id: 'longest', label: t('merge.previewLongest') },
      ...pickable.map((key) => {
        const r = recipients.get(key);
        return {
          id: `k:${key}`,
          label: r?.name ? `${r.name} (${r.e164 ?? ''})` : (r?.e164 ?? key),
        };
      }),
    ],
    [keys, recipients, t],
  );
  const choose = useCallback(
    (id: string) => onChoose(id === 'first' || id === 'longest' ? id : { key: id.slice(2) }),
    [onChoose],
  );
  const shown = props.shown;
  const who = shown ? props.recipients.get(shown.key) : undefined;
  return (
    <div className="merge-preview" data-testid="merge-preview">
      <p
        className="merge-summary"
        aria-live="polite"
        aria-atomic="true"
        data-testid="merge-summary"
      >
        {t('merge.segments', {
          min: n(merged.segments.min),
          max: n(merged.segments.max),
          total: n(merged.segments.total),
          count: merged.segments.total,
        })}
        {encodings.length > 0 ? ` · ${encodings.join(', ')}` : ''}
      </p>
      <Select
        label={t('merge.previewFor')}
        value={value}
        options={options}
        onChange={choose}
        className="inline-field"
      />
      {shown ? (
        <figure className="preview-bubble" data-testid="preview-text">
          <figcaption className="muted">
            <bdi>{who?.name || who?.e164 || shown.key}</bdi>
          </figcaption>
          {shown.ok ? (
            <p>{shown.text}</p>
          ) : (
            <p className="error">{t('merge.cannotWrite', { field: `{${shown.field}}` })}</p>
          )}
        </figure>
      ) : null}
    </div>
  );
}
