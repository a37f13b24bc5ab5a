import { UCS2_CAPACITY } from './capacity';
import { GSM_COST } from './gsm-tables';
import type { Layout, SegmentPart } from './layout';

/** What one pass over a non-GSM text's clusters finds. */
export interface Ucs2Pass {
  layout: Layout;
  /** Clusters with a character outside GSM 03.38, with their positions. */
  forcing: { char: string; index: number }[];
  /** Every cluster is one code unit (only such a text can be GSM-PT). */
  singleUnits: boolean;
}

/**
 * The UCS-2 layout and the offending graphemes in ONE walk over the clusters
 * (`bounds[0..count]`, then text.length), instead of one walk for each: first-fit
 * parts of 67 code units (70 when the whole text fits in one), a cluster never
 * split unless it alone is bigger than a part.
 */
export function ucs2Pass(text: string, bounds: Int32Array, count: number): Ucs2Pass {
  const n = text.length;
  const room = UCS2_CAPACITY.multi;
  const single = n <= UCS2_CAPACITY.single;
  const parts: SegmentPart[] = [];
  const forcing: { char: string; index: number }[] = [];
  let start = 0;
  let used = 0;
  let singleUnits = true;
  for (let k = 0; k < count; k++) {
    const from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    const size = to - from;
    if (size === 1) {
      const cu = text.charCodeAt(from);
      if (GSM_COST[cu] === 0) forcing.push({ char: text[from] as string, index: from });
    } else {
      singleUnits = false;
      for (let i = from; i < to; i++) {
        if (GSM_COST[text.charCodeAt(i)] === 0) {
          forcing.push({ char: text.slice(from, to), index: from });
          break;
        }
      }
    }
    if (single) continue;
    if (used + size <= room) used += size;
    else if (size <= room) {
      parts.push({ start, end: from, units: used });
      start = from;
      used = size;
    } else {
      // Bigger than a part: cut between code points, never inside a surrogate pair.
      for (let i = from; i < to; i++) {
        const cu = text.charCodeAt(i);
        if (isLow(cu) && i > 0 && isHigh(text.charCodeAt(i - 1))) continue;
        const c = isHigh(cu) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
        if (used + c > room && used > 0) {
          parts.push({ start, end: i, units: used });
          start = i;
          used = 0;
        }
        used += c;
      }
    }
  }
  if (single) parts.push({ start: 0, end: n, units: n });
  else parts.push({ start, end: n, units: used });
  return {
    layout: { units: n, parts, capacity: UCS2_CAPACITY, invalid: 0 },
    forcing,
    singleUnits,
  };
}

const isHigh = (cu: number) => cu >= 0xd800 && cu <= 0xdbff;
const isLow = (cu: number) => cu >= 0xdc00 && cu <= 0xdfff;
