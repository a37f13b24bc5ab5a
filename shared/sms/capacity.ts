/**
 * How many units fit in one SMS, per encoding and per User Data Header.
 *
 * Source: 3GPP TS 23.040. The user data of one SMS is 140 octets (§9.2.3.16).
 * A User Data Header (§9.2.3.24) is UDHL (1 octet) plus its information
 * elements; in GSM 7-bit the septets that follow it start on a septet boundary,
 * so the header costs ceil(udhOctets * 8 / 7) septets of the 160.
 *   - concatenation, 8-bit reference (IEI 0x00, §9.2.3.24.1): 5 octets
 *   - national language single shift (IEI 0x24, §9.2.3.24.15): 3 octets
 *   - national language locking shift (IEI 0x25, §9.2.3.24.16): 3 octets
 * The Portuguese table pair is language id 3 (TS 23.038 §6.2.1.2.4).
 *
 * Each case below is one constant; `udhSeptets` in the unit tests re-derives
 * every number from these octet counts so a typo cannot hide.
 */

export interface Capacity {
  /** Units in a message that fits in one SMS. */
  readonly single: number;
  /** Units in each part of a concatenated message. */
  readonly multi: number;
}

/** GSM 7-bit, default tables: 160 alone; 160 - ceil(6*8/7)=153 with the concatenation UDH. */
export const GSM7_CAPACITY: Capacity = { single: 160, multi: 153 };

/** UCS-2: 140 octets / 2 = 70 code units; (140 - 6) / 2 = 67 with the concatenation UDH. */
export const UCS2_CAPACITY: Capacity = { single: 70, multi: 67 };

/** Which Portuguese tables a GSM-PT text is encoded with. */
export type NationalTables = 'none' | 'single-shift' | 'locking-shift' | 'both';

/**
 * GSM-PT capacities.
 * - none: the text only uses the default tables, no national IE (= GSM7_CAPACITY).
 * - single-shift or locking-shift: one 3-octet IE. Alone: UDH 4 octets = 5 septets -> 155.
 *   Concatenated: UDH 9 octets = 11 septets -> 149.
 * - both: two 3-octet IEs. Alone: UDH 7 octets = 8 septets -> 152.
 *   Concatenated: UDH 12 octets = 14 septets -> 146.
 */
export const GSM_PT_CAPACITY: Readonly<Record<NationalTables, Capacity>> = {
  none: GSM7_CAPACITY,
  'single-shift': { single: 155, multi: 149 },
  'locking-shift': { single: 155, multi: 149 },
  both: { single: 152, multi: 146 },
};

/** Parts the provider accepts in one send (seed 003 `parts`: SMS line 212, landing SMS line 1457). */
export const MAX_PARTS_SMS = 15;
export const MAX_PARTS_LANDING_SMS = 8;

/** Provider error codes the counter can predict (seed 003 error table, line 9435). */
export const ERROR_TEXT_MISSING = 104;
export const ERROR_TEXT_TOO_LONG = 105;
