import { useTranslation } from 'react-i18next';
import { forcingPositions, type GsmSuggestion, type SegmentCount } from '../../../../../shared/sms';
import { Button } from '../../../ui/Button';

/** Which characters force Unicode, the GSM-PT hint, and "replace smart punctuation" with undo. */
export function EncodingHints(props: {
  count: SegmentCount;
  suggestion: GsmSuggestion | null;
  canUndo: boolean;
  onReplace: (text: string) => void;
  onUndo: () => void;
  onUseGsmPt: () => void;
}) {
  const { t } = useTranslation('compose');
  const { count, suggestion } = props;
  // Eight shown, the rest only counted: a Hindi text has hundreds, and each listed one is an object.
  const forcing = forcingPositions(count);
  const shown = forcing.first(8);
  return (
    <div className="hints">
      {forcing.size > 0 ? (
        <p className="muted" data-testid="forcing-chars">
          {t('hints.forcing', {
            // "and 4 more" ends the list, inside the sentence's full stop.
            list:
              shown
                .map((c) => t('hints.charAt', { char: c.char, position: c.index + 1 }))
                .join(', ') +
              (forcing.size > 8 ? ` ${t('hints.andMore', { count: forcing.size - 8 })}` : ''),
          })}
        </p>
      ) : null}
      {count.gsmPtSegments !== undefined ? (
        <p className="hint" data-testid="gsm-pt-hint">
          {t('hints.gsmPt', { count: count.gsmPtSegments, current: count.segments })}{' '}
          <Button variant="link" onPress={props.onUseGsmPt}>
            {t('hints.useGsmPt')}
          </Button>
        </p>
      ) : null}
      {suggestion && suggestion.replacements.length > 0 ? (
        <p className="hint" data-testid="gsm-suggestion">
          {t(
            suggestion.remaining.length === 0
              ? suggestion.segmentsSaved > 0
                ? 'hints.replaceBackSaves'
                : 'hints.replaceBack'
              : 'hints.replaceSome',
            {
              list: suggestion.replacements
                .map((r) => `${r.from} → ${r.to === '' ? t('hints.removed') : r.to}`)
                .join(', '),
              count: suggestion.segmentsSaved,
            },
          )}{' '}
          <Button variant="link" onPress={() => props.onReplace(suggestion.text)}>
            {t('hints.replace')}
          </Button>
        </p>
      ) : props.canUndo ? (
        <Button variant="link" onPress={props.onUndo}>
          {t('hints.undo')}
        </Button>
      ) : null}
    </div>
  );
}
