import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hasForcingChars, suggestGsmReplacements } from '../../../../../shared/sms';
import type { Language } from '../../../i18n/languages';
import { formatMoney, formatNumber } from '../../../lib/format';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { AudienceSummary } from '../components/AudienceSummary';
import { MergePreview } from '../components/MergePreview';
import { EncodingHints } from '../components/Suggestions';
import { previewMessage } from '../message-count';
import {
  type PreviewChoice,
  type Pricing,
  type Recipient,
  type Resolved,
  useCompose,
} from '../store';
import { sendingTo, useCost } from './SettledParts';
import { useSettledCount } from './settled-count';

/* The settled parts built on React Aria (see SettledParts.tsx), after the first frame. */

export function SettledAudienceSummary(props: {
  audience: Resolved;
  language: Language;
  onRemoveInvalid: () => void;
  onRemoveDuplicates: () => void;
}) {
  const { merged } = useSettledCount();
  return <AudienceSummary {...props} merged={merged} />;
}

export function SettledMergePreview(props: {
  recipients: ReadonlyMap<string, Recipient>;
  choice: PreviewChoice;
  language: Language;
  onChoose: (choice: PreviewChoice) => void;
}) {
  const { merged } = useSettledCount();
  if (!merged) return null;
  return <MergePreview {...props} merged={merged} shown={previewMessage(merged, props.choice)} />;
}

export function SettledHints(props: {
  canUndo: boolean;
  onReplace: (text: string) => void;
  onUndo: () => void;
  onUseGsmPt: () => void;
}) {
  const { text, textCount } = useSettledCount();
  const gsm = !hasForcingChars(textCount);
  const suggestion = useMemo(() => (gsm ? null : suggestGsmReplacements(text)), [gsm, text]);
  return <EncodingHints {...props} count={textCount} suggestion={suggestion} />;
}

/** "Send to N people?" with the account, the parts and the cost, before a send to many. */
export function SendConfirm(props: {
  isOpen: boolean;
  accountName: string;
  pricing: Pricing | 'loading' | undefined;
  language: Language;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('compose');
  const { merged } = useSettledCount();
  const audience = useCompose((s) => s.audience);
  // The cost in the question is worked out only while it is asked.
  const cost = useCost(props.isOpen ? props.pricing : undefined);
  const { pricing, language } = props;
  const to = sendingTo(merged, audience);
  const n = formatNumber(to, language);
  const money = (v: number) =>
    pricing && pricing !== 'loading' && pricing.currency
      ? formatMoney(v, pricing.currency, language)
      : '';
  return (
    <ConfirmDialog
      isOpen={props.isOpen}
      title={t('confirm.title', { count: to, formatted: n })}
      confirmLabel={t('confirm.send', { count: to, formatted: n })}
      cancelLabel={t('confirm.cancel')}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    >
      <p data-testid="confirm-summary">
        {t('confirm.body', {
          count: to,
          formatted: n,
          account: props.accountName,
          segments: formatNumber(merged?.segments.total ?? 0, language),
        })}{' '}
        {cost?.estimate.totals
          ? t('confirm.cost', { amount: money(cost.estimate.totals.max) })
          : t('confirm.noCost')}
      </p>
      {audience && audience.recipients.length > to ? (
        <p className="muted">{t('confirm.leftOut', { count: audience.recipients.length - to })}</p>
      ) : null}
    </ConfirmDialog>
  );
}
