import {
  type Capacity,
  GSM7_CAPACITY,
  MAX_PARTS_SMS,
  type NationalTables,
  UCS2_CAPACITY,
} from './capacity';
import {
  type ForcingChar,
  type ForcingPositions,
  ListPositions,
  markedPositions,
  NO_POSITIONS,
} from './forcing-positions';
import { fillGraphemeBoundaries } from './graphemes';
import { GSM_COST } from './gsm-tables';
import {
  type Layout,
  layoutClusters,
  layoutIfAllIn,
  measure,
  type SegmentPart,
  unitsLeft,
} from './layout';
import {
  bestNationalLayout,
  type Clusters,
  fewerHintedSegments,
  fewerNationalSegments,
  type NationalHint,
  nationalCostTable,
  startNationalHint,
} from './national-tables';
import { layoutUcs2Fast } from './ucs2-layout';

export type { ForcingChar, ForcingPositions } from './forcing-positions';
export type { SegmentPart } from './layout';

export type EncodingChoice = 'auto' | 'gsm' | 'gsm-pt' | 'ucs2';
export type Encoding = 'gsm' | 'gsm-pt' | 'ucs2';

export interface SegmentCount {
  encoding: Encoding;
  /** Septets (GSM-7, GSM-PT; an extension character counts 2) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Capacity of one part: the single-message capacity when segments is 1, else the per-part one. */
  unitsPerSegment: number;
  /** Room left in the last part. */
  unitsLeft: number;
  /** One entry per segment; for an empty text a single empty part. */
  parts: SegmentPart[];
  /**
   * Graphemes that keep the text out of the GSM 7-bit alphabet (with `gsm-pt`:
   * out of the Portuguese tables), in text order.
   */
  forcingUcs2: ForcingChar[];
  maxParts: number;
  /** More parts than the provider is allowed to use: it would refuse with error 105. */
  exceedsMaxParts: boolean;
  /** With `auto`: set only when GSM-PT would need fewer segments than the encoding chosen. */
  gsmPtSegments?: number;
  /** With `gsm-pt`: which Portuguese tables the text is encoded with. */
  nationalTables?: NationalTables;
}

export interface CountOptions {
  encoding?: EncodingChoice;
  /** The provider's `parts` limit; default 15 (SMS). Landing SMS allow 8. */
  maxParts?: number;
}

/** Clusters with marks[k] = 1 where cluster k holds a character outside GSM 03.38. */
interface MarkedClusters extends Clusters {
  marks: Uint8Array;
}

/** Cluster starts and marks, reused across calls: a 100,000-row bulk allocates no per-row buffers. */
let scratchBounds = new Int32Array(256);
let scratchMarks = new Uint8Array(256);
/** Which walk the scratch buffers hold (one more per walk). */
let scratchWalk = 0;

function clustersOf(text: string, hint: NationalHint | null = null): MarkedClusters {
  if (scratchBounds.length <= text.length) {
    scratchBounds = new Int32Array(2 * text.length + 1);
    scratchMarks = new Uint8Array(2 * text.length + 1);
  }
  const count = fillGraphemeBoundaries(text, scratchBounds, scratchMarks, hint);
  scratchWalk++;
  return { bounds: scratchBounds, count, marks: scratchMarks };
}

/** `forcingUcs2` as it is, or how to find its positions on first read. */
type Forcing = ForcingChar[] | (() => ForcingPositions);

/**
 * The marked graphemes' positions, found only when read: even as offsets
 * they are a fifth of a count-and-read on a Hindi text (CPU profile), and
 * the bulk check and the merge preview never read them. Read before the next count (as the
 * Compose hint does), they come from the scratch buffers as this count left
 * them; read later, the text is walked again (copying the buffers for every
 * count instead cost more than the walk saves).
 */
function lazyPositions(text: string, clusters: MarkedClusters): () => ForcingPositions {
  const { count } = clusters;
  const walk = scratchWalk;
  return () => {
    if (walk === scratchWalk) return markedPositions(text, scratchBounds, count, scratchMarks);
    const again = clustersOf(text);
    return markedPositions(text, again.bounds, again.count, again.marks);
  };
}

/** Graphemes holding a code unit `table` lacks (for the Portuguese tables, which the walk does not mark). */
function forcingGraphemes(text: string, clusters: Clusters, table: Uint8Array): ForcingChar[] {
  const { bounds, count } = clusters;
  const found: ForcingChar[] = [];
  for (let k = 0; k < count; k++) {
    const from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    for (let i = from; i < to; i++) {
      if (table[text.charCodeAt(i)] === 0) {
        found.push({ char: text.slice(from, to), index: from });
        break;
      }
    }
  }
  return found;
}

function emptyCount(encoding: Encoding, maxParts: number): SegmentCount {
  const capacity: Capacity = encoding === 'ucs2' ? UCS2_CAPACITY : GSM7_CAPACITY;
  return {
    encoding,
    units: 0,
    segments: 1,
    unitsPerSegment: capacity.single,
    unitsLeft: capacity.single,
    parts: [{ start: 0, end: 0, units: 0 }],
    forcingUcs2: [],
    maxParts,
    exceedsMaxParts: maxParts < 1,
    ...(encoding === 'gsm-pt' ? { nationalTables: 'none' as const } : {}),
  };
}

/** Where a count keeps its offending graphemes' positions, or how to find them (non-enumerable: not part of the result). */
const FORCING = Symbol('forcingUcs2');

type Held = ForcingPositions | (() => ForcingPositions);

type LazyCount = SegmentCount & { [FORCING]: Held };

function heldPositions(count: LazyCount): ForcingPositions {
  const held = count[FORCING];
  if (typeof held !== 'function') return held;
  const built = held();
  count[FORCING] = built;
  return built;
}

/**
 * `forcingUcs2` as an own, enumerable accessor shared by every count (one
 * getter for all, so V8 keeps one map): JSON, structured clone, spreading and
 * deep equality read it like a data property; it is built on first read.
 */
const FORCING_PROPERTY: PropertyDescriptor = {
  get(this: LazyCount): ForcingChar[] {
    const positions = heldPositions(this);
    if (positions instanceof ListPositions) return positions.list;
    const list = positions.first(positions.size);
    this[FORCING] = new ListPositions(list);
    return list;
  },
  set(this: LazyCount, value: ForcingChar[]) {
    this[FORCING] = new ListPositions(value);
  },
  enumerable: true,
  configurable: true,
};

/**
 * The count's offending graphemes as positions (see `forcingUcs2`), found
 * without one object per grapheme: what a reader that shows a few of them,
 * or only how many, should use. A count copied by JSON, structured clone or
 * spreading answers from its list.
 */
export function forcingPositions(count: SegmentCount): ForcingPositions {
  if (FORCING in count) return heldPositions(count as LazyCount);
  return count.forcingUcs2.length === 0 ? NO_POSITIONS : new ListPositions(count.forcingUcs2);
}

/** Whether `forcingUcs2` is non-empty, without finding its graphemes. */
export function hasForcingChars(count: SegmentCount): boolean {
  if (!(FORCING in count)) return count.forcingUcs2.length > 0;
  const held = (count as LazyCount)[FORCING];
  // Positions are left to find only for a text the GSM-7 pass turned down: one of its characters is outside.
  return typeof held === 'function' || held.size > 0;
}

function toCount(encoding: Encoding, l: Layout, forcing: Forcing, maxParts: number): SegmentCount {
  const segments = l.parts.length;
  const unitsPerSegment = segments === 1 ? l.capacity.single : l.capacity.multi;
  const exceedsMaxParts = segments > maxParts;
  if (typeof forcing !== 'function') {
    const { units, parts } = l;
    return {
      encoding,
      units,
      segments,
      unitsPerSegment,
      unitsLeft: unitsLeft(l),
      parts,
      forcingUcs2: forcing,
      maxParts,
      exceedsMaxParts,
    };
  }
  const head = {
    encoding,
    units: l.units,
    segments,
    unitsPerSegment,
    unitsLeft: unitsLeft(l),
    parts: l.parts,
  };
  // Each property added once, in the result's key order, so that V8 keeps the
  // object's fast shape (redefining a data property as an accessor would turn
  // it into a dictionary).
  Object.defineProperty(head, FORCING, { value: forcing, writable: true });
  const count = Object.defineProperty(head, 'forcingUcs2', FORCING_PROPERTY) as LazyCount;
  count.maxParts = maxParts;
  count.exceedsMaxParts = exceedsMaxParts;
  return count;
}

function countGsmPt(text: string, clusters: Clusters | null, maxParts: number): SegmentCount {
  const pt = bestNationalLayout(text, clusters);
  const forcing =
    pt.invalid === 0
      ? []
      : forcingGraphemes(text, clusters ?? clustersOf(text), nationalCostTable(pt.tables));
  return { ...toCount('gsm-pt', pt, forcing, maxParts), nationalTables: pt.tables };
}

/**
 * Counts the SMS segments `text` needs. With `auto` the encoding is GSM-7 when
 * every character is in GSM 03.38 (default alphabet or extension), else UCS-2;
 * GSM-PT is only used when asked for, but `gsmPtSegments` says when it would
 * be cheaper. Forcing `gsm` (or `gsm-pt`) on a text with other characters
 * counts each of their code points as one '?' septet and lists their
 * graphemes in `forcingUcs2` (see REPLACEMENT_COST).
 */
export function countSegments(text: string, opts: CountOptions = {}): SegmentCount {
  const choice = opts.encoding ?? 'auto';
  const maxParts = opts.maxParts ?? MAX_PARTS_SMS;
  if (text.length === 0) return emptyCount(choice === 'auto' ? 'gsm' : choice, maxParts);
  const fast = layoutIfAllIn(text, GSM_COST, GSM7_CAPACITY);
  // GSM characters never join into clusters, so an all-GSM text needs no segmentation.
  const allGsm = fast !== null;
  // With `auto` the walk also gathers the GSM-PT hint, so the text is read once.
  const hint = choice === 'auto' && !allGsm ? startNationalHint() : null;
  let clusters = allGsm ? null : clustersOf(text, hint);
  if (choice === 'gsm-pt') return countGsmPt(text, clusters, maxParts);

  const forcing = clusters === null ? [] : lazyPositions(text, clusters);
  let result: SegmentCount;
  if (fast !== null && choice !== 'ucs2') {
    result = toCount('gsm', fast, forcing, maxParts);
  } else if (clusters !== null && choice === 'gsm') {
    const measured = measure(text, GSM_COST);
    const l = layoutClusters(
      text,
      clusters.bounds,
      clusters.count,
      GSM_COST,
      measured,
      GSM7_CAPACITY,
    );
    result = toCount('gsm', l, forcing, maxParts);
  } else {
    clusters ??= clustersOf(text);
    const { bounds, count } = clusters;
    const l =
      layoutUcs2Fast(text.length, bounds, count, UCS2_CAPACITY) ??
      layoutClusters(text, bounds, count, null, { units: text.length, invalid: 0 }, UCS2_CAPACITY);
    result = toCount('ucs2', l, forcing, maxParts);
  }
  // Without extension characters an all-GSM text can only lose room with national tables;
  // a text with multi-unit clusters (emoji, combining marks) cannot be GSM-PT at all.
  const ptMayHelp = fast !== null ? fast.units > text.length : clusters?.count === text.length;
  if (choice === 'auto' && ptMayHelp) {
    const fewer =
      hint === null
        ? fewerNationalSegments(text, result.segments)
        : fewerHintedSegments(text, hint, result.segments);
    if (fewer !== undefined) result.gsmPtSegments = fewer;
  }
  return result;
}
