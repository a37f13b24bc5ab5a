import {
  type Capacity,
  GSM7_CAPACITY,
  MAX_PARTS_SMS,
  type NationalTables,
  UCS2_CAPACITY,
} from './capacity';
import { clusterString } from './cluster-strings';
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

export type { SegmentPart } from './layout';

export type EncodingChoice = 'auto' | 'gsm' | 'gsm-pt' | 'ucs2';
export type Encoding = 'gsm' | 'gsm-pt' | 'ucs2';

export interface ForcingChar {
  /** The whole grapheme cluster (an emoji with its skin tone, a letter with its accents). */
  char: string;
  index: number;
}

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

/**
 * How many of marks[0..count) are 1 (each is 0 or 1), four at a time: the
 * bytes of a word summed by one multiplication, so that sizing the array
 * costs a Portuguese text (a mark in twenty clusters) less than push saves.
 */
function countMarked(marks: Uint8Array, count: number): number {
  const whole = marks.byteOffset % 4 === 0 ? count >> 2 : 0;
  const words = new Int32Array(marks.buffer, marks.byteOffset, whole);
  let marked = 0;
  for (let w = 0; w < whole; w++) {
    marked += Math.imul((words[w] as number) & 0x01010101, 0x01010101) >>> 24;
  }
  for (let k = whole << 2; k < count; k++) marked += marks[k] as number;
  return marked;
}

/**
 * The graphemes the walk marked as outside GSM 03.38, with their positions:
 * counted first so the array is made at its size (growing it by push cost a
 * quarter of the time on a Hindi text), and short clusters' strings shared.
 */
function markedGraphemes(
  text: string,
  bounds: Int32Array,
  count: number,
  marks: Uint8Array,
): ForcingChar[] {
  const found = new Array<ForcingChar>(countMarked(marks, count));
  let j = 0;
  for (let k = 0; k < count; k++) {
    if (marks[k] === 0) continue;
    const from = bounds[k] as number;
    found[j++] = { char: clusterString(text, from, bounds[k + 1] as number), index: from };
  }
  return found;
}

/** `forcingUcs2` as it is, or how to build it on first read. */
type Forcing = ForcingChar[] | (() => ForcingChar[]);

/**
 * The marked graphemes, built only when `forcingUcs2` is read: one object and
 * one string per offending grapheme is most of a count's cost on a Hindi
 * text, and the bulk check and the merge preview never read them. Read
 * before the next count (as Compose does), they come from the scratch
 * buffers as this count left them; read later, the text is walked again
 * (copying the buffers for every count instead cost more than the walk saves).
 */
function lazyMarkedGraphemes(text: string, clusters: MarkedClusters): Forcing {
  const { count } = clusters;
  const walk = scratchWalk;
  return () => {
    if (walk === scratchWalk) return markedGraphemes(text, scratchBounds, count, scratchMarks);
    const again = clustersOf(text);
    return markedGraphemes(text, again.bounds, again.count, again.marks);
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

/** Where a count keeps its unbuilt `forcingUcs2` (non-enumerable: not part of the result). */
const FORCING = Symbol('forcingUcs2');

type LazyCount = SegmentCount & { [FORCING]: Forcing };

/**
 * `forcingUcs2` as an own, enumerable accessor shared by every count (one
 * getter for all, so V8 keeps one map): JSON, structured clone, spreading and
 * deep equality read it like a data property; it is built on first read.
 */
const FORCING_PROPERTY: PropertyDescriptor = {
  get(this: LazyCount): ForcingChar[] {
    const held = this[FORCING];
    if (typeof held !== 'function') return held;
    const built = held();
    this[FORCING] = built;
    return built;
  },
  set(this: LazyCount, value: ForcingChar[]) {
    this[FORCING] = value;
  },
  enumerable: true,
  configurable: true,
};

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

  const forcing = clusters === null ? [] : lazyMarkedGraphemes(text, clusters);
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
