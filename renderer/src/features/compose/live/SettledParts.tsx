import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { composeCost, type MergeCount } from '../../../../../shared/compose';
import type { Language } from '../../../i18n/languages';
import { formatNumber } from '../../../lib/format';
import { CostLine } from '../components/CostLine';
import { mergeTargets } from '../message-count';
import { type Pricing, type Resolved, useCompose } from '../store';
import { useSettledCount } from './settled-count';

/*
 * The parts of Compose that follow the text a moment after each keystroke
 * (settled-count.tsx): each reads the settled count itself, so only these
 * render again once typing settles, not the whole view. Those built on
 * React Aria are in SettledControls.tsx, which arrives after the first frame.
 */

/** How many the message goes to: those it merges for, less those the country rules leave out. */
export function sendingTo(merged: MergeCount | null, audience: Resolved | null): number {
  const sendable = merged ? merged.messages.filter((m) => m.ok).length : 0;
  const leftOutByRules =
    audience?.check.leftOut.filter((l) => l.code !== 'missing-field').length ?? 0;
  return Math.max(0, sendable - leftOutByRules);
}

export function useCost(pricing: Pricing | 'loading' | undefined) {
  const { merged } = useSettledCount();
  const targets = useCompose((s) => mergeTargets(s.audience?.recipients));
  return useMemo(() => {
    if (!merged || !pricing || pricing === 'loading' || !pricing.currency) return null;
    return composeCost(merged, targets, {
      prices: pricing.prices,
      currency: pricing.currency,
      balance: pricing.balance,
    });
  }, [merged, targets, pricing]);
}

export function SettledCostLine(props: {
  pricing: Pricing | 'loading' | undefined;
  language: Language;
}) {
  const cost = useCost(props.pricing);
  return <CostLine cost={cost} pricing={props.pricing} language={props.language} />;
}

/**
 * A native submit button in the Button component's look: the first frame
 * has it without React Aria (the form's submit is all it does).
 */
export function SendButton(props: { sending: boolean; language: Language }) {
  const { t } = useTranslation('compose');
  const { merged } = useSettledCount();
  const audience = useCompose((s) => s.audience);
  const to = sendingTo(merged, audience);
  return (
    <button type="submit" className="btn btn-primary btn-native" disabled={props.sending}>
      {props.sending
        ? t('queueing')
        : to > 1
          ? t('sendTo', { count: to, formatted: formatNumber(to, props.language) })
          : t('send')}{' '}
      <kbd>{t('sendShortcut')}</kbd>
    </button>
  );
}
