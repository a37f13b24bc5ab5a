/*
 * Compose's parts that are built on React Aria, in a chunk of their own that
 * the start asks for at once (first-frame/use-aria-parts.ts): the start file
 * holds neither them nor React Aria's components, so the first frame
 * compiles and renders without them (bench/RESULTS.md, r10-hrs).
 */
export { Button } from '../../ui/Button';
export { Select } from '../../ui/Select';
export { DraftsList } from './components/DraftsList';
export { MergeTools } from './components/MergeTools';
export { RecipientsField } from './components/RecipientsField';
export { SendOptions } from './components/SendOptions';
export { SentNotice } from './components/SentNotice';
export {
  SendConfirm,
  SettledAudienceSummary,
  SettledHints,
  SettledMergePreview,
} from './live/SettledControls';
