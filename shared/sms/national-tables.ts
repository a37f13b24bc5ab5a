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
const ESCAPED_BITS = 0xa8;
const HINT_CAPACITIES: readonly Capacity[] = [
  GSM_PT_CAPACITY['single-shift'],
  GSM_PT_CAPACITY['locking-shift'],
  GSM_PT_CAPACITY.both,
];

/** First-fit parts when every character costs one septet: full parts of `multi`, then the rest. */
function unitCostSegments(n: number, capacity: Capacity): number {
  return n <= capacity.single ? 1 : Math.ceil(n / capacity.multi);
}

/** First-fit parts for national choice k (1-3), read from the packed costs. */
function firstFitSegments(text: string, table: Uint8Array, k: number, capacity: Capacity): number {
  const shift = 2 * k;
  const room = capacity.multi;
  let units = 0;
  let used = 0;
  let full = 0;
  for (let i = 0; i < text.length; i++) {
    const cost = ((table[text.charCodeAt(i)] as number) >> shift) & 3;
    if (used + cost > room) {
      full++;
      used = 0;
    }
    used += cost;
    units += cost;
  }
  return units <= capacity.single ? 1 : full + 1;
}

/**
 * Fewest segments GSM-PT can hold the whole text in, if fewer than
 * `fewerThan` (else undefined). For a text whose code units are each their
 * own cluster; any other text cannot be GSM-PT, since every character of the
 * Portuguese tables is a lone BMP base character. Called for every `auto`
 * count with extension or Portuguese characters, so one pass only asks which
 * national choices hold every character and which need an escape for some:
 * a choice without escapes fills parts of exactly `multi` septets, and one
 * with escapes needs at least as many parts as the text has characters
 * (ceil(n / multi)), so it is laid out first-fit only when that bound could
 * still beat the best so far. 'none' is GSM-7 itself, which the caller has
 * laid out already (or which cannot hold the text).
 */
export function fewerNationalSegments(text: string, fewerThan: number): number | undefined {
  const table = packed();
  const n = text.length;
  let held = HELD_BITS;
  let escaped = 0;
  for (let i = 0; i < n; i++) {
    const bits = table[text.charCodeAt(i)] as number;
    held &= bits | (bits >> 1);
    if (held === 0) return undefined; // a character no Portuguese table holds
    escaped |= bits & ESCAPED_BITS;
  }
  return fewerHintedSegments(text, { table, held, escaped }, fewerThan);
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
  for (let k = 1; k <= 3; k++) {
    const capacity = HINT_CAPACITIES[k - 1] as Capacity;
    const holds = (held >> (2 * k)) & 1;
    const escapes = (escaped >> (2 * k + 1)) & 1;
    if (holds === 1 && escapes === 1 && unitCostSegments(n, capacity) < best) {
      best = Math.min(best, firstFitSegments(text, table, k, capacity));
    }
  }
  return best < fewerThan ? best : undefined;
}

function identity(n: number): Int32Array {
  const bounds = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) bounds[i] = i;
  return bounds;
}
