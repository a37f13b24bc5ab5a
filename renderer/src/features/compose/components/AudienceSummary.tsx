import { useTranslation } from 'react-i18next';
import type { MergeCount } from '../../../../../shared/compose';
import type { Language } from '../../../i18n/languages';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import type { Recipient, Resolved } from '../store';

/** At most this many people are named per list; the rest are counted. */
const NAMED = 8;

export interface AudienceSummaryProps {
  audience: Resolved;
  merged: MergeCount | null;
  language: Language;
  onRemoveInvalid: () => void;
  onRemoveDuplicates: () => void;
}

function who(r: Recipient | undefined, fallback: string): string {
  if (!r) return fallback;
  const number = r.e164 ?? r.input;
  return r.name ? `${r.name} (${number})` : number;
}

/**
 * Who the message goes to, in one line, and below it each group of people it
 * does not go to as written — invalid numbers, suppressed ones (why and since
 * when), duplicates merged, missing merge fields, country rules — named, never
 * silently dropped.
 */
export function AudienceSummary(props: AudienceSummaryProps) {
  const { t } = useTranslation('compose');
  const { audience, merged, language } = props;
  const byKey = new Map(audience.recipients.map((r) => [r.key, r]));
  const invalid = audience.recipients.filter((r) => r.problem !== null);
  const suppressed = audience.recipients.filter((r) => r.problem === null && r.suppressed);
  const missing = merged?.missing ?? [];
  const ruled = audience.check.leftOut.filter((l) => l.code !== 'missing-field');
  const leftOut = new Set([
    ...invalid.map((r) => r.key),
    ...suppressed.map((r) => r.key),
    ...missing.map((m) => m.key),
    ...ruled.map((l) => l.key),
  ]);
  const sending = audience.recipients.length - leftOut.size;
  const n = (count: number) => ({ count, formatted: formatNumber(count, language) });
  return (
    <div className="audience" data-testid="audience-summary">
      <p className="audience-total" role="status" aria-live="polite">
        <strong data-testid="audience-sending">{t('audience.sending', n(sending))}</strong>
        {leftOut.size > 0 ? ` · ${t('audience.leftOut', n(leftOut.size))}` : ''}
        {audience.duplicates.length > 0
          ? ` · ${t('audience.duplicatesMerged', n(audience.duplicates.length))}`
          : ''}
      </p>
      {invalid.length > 0 ? (
        <Group
          testId="audience-invalid"
          title={t('audience.invalidTitle', n(invalid.length))}
          action={
            <Button variant="link" onPress={props.onRemoveInvalid}>
              {t('audience.removeInvalid')}
            </Button>
          }
          items={invalid.map((r) => `${r.e164 ?? r.input}: ${r.problem ?? ''}`)}
        />
      ) : null}
      {suppressed.length > 0 ? (
        <Group
          testId="audience-suppressed"
          title={t('audience.suppressedTitle', n(suppressed.length))}
          items={suppressed.map((r) =>
            t(`audience.suppressedReason.${r.suppressed?.reason ?? 'manual'}`, {
              who: who(r, r.key),
              since: formatDateTime(r.suppressed?.since ?? 0, language),
            }),
          )}
        />
      ) : null}
      {audience.duplicates.length > 0 ? (
        <Group
          testId="audience-duplicates"
          title={t('audience.duplicatesTitle', n(audience.duplicates.length))}
          action={
            <Button variant="link" onPress={props.onRemoveDuplicates}>
              {t('audience.removeDuplicates')}
            </Button>
          }
          items={audience.duplicates.map((d) =>
            t('audience.duplicate', { who: who(byKey.get(d.key), d.e164), times: d.times }),
          )}
        />
      ) : null}
      {missing.length > 0 ? (
        <Group
          testId="audience-missing"
          title={t('audience.missingTitle', n(missing.length))}
          items={missing.map((m) =>
            t('audience.missing', { who: who(byKey.get(m.key), m.key), field: `{${m.field}}` }),
          )}
        />
      ) : null}
      {ruled.length > 0 ? (
        <Group
          testId="audience-ruled"
          title={t('audience.ruledTitle', n(ruled.length))}
          items={ruled.map((l) => `${who(byKey.get(l.key), l.e164 ?? l.key)}: ${l.message}`)}
        />
      ) : null}
      {audience.check.deferred.length > 0 ? (
        <Group
          testId="audience-deferred"
          title={t('audience.deferredTitle', n(audience.check.deferred.length))}
          items={audience.check.deferred.map((d) =>
            t('audience.deferred', {
              who: who(byKey.get(d.key), d.key),
              when: formatDateTime(d.until, language),
              why: d.message,
            }),
          )}
        />
      ) : null}
      {audience.check.warnings.length > 0 ? (
        <Group
          testId="audience-warnings"
          title={t('audience.warningsTitle')}
          items={audience.check.warnings.map((w) => `${w.countryIso}: ${w.message}`)}
        />
      ) : null}
    </div>
  );
}

function Group(props: {
  title: string;
  items: string[];
  action?: React.ReactNode;
  testId: string;
}) {
  const { t } = useTranslation('compose');
  const rest = props.items.length - NAMED;
  return (
    <details className="audience-group" data-testid={props.testId} open={props.items.length <= 3}>
      <summary>{props.title}</summary>
      {props.action ?? null}
      <ul>
        {props.items.slice(0, NAMED).map((item) => (
          <li key={item}>
            <bdi>{item}</bdi>
          </li>
        ))}
        {rest > 0 ? <li className="muted">{t('audience.andMore', { count: rest })}</li> : null}
      </ul>
    </details>
  );
}
