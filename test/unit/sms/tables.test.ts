import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import {
  GSM_PT_CAPACITY,
  GSM7_CAPACITY,
  type NationalTables,
  UCS2_CAPACITY,
} from '../../../shared/sms/capacity';
import {
  GSM_BASIC,
  GSM_COST,
  GSM_EXTENSION,
  isGsmChar,
  PT_LOCKING,
  PT_SINGLE_SHIFT,
} from '../../../shared/sms/gsm-tables';

/** Septets a User Data Header of `octets` octets takes (TS 23.040: padded to a septet boundary). */
const udhSeptets = (octets: number) => (octets === 0 ? 0 : Math.ceil(((1 + octets) * 8) / 7));
const CONCAT_IE = 5;
const NATIONAL_IE = 3;

describe('character tables', () => {
  it('lay out 8 rows of 16 codes, like the annex', () => {
    for (const table of [GSM_BASIC, PT_LOCKING]) {
      expect(table).toHaveLength(8);
      for (const row of table) expect([...row]).toHaveLength(16);
    }
  });

  it('hold 127 basic characters (ESC excluded) and 10 extension characters', () => {
    let basic = 0;
    let extension = 0;
    for (let cu = 0; cu < 0x10000; cu++) {
      if (GSM_COST[cu] === 1) basic++;
      if (GSM_COST[cu] === 2) extension++;
    }
    expect([basic, extension]).toEqual([127, 10]);
    expect(GSM_EXTENSION.map(([, ch]) => ch).join('')).toBe('\f^{}\\[~]|€');
  });

  it('agree with the oracle on every BMP code unit', () => {
    for (let cu = 0; cu < 0x10000; cu++) {
      if (cu >= 0xd800 && cu <= 0xdfff) continue;
      const ch = String.fromCharCode(cu);
      const oracleGsm = new SegmentedMessage(ch, 'auto', false).encodingName === 'GSM-7';
      if (oracleGsm !== isGsmChar(ch)) throw new Error(`U+${cu.toString(16)} differs`);
    }
  });

  it('place Portuguese letters where TS 23.038 puts them', () => {
    expect(PT_LOCKING[0]?.charAt(9)).toBe('ç');
    expect(PT_LOCKING[5]?.charAt(0xb)).toBe('Ã');
    expect(PT_LOCKING[7]?.charAt(0xd)).toBe('`');
    expect(PT_SINGLE_SHIFT).toContainEqual([0x65, '€']);
    expect(PT_SINGLE_SHIFT).toContainEqual([0x09, 'ç']);
    expect(PT_SINGLE_SHIFT).toHaveLength(37);
  });
});

describe('capacities', () => {
  const septetsLeft = (ies: number) => 160 - udhSeptets(ies);

  it('derive GSM-7 and UCS-2 capacities from the concatenation header', () => {
    expect(GSM7_CAPACITY).toEqual({ single: septetsLeft(0), multi: septetsLeft(CONCAT_IE) });
    expect(UCS2_CAPACITY).toEqual({ single: 140 / 2, multi: (140 - 1 - CONCAT_IE) / 2 });
  });

  it.each([
    ['single-shift', 1],
    ['locking-shift', 1],
    ['both', 2],
  ] as [NationalTables, number][])('derive GSM-PT %s from %i national IE(s)', (tables, ies) => {
    expect(GSM_PT_CAPACITY[tables]).toEqual({
      single: septetsLeft(ies * NATIONAL_IE),
      multi: septetsLeft(CONCAT_IE + ies * NATIONAL_IE),
    });
  });
});
