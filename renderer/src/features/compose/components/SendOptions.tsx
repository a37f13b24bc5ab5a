import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncodingChoice } from '../../../../../shared/sms';
import type { Language } from '../../../i18n/languages';
import { formatDateTime } from '../../../lib/format';
import { Select } from '../../../ui/Select';
import { TextField } from '../../../ui/TextField';
import type { Draft } from '../store';

const ENCODINGS: { id: EncodingChoice; key: string }[] = [
  { id: 'auto', key: 'encoding.auto' },
  { id: 'gsm', key: 'encoding.gsm' },
  { id: 'gsm-pt', key: 'encoding.gsmPt' },
  { id: 'ucs2', key: 'encoding.ucs2' },
];

/** Validity choices: as long as the provider keeps it, or a few usual spans. */
const VALIDITIES = ['', '1h', '6h', '1d', '3d'] as const;

export interface SendOptionsProps {
  encoding: EncodingChoice;
  marketing: boolean;
  at: string;
  validFor: Draft['validFor'];
  atError: string | null;
  schedulesAtProvider: boolean;
  language: Language;
  set: (patch: Partial<Draft>) => void;
}

/**
 * Encoding, kind of message, send time and validity. Memoised with only
 * what it shows as props: typing in the message does not render these four
 * fields again (React Aria's fields are the costly part of a keystroke).
 */
export const SendOptions = memo(function SendOptions(props: SendOptionsProps) {
  const { t } = useTranslation('compose');
  const { set, language } = props;
  const encodings = useMemo(() => ENCODINGS.map((e) => ({ id: e.id, label: t(e.key) })), [t]);
  const kinds = useMemo(
    () => [
      { id: 'information' as const, label: t('kind.information') },
      { id: 'marketing' as const, label: t('kind.marketing') },
    ],
    [t],
  );
  const validities = useMemo(
    () => VALIDITIES.map((v) => ({ id: v, label: t(`validity.${v || 'none'}`) })),
    [t],
  );
  const setEncoding = useCallback((encoding: EncodingChoice) => set({ encoding }), [set]);
  const setKind = useCallback(
    (kind: 'information' | 'marketing') => set({ marketing: kind === 'marketing' }),
    [set],
  );
  const setAt = useCallback((at: string) => set({ at }), [set]);
  const setValidFor = useCallback((validFor: string) => set({ validFor }), [set]);
  const atMs = props.at ? Date.parse(props.at) : Number.NaN;
  return (
    <div className="grid-2">
      <Select
        label={t('encodingLabel')}
        value={props.encoding}
        onChange={setEncoding}
        options={encodings}
      />
      <Select
        label={t('kind.label')}
        value={props.marketing ? 'marketing' : 'information'}
        onChange={setKind}
        options={kinds}
      />
      <TextField
        label={t('sendAt')}
        type="datetime-local"
        value={props.at}
        onChange={setAt}
        error={props.atError}
        description={
          Number.isNaN(atMs)
            ? undefined
            : props.schedulesAtProvider
              ? t('schedule.atProvider', { when: formatDateTime(atMs, language) })
              : t('schedule.here', { when: formatDateTime(atMs, language) })
        }
      />
      <Select<string>
        label={t('validity.label')}
        value={props.validFor}
        onChange={setValidFor}
        options={validities}
      />
    </div>
  );
});
