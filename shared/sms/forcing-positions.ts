import { clusterString } from './cluster-strings';

export interface ForcingChar {
  /** The whole grapheme cluster (an emoji with its skin tone, a letter with its accents). */
  char: string;
  index: number;
}

/**
 * The graphemes that keep a text out of its alphabet, as offsets into the
 * text: one typed array for all of them instead of an object and a string
 * each (730 of them in a 1,600-character Hindi text), so a reader pays only
 * for what it looks at.
 */
export interface ForcingPositions {
  /** How many graphemes force UCS-2 (or, with a forced alphabet, a '?'). */
  readonly size: number;
  /** Where the i-th starts, in UTF-16 code units. */
  index(i: number): number;
  /** Its length in UTF-16 code units. */
  length(i: number): number;
  /** Its text. */
  char(i: number): string;
  /** The first n (all of them when there are fewer), for display. */
  first(n: number): ForcingChar[];
}

/** Positions as offsets into the text: [start, end] per grapheme, from `edges[from]` on. */
class TextPositions implements ForcingPositions {
  constructor(
    private readonly text: string,
    private readonly edges: Uint16Array | Uint32Array,
    private readonly from: number,
    readonly size: number,
  ) {}

  index(i: number): number {
    return this.edges[this.from + 2 * i] as number;
  }

  length(i: number): number {
    const at = this.from + 2 * i;
    return (this.edges[at + 1] as number) - (this.edges[at] as number);
  }

  char(i: number): string {
    const at = this.from + 2 * i;
    return this.text.slice(this.edges[at], this.edges[at + 1]);
  }

  first(n: number): ForcingChar[] {
    const found = new Array<ForcingChar>(Math.min(n, this.size));
    const { text, edges, from } = this;
    for (let i = 0; i < found.length; i++) {
      const start = edges[from + 2 * i] as number;
      // Shared strings: a whole Hindi list is ~730 graphemes drawn from a few dozen.
      found[i] = {
        char: clusterString(text, start, edges[from + 2 * i + 1] as number),
        index: start,
      };
    }
    return found;
  }
}

/** No positions, of the same class as found ones (so a reader's call sites stay monomorphic). */
export const NO_POSITIONS: ForcingPositions = new TextPositions('', new Uint16Array(0), 0, 0);

/** Positions read from a list (a count that was copied, or whose list was replaced). */
export class ListPositions implements ForcingPositions {
  constructor(readonly list: ForcingChar[]) {}

  get size(): number {
    return this.list.length;
  }

  index(i: number): number {
    return (this.list[i] as ForcingChar).index;
  }

  length(i: number): number {
    return (this.list[i] as ForcingChar).char.length;
  }

  char(i: number): string {
    return (this.list[i] as ForcingChar).char;
  }

  first(n: number): ForcingChar[] {
    return this.list.slice(0, n);
  }
}

/**
 * Where positions are written, shared by the counts that read them: a typed
 * array of its own for each cost as much to allocate (off the V8 heap) as
 * filling it, for the few hundred entries of a Hindi text. Two bytes an
 * offset for any text an SMS can be; a chunk is replaced, not reused, when
 * full (positions already handed out keep theirs), and is kept small enough
 * to come from malloc's heap rather than fresh pages.
 */
const CHUNK_BYTES = 1 << 16;
const chunks = { short: new Uint16Array(0), long: new Uint32Array(0) };
let shortUsed = 0;
let longUsed = 0;

function fill(
  edges: Uint16Array | Uint32Array,
  from: number,
  bounds: Int32Array,
  count: number,
  marks: Uint8Array,
): number {
  let j = from;
  for (let k = 0; k < count; k++) {
    if (marks[k] === 0) continue;
    edges[j] = bounds[k] as number;
    edges[j + 1] = bounds[k + 1] as number;
    j += 2;
  }
  return j;
}

/** The clusters a walk marked (marks[k] = 1; bounds[k] starts cluster k, bounds[count] ends the text). */
export function markedPositions(
  text: string,
  bounds: Int32Array,
  count: number,
  marks: Uint8Array,
): ForcingPositions {
  // Room for every cluster, so the marks need not be counted first.
  const room = 2 * count;
  if (text.length <= 0xffff) {
    if (shortUsed + room > chunks.short.length) {
      chunks.short = new Uint16Array(Math.max(CHUNK_BYTES >> 1, room));
      shortUsed = 0;
    }
    const from = shortUsed;
    shortUsed = fill(chunks.short, from, bounds, count, marks);
    return new TextPositions(text, chunks.short, from, (shortUsed - from) >> 1);
  }
  if (longUsed + room > chunks.long.length) {
    chunks.long = new Uint32Array(Math.max(CHUNK_BYTES >> 2, room));
    longUsed = 0;
  }
  const from = longUsed;
  longUsed = fill(chunks.long, from, bounds, count, marks);
  return new TextPositions(text, chunks.long, from, (longUsed - from) >> 1);
}

/** Every grapheme's text, in order (what the CLI and the Sandbox report). */
export function forcingStrings(positions: ForcingPositions): string[] {
  const chars = new Array<string>(positions.size);
  for (let i = 0; i < chars.length; i++) chars[i] = positions.char(i);
  return chars;
}
