import type { Capacity } from './capacity';

export interface SegmentPart {
  /** UTF-16 index of the part's first character. */
  start: number;
  /** UTF-16 index just after the part (exclusive). */
  end: number;
  units: number;
}

/** How a text lays out in one encoding. */
export interface Layout {
  units: number;
  parts: SegmentPart[];
  capacity: Capacity;
  /** Code points the encoding's tables cannot hold (counted as a '?' each). */
  invalid: number;
}

/**
 * Forced `gsm` / `gsm-pt` with characters outside the alphabet: the provider
 * (trans=0) does not say what it does with them; GSM gateways put '?' in their
 * place. So each such code point counts as one septet.
 */
export const REPLACEMENT_COST = 1;

/** `table` gives septets per UTF-16 code unit (0: not representable); null means UCS-2. */
export type CostTable = Uint8Array | null;

const isHigh = (cu: number) => cu >= 0xd800 && cu <= 0xdbff;
const isLow = (cu: number) => cu >= 0xdc00 && cu <= 0xdfff;

/** Cost of the code point starting at i; 0 on the second half of a surrogate pair. */
function codePointCost(text: string, i: number, table: CostTable): number {
  const cu = text.charCodeAt(i);
  if (isLow(cu) && i > 0 && isHigh(text.charCodeAt(i - 1))) return 0;
  if (table === null) return isHigh(cu) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  return table[cu] || REPLACEMENT_COST;
}

/** Units of the whole text and how many code points the table cannot hold. */
export function measure(text: string, table: Uint8Array): { units: number; invalid: number } {
  let units = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const cost = table[text.charCodeAt(i)] as number;
    if (cost !== 0) {
      units += cost;
      continue;
    }
    // The second half of a surrogate pair: the pair is one '?', counted at its first half.
    if (codePointCost(text, i, table) === 0) continue;
    invalid++;
    units += REPLACEMENT_COST;
  }
  return { units, invalid };
}

/**
 * Lays out a text in which every code unit is its own cluster and is in
 * `table` (an all-GSM text): first-fit, no cluster bookkeeping needed.
 */
export function layoutUnits(
  text: string,
  table: Uint8Array,
  units: number,
  capacity: Capacity,
): Layout {
  const n = text.length;
  if (units <= capacity.single)
    return { units, parts: [{ start: 0, end: n, units }], capacity, invalid: 0 };
  const room = capacity.multi;
  const parts: SegmentPart[] = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const cost = table[text.charCodeAt(i)] as number;
    if (used + cost > room) {
      parts.push({ start, end: i, units: used });
      start = i;
      used = 0;
    }
    used += cost;
  }
  parts.push({ start, end: n, units: used });
  return { units, parts, capacity, invalid: 0 };
}

/**
 * One pass for the common case: when every code unit is in `table` (and so,
 * being GSM, its own cluster), sums the units and fills parts at once;
 * null at the first code unit the table lacks.
 */
export function layoutIfAllIn(text: string, table: Uint8Array, capacity: Capacity): Layout | null {
  const n = text.length;
  const room = capacity.multi;
  const parts: SegmentPart[] = [];
  let units = 0;
  let start = 0;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const cost = table[text.charCodeAt(i)] as number;
    if (cost === 0) return null;
    if (used + cost > room) {
      parts.push({ start, end: i, units: used });
      start = i;
      used = 0;
    }
    used += cost;
    units += cost;
  }
  if (units <= capacity.single)
    return { units, parts: [{ start: 0, end: n, units }], capacity, invalid: 0 };
  parts.push({ start, end: n, units: used });
  return { units, parts, capacity, invalid: 0 };
}

/**
 * Lays out whole grapheme clusters (`bounds[0..count]` are their starts, then
 * text.length), first-fit in order as the provider and the oracle do. A
 * cluster bigger than a whole part (a letter with 70 combining marks) cannot
 * stay whole, so it alone is cut between code points.
 */
export function layoutClusters(
  text: string,
  bounds: Int32Array,
  count: number,
  table: CostTable,
  measured: { units: number; invalid: number },
  capacity: Capacity,
): Layout {
  const { units, invalid } = measured;
  const n = text.length;
  if (units <= capacity.single)
    return { units, parts: [{ start: 0, end: n, units }], capacity, invalid };
  const room = capacity.multi;
  const parts: SegmentPart[] = [];
  let start = 0;
  let used = 0;
  for (let k = 0; k < count; k++) {
    const from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    let cost: number;
    if (table === null) cost = to - from;
    else {
      cost = 0;
      for (let i = from; i < to; i++) cost += codePointCost(text, i, table);
    }
    if (used + cost <= room) {
      used += cost;
    } else if (cost <= room) {
      parts.push({ start, end: from, units: used });
      start = from;
      used = cost;
    } else {
      for (let i = from; i < to; i++) {
        const c = codePointCost(text, i, table);
        if (c > 0 && used + c > room && used > 0) {
          parts.push({ start, end: i, units: used });
          start = i;
          used = 0;
        }
        used += c;
      }
    }
  }
  parts.push({ start, end: n, units: used });
  return { units, parts, capacity, invalid };
}

/** Room left in the last part. */
export function unitsLeft(l: Layout): number {
  const last = l.parts[l.parts.length - 1];
  const cap = l.parts.length === 1 ? l.capacity.single : l.capacity.multi;
  return cap - (last?.units ?? 0);
}
