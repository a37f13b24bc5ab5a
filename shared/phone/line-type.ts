import type { NumberType } from 'libphonenumber-js/max';
import type { LineType } from './types';

const LINE_TYPES: Record<NonNullable<NumberType>, LineType> = {
  MOBILE: 'mobile',
  FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile',
  FIXED_LINE: 'fixed',
  VOIP: 'voip',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  PERSONAL_NUMBER: 'personal',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

/** Maps libphonenumber's type to ours; some countries' metadata cannot tell mobile from fixed. */
export function toLineType(type: NumberType): LineType {
  return type ? LINE_TYPES[type] : 'unknown';
}
