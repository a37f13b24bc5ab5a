import type { SegmentCount } from '../../../shared/sms';

const ENCODING_NAMES = {
  gsm: 'GSM-7',
  'gsm-pt': 'GSM-PT (Portuguese)',
  ucs2: 'UCS-2 (Unicode)',
} as const;

/** The live counter under the message: what it costs and why. */
export function SegmentMeter({ count }: { count: SegmentCount }) {
  const unit = count.encoding === 'ucs2' ? 'characters' : 'septets';
  return (
    <div className="meter" data-testid="segment-meter" aria-live="polite">
      <span data-testid="meter-encoding">{ENCODING_NAMES[count.encoding]}</span>
      <span>
        <strong data-testid="meter-segments">{count.segments}</strong>{' '}
        {count.segments === 1 ? 'segment' : 'segments'}
      </span>
      <span>
        {count.units} {unit} · {count.unitsLeft} left in this part ({count.unitsPerSegment} per
        part)
      </span>
      {count.exceedsMaxParts ? (
        <span className="error" role="alert">
          Needs {count.segments} parts; at most {count.maxParts} are allowed (the provider would
          refuse it with error 105).
        </span>
      ) : null}
    </div>
  );
}
