/*
 * Compose's parts that are built on React Aria, in a chunk of their own that
 * the start asks for at once (first-frame/use-aria-parts.ts): the start file
 * holds neither them nor React Aria's components, so the first frame
 * compiles and renders without them (bench/RESULTS.md, r10-hrs). Each is
 * inside the app's React Aria locale (ui/AriaLocale.tsx).
 */
import { withAriaLocale } from '../../ui/AriaLocale';
import { Button as BareButton } from '../../ui/Button';
import { Select as BareSelect } from '../../ui/Select';
import { DraftsList as BareDraftsList } from './components/DraftsList';
import { MergeTools as BareMergeTools } from './components/MergeTools';
import { RecipientsField as BareRecipientsField } from './components/RecipientsField';
import { SendOptions as BareSendOptions } from './components/SendOptions';
import { SentNotice as BareSentNotice } from './components/SentNotice';
import * as settled from './live/SettledControls';

export const Button = withAriaLocale(BareButton);
export const Select = withAriaLocale(BareSelect) as typeof BareSelect;
export const DraftsList = withAriaLocale(BareDraftsList);
export const MergeTools = withAriaLocale(BareMergeTools);
export const RecipientsField = withAriaLocale(BareRecipientsField);
export const SendOptions = withAriaLocale(BareSendOptions);
export const SentNotice = withAriaLocale(BareSentNotice);
export const SendConfirm = withAriaLocale(settled.SendConfirm);
export const SettledAudienceSummary = withAriaLocale(settled.SettledAudienceSummary);
export const SettledHints = withAriaLocale(settled.SettledHints);
export const SettledMergePreview = withAriaLocale(settled.SettledMergePreview);
