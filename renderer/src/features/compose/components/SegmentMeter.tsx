import { useTranslation } from 'react-i18next';
import type { SegmentCount } from '../../../../../shared/sms';
import { formatNumber } from '../../../lib/format';
import { Meter } from '../../../ui/Meter';

const ENCODING_KEYS = {
  gsm: 'compose:encoding.gsm',
  'gsm-pt': 'compose:encoding.gsmPt',
  ucs2: 'compose:encoding.ucs2',
} as const;

/**
 * The live counter under the message: what it costs and why. Only the short
 * summary (segments and encoding) is a polite live region, so a screen reader
 * hears the cost change, not every keystroke's character count.
 */
export function SegmentMeter({ count, language }: { count: SegmentCount; language: 'en' | 'es' }) {
  const { t } = useTranslation('compose');
  const used = count.unitsPerSegment - count.unitsLeft;
  const unitKey = count.encoding === 'ucs2' ? 'meter.characters' : 'meter.septets';
  return (
    <div className="segment-meter" data-testid="segment-meter">
      <p className="meter-summary" aria-live="polite" aria-atomic="true">
        <span data-testid="meter-encoding">{t(ENCODING_KEYS[count.encoding])}</span>
        {' · '}
        <span data-testid="meter-segments-text">
          {t('meter.segments', { count: count.segments })}
        </span>
        <span hidden data-testid="meter-segments">
          {count.segments}
        </span>
      </p>
      <Meter
        label={t('meter.label')}
        value={used}
        max={count.unitsPerSegment}
        valueText={t('meter.valueText', {
          used: formatNumber(used, language),
          max: formatNumber(count.unitsPerSegment, language),
        })}
      />
      <p className="muted meter-detail" data-testid="meter-detail">
        {t(unitKey, { count: count.units, formatted: formatNumber(count.units, language) })}
        {' · '}
        {t('meter.left', {
          count: count.unitsLeft,
          perPart: formatNumber(count.unitsPerSegment, language),
        })}
      </p>
      {count.exceedsMaxParts ? (
        <p className="error" role="alert">
          {t('meter.tooMany', { count: count.segments, max: count.maxParts })}
        </p>
      ) : null}
    </div>
  );
}
