import { type Capacity, GSM_PT_CAPACITY, type NationalTables } from './capacity';
import { GSM_COST, PT_FLAGS, PT_IN_LOCKING, PT_IN_SINGLE_SHIFT } from './gsm-tables';
import { type Layout, layoutClusters, layoutUnits, measure, unitsLeft } from './layout';

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

/** Bit 2k of a packed cost: choice k holds the character; bit 2k + 1: only with an escape (2 septets). */
const HELD_BITS = 0x54; // choices 1-3: single-shift, locking-shift, both
const HINT_CAPACITIES: readonly Capacity[] = [
  GSM_PT_CAPACITY['single-shift'],
  GSM_PT_CAPACITY['locking-shift'],
  GSM_PT_CAPACITY.both,
];

/** First-fit parts when every character costs one septet: full parts of `multi`, then the rest. */
function unitCostSegments(n: number, capacity: Capacity): number {
  return n <= capacity.single ? 1 : Math.ceil(n / capacity.multi);
}

/** What `firstFitAll` found: fitted[k] = first-fit segments of choice k (1-3). */
const fitted = new Int32Array(4);

/**
 * First-fit parts for national choices 1-3 at once, read from the packed
 * costs, into `fitted`: one pass for the three (a text with extension
 * characters needs every one of them). Returns which choices hold every
 * character (bit 2k), 0 as soon as none does (then `fitted` is not written);
 * the segments of a choice that does not hold the text mean nothing.
 */
function firstFitAll(text: string, table: Uint8Array): number {
  const room1 = HINT_CAPACITIES[0]?.multi as number;
  const room2 = HINT_CAPACITIES[1]?.multi as number;
  const room3 = HINT_CAPACITIES[2]?.multi as number;
  let used1 = 0;
  let used2 = 0;
  let used3 = 0;
  let full1 = 0;
  let full2 = 0;
  let full3 = 0;
  let units1 = 0;
  let units2 = 0;
  let units3 = 0;
  let held = HELD_BITS;
  for (let i = 0; i < text.length; i++) {
    const bits = table[text.charCodeAt(i)] as number;
    held &= bits | (bits >> 1);
    if (held === 0) return 0;
    const c1 = (bits >> 2) & 3;
    const c2 = (bits >> 4) & 3;
    const c3 = bits >> 6;
    if (used1 + c1 > room1) {
      full1++;
      used1 = 0;
    }
    if (used2 + c2 > room2) {
      full2++;
      used2 = 0;
    }
    if (used3 + c3 > room3) {
      full3++;
      used3 = 0;
    }
    used1 += c1;
    used2 += c2;
    used3 += c3;
    units1 += c1;
    units2 += c2;
    units3 += c3;
  }
  fitted[1] = units1 <= (HINT_CAPACITIES[0]?.single as number) ? 1 : full1 + 1;
  fitted[2] = units2 <= (HINT_CAPACITIES[1]?.single as number) ? 1 : full2 + 1;
  fitted[3] = units3 <= (HINT_CAPACITIES[2]?.single as number) ? 1 : full3 + 1;
  return held;
}

/**
 * Fewest segments GSM-PT can hold the whole text in, if fewer than
 * `fewerThan` (else undefined). For a text whose code units are each their
 * own cluster; any other text cannot be GSM-PT, since every character of the
 * Portuguese tables is a lone BMP base character. Called for every `auto`
 * count of an all-GSM text with extension characters: such a text needs an
 * escape in every choice, so the three first-fit layouts are run in the same
 * pass that finds which choices hold the text (two passes, the hint's and
 * then the layouts', cost this text 1.5× the counter of round 3). 'none' is
 * GSM-7 itself, which the caller has laid out already.
 */
export function fewerNationalSegments(text: string, fewerThan: number): number | undefined {
  const held = firstFitAll(text, packed());
  let best = fewerThan;
  for (let k = 1; k <= 3; k++) {
    if (((held >> (2 * k)) & 1) === 1) best = Math.min(best, fitted[k] as number);
  }
  return best < fewerThan ? best : undefined;
}

/**
 * Which national choices hold every character so far (`held`, bit 2k) and
 * which needed an escape (`escaped`, bit 2k + 1), over the packed costs in
 * `table`: the grapheme walk gathers it on the way (see fillGraphemeBoundaries),
 * so a Portuguese text is not read a second time for the hint.
 */
export interface NationalHint {
  table: Uint8Array;
  held: number;
  escaped: number;
}

let sharedHint: NationalHint | undefined;

/** A hint to gather from the start of a text: one object for every count, reset (no allocation per row of a bulk). */
export function startNationalHint(): NationalHint {
  sharedHint ??= { table: packed(), held: HELD_BITS, escaped: 0 };
  sharedHint.held = HELD_BITS;
  sharedHint.escaped = 0;
  return sharedHint;
}

/** `fewerNationalSegments` once the hint over the whole text is gathered. */
export function fewerHintedSegments(
  text: string,
  hint: NationalHint,
  fewerThan: number,
): number | undefined {
  const { table, held, escaped } = hint;
  if (held === 0) return undefined;
  const n = text.length;
  let best = fewerThan;
  for (let k = 1; k <= 3; k++) {
    const holds = (held >> (2 * k)) & 1;
    const escapes = (escaped >> (2 * k + 1)) & 1;
    if (holds === 1 && escapes === 0) {
      best = Math.min(best, unitCostSegments(n, HINT_CAPACITIES[k - 1] as Capacity));
    }
  }
  let laidOut = false;
  for (let k = 1; k <= 3; k++) {
    const capacity = HINT_CAPACITIES[k - 1] as Capacity;
    const holds = (held >> (2 * k)) & 1;
    const escapes = (escaped >> (2 * k + 1)) & 1;
    if (holds === 1 && escapes === 1 && unitCostSegments(n, capacity) < best) {
      // The hint says choice k holds every character, so the pass runs to the end.
      if (!laidOut) firstFitAll(text, table);
      laidOut = true;
      best = Math.min(best, fitted[k] as number);
    }
  }
  return best < fewerThan ? best : undefined;
}

function identity(n: number): Int32Array {
  const bounds = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) bounds[i] = i;
  return bounds;
}
