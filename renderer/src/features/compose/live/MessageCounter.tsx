import { memo, useMemo } from 'react';
import type { Language } from '../../../i18n/languages';
import { SegmentMeter } from '../components/SegmentMeter';
import { countShown, mergeTargets } from '../message-count';
import { useCompose } from '../store';
import { useComposeText } from '../text-store';

/**
 * The counter under the message, in the keystroke's own render: the
 * previewed recipient's message after merge (the first, the longest, or the
 * one picked), or the text as typed when there is nobody to merge for. It
 * reads the text as typed; the rest of Compose follows it a moment later
 * (settled-count.tsx).
 */
export const MessageCounter = memo(function MessageCounter({ language }: { language: Language }) {
  const text = useComposeText((s) => s.text);
  const encoding = useCompose((s) => s.encoding);
  const preview = useCompose((s) => s.preview);
  const targets = useCompose((s) => mergeTargets(s.audience?.recipients));
  const count = useMemo(
    () => countShown(text, targets, encoding, preview),
    [text, targets, encoding, preview],
  );
  return <SegmentMeter count={count} language={language} />;
});
