export { type ComposeCost, composeCost } from './cost';
export {
  countAfterMerge,
  type MergeCount,
  type MergedMessage,
  type MergeTarget,
} from './merge-count';
export { looksLikeNumberList, splitNumberList } from './number-list';
export {
  type Audience,
  type AudienceRecipient,
  isSendable,
  type RecipientSource,
  type SuppressionReason,
} from './types';
