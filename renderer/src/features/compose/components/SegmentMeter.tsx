import { memo } from 'react';
import type { SegmentCount } from '../../../../../shared/sms';
import type { Language } from '../../../i18n/languages';
import { i18n } from '../../../i18n/setup';
import { formatNumber } from '../../../lib/format';
import { Meter } from '../../../ui/Meter';
import { type MeterSentences, meterSentences } from '../live/meter-sentences';

/*
 * The sentences per language, built on first use. The compose catalogs are
 * loaded before Compose renders in a language (app/lazy-view.ts); one added
 * later (a reload in development) drops what was built from the old ones.
 */
const sentencesByLanguage = new Map<Language, MeterSentences>();
i18n.store?.on('added', () => sentencesByLanguage.clear());

function sentencesFor(language: Language): MeterSentences {
  let sentences = sentencesByLanguage.get(language);
  if (!sentences) {
    const lookup = (key: string): string | undefined => {
      const found =
        i18n.getResource(language, 'compose', key) ?? i18n.getResource('en', 'compose', key);
      return typeof found === 'string' ? found : undefined;
    };
    sentences = meterSentences(language, lookup);
    sentencesByLanguage.set(language, sentences);
  }
  return sentences;
}

/**
 * The live counter under the message: what it costs and why. Only the short
 * summary (segments and encoding) is a polite live region, so a screen reader
 * hears the cost change, not every keystroke's character count. It renders on
 * every keystroke, so its words come pre-built (meter-sentences.ts), not
 * through `t()`.
 */
export const SegmentMeter = memo(function SegmentMeter({
  count,
  language,
}: {
  count: SegmentCount;
  language: Language;
}) {
  const say = sentencesFor(language);
  const used = count.unitsPerSegment - count.unitsLeft;
  const perPart = formatNumber(count.unitsPerSegment, language);
  return (
    <div className="segment-meter" data-testid="segment-meter">
      <p className="meter-summary" aria-live="polite" aria-atomic="true">
        <span data-testid="meter-encoding">{say.encoding[count.encoding]}</span>
        {' · '}
        <span data-testid="meter-segments-text">{say.segments(count.segments)}</span>
        <span hidden data-testid="meter-segments">
          {count.segments}
        </span>
      </p>
      <Meter
        label={say.label}
        value={used}
        max={count.unitsPerSegment}
        valueText={say.valueText(formatNumber(used, language), perPart)}
      />
      <p className="muted meter-detail" data-testid="meter-detail">
        {`${say.units(count.encoding, count.units, formatNumber(count.units, language))} · ${say.left(count.unitsLeft, perPart)}`}
      </p>
      {count.exceedsMaxParts ? (
        <p className="error" role="alert">
          {say.tooMany(count.segments, count.maxParts)}
        </p>
      ) : null}
    </div>
  );
});
