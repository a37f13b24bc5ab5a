// Reference copy (commit 2da8577) for counter-before.ts; see there.
import { GSM_PT_CAPACITY, type NationalTables } from '../../../../shared/sms/capacity';
import {
  GSM_COST,
  PT_FLAGS,
  PT_IN_LOCKING,
  PT_IN_SINGLE_SHIFT,
} from '../../../../shared/sms/gsm-tables';
import {
  type Layout,
  layoutClusters,
  layoutUnits,
  measure,
  unitsLeft,
} from '../../../../shared/sms/layout';

export const NATIONAL_TABLE_CHOICES: readonly NationalTables[] = [
  'none',
  'single-shift',
  'locking-shift',
  'both',
];

const costTables = new Map<NationalTables, Uint8Array>();

/**
 * Septets per code unit with one choice of Portuguese tables: the basic table
 * (default or locking shift) costs 1, the extension (default or single shift)
 * costs 2. Built on first use: most sessions never need GSM-PT.
 */
export function nationalCostTable(tables: NationalTables): Uint8Array {
  let table = costTables.get(tables);
  if (table) return table;
  const locking = tables === 'locking-shift' || tables === 'both';
  const single = tables === 'single-shift' || tables === 'both';
  table = new Uint8Array(0x10000);
  for (let cu = 0; cu < 0x10000; cu++) {
    const flags = PT_FLAGS[cu] as number;
    const gsm = GSM_COST[cu] as number;
    const inBasic = locking ? (flags & PT_IN_LOCKING) !== 0 : gsm === 1;
    const inShift = single ? (flags & PT_IN_SINGLE_SHIFT) !== 0 : gsm === 2;
    table[cu] = inBasic ? 1 : inShift ? 2 : 0;
  }
  costTables.set(tables, table);
  return table;
}

export type NationalLayout = Layout & { tables: NationalTables };

/** Where the text's clusters start (`bounds[0..count]`, then text.length). */
export interface Clusters {
  bounds: Int32Array;
  count: number;
}

function better(a: NationalLayout, b: NationalLayout | undefined): boolean {
  if (b === undefined) return true;
  if (a.invalid !== b.invalid) return a.invalid < b.invalid;
  if (a.parts.length !== b.parts.length) return a.parts.length < b.parts.length;
  return unitsLeft(a) > unitsLeft(b);
}

function layoutWith(
  text: string,
  clusters: Clusters | null,
  tables: NationalTables,
  measured: { units: number; invalid: number },
): NationalLayout {
  const table = nationalCostTable(tables);
  const capacity = GSM_PT_CAPACITY[tables];
  const l =
    clusters === null && measured.invalid === 0
      ? layoutUnits(text, table, measured.units, capacity)
      : layoutClusters(
          text,
          clusters?.bounds ?? identity(text.length),
          clusters?.count ?? text.length,
          table,
          measured,
          capacity,
        );
  return { ...l, tables };
}

/**
 * The Portuguese tables that suit the text: fewest unrepresentable characters,
 * then fewest segments, then most room left; ties keep the smaller header.
 * `clusters` null means every code unit is its own cluster (an all-GSM text).
 */
export function bestNationalLayout(text: string, clusters: Clusters | null): NationalLayout {
  let best: NationalLayout | undefined;
  for (const tables of NATIONAL_TABLE_CHOICES) {
    const candidate = layoutWith(text, clusters, tables, measure(text, nationalCostTable(tables)));
    if (better(candidate, best)) best = candidate;
  }
  return best as NationalLayout;
}

/** The four choices' septet costs packed in one byte per code unit (2 bits each, 0 = absent). */
let packedCosts: Uint8Array | undefined;

function packed(): Uint8Array {
  if (packedCosts) return packedCosts;
  const tables = NATIONAL_TABLE_CHOICES.map(nationalCostTable);
  packedCosts = new Uint8Array(0x10000);
  for (let cu = 0; cu < 0x10000; cu++) {
    let bits = 0;
    tables.forEach((t, k) => {
      bits |= (t[cu] as number) << (2 * k);
    });
    packedCosts[cu] = bits;
  }
  return packedCosts;
}

/**
 * Fewest segments GSM-PT can hold the whole text in, if fewer than
 * `fewerThan` (else undefined). For a text whose code units are each their
 * own cluster; any other text cannot be GSM-PT, since every character of the
 * Portuguese tables is a lone BMP base character. Called for every `auto`
 * count with extension or Portuguese characters, so it runs first-fit for the
 * three national choices in one pass. 'none' is GSM-7 itself, which the caller
 * has laid out already (or which cannot hold the text).
 */
export function fewerNationalSegments(text: string, fewerThan: number): number | undefined {
  const table = packed();
  const cap1 = GSM_PT_CAPACITY['single-shift'];
  const cap2 = GSM_PT_CAPACITY['locking-shift'];
  const cap3 = GSM_PT_CAPACITY.both;
  let present = 0x54; // bit 2k: choice k has held every character so far (k = 1..3)
  let u1 = 0;
  let u2 = 0;
  let u3 = 0;
  let used1 = 0;
  let used2 = 0;
  let used3 = 0;
  let full1 = 0;
  let full2 = 0;
  let full3 = 0;
  for (let i = 0; i < text.length; i++) {
    const bits = table[text.charCodeAt(i)] as number;
    present &= (bits | (bits >> 1)) & 0x54;
    const c1 = (bits >> 2) & 3;
    const c2 = (bits >> 4) & 3;
    const c3 = bits >> 6;
    if (used1 + c1 > cap1.multi) {
      full1++;
      used1 = 0;
    }
    if (used2 + c2 > cap2.multi) {
      full2++;
      used2 = 0;
    }
    if (used3 + c3 > cap3.multi) {
      full3++;
      used3 = 0;
    }
    used1 += c1;
    used2 += c2;
    used3 += c3;
    u1 += c1;
    u2 += c2;
    u3 += c3;
  }
  const segments = (units: number, full: number, single: number) =>
    units <= single ? 1 : full + 1;
  let best = fewerThan;
  if (present & 0x04) best = Math.min(best, segments(u1, full1, cap1.single));
  if (present & 0x10) best = Math.min(best, segments(u2, full2, cap2.single));
  if (present & 0x40) best = Math.min(best, segments(u3, full3, cap3.single));
  return best < fewerThan ? best : undefined;
}

function identity(n: number): Int32Array {
  const bounds = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) bounds[i] = i;
  return bounds;
}
