import { memo } from 'react';
import type { Language } from '../../../i18n/languages';
import { useLiveCount } from '../settled-count';
import { useCompose } from '../store';
import { previewMessage } from './MergePreview';
import { SegmentMeter } from './SegmentMeter';

/**
 * The counter under the message, in the keystroke's own render: the
 * previewed recipient's message after merge (the first, the longest, or the
 * one picked), or the text as typed when there is nobody to merge for.
 */
export const MessageCounter = memo(function MessageCounter({ language }: { language: Language }) {
  const { merged, textCount } = useLiveCount();
  const preview = useCompose((s) => s.preview);
  const shown = merged ? previewMessage(merged, preview) : undefined;
  return <SegmentMeter count={shown?.ok ? shown.count : textCount} language={language} />;
});
