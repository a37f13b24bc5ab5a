import type { EncodingChoice } from '../../../shared/sms/counter';

/** Values accepted by `segments --encoding`, apart from the counter so `--help` need not load it. */
export const SEGMENT_ENCODINGS: readonly EncodingChoice[] = ['auto', 'gsm', 'gsm-pt', 'ucs2'];
