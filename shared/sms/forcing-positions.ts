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
    private readonly edges: Uint32Array,
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
 * Where positions are written, shared by the counts that read them: a
 * Uint32Array of its own for each cost as much to allocate (off the V8 heap)
 * as filling it, for the few hundred entries of a Hindi text. A chunk is
 * replaced, not reused, when full: positions already handed out keep theirs.
 */
const CHUNK_ENTRIES = 1 << 16;
let chunk = new Uint32Array(0);
let chunkUsed = 0;

/** The clusters a walk marked (marks[k] = 1; bounds[k] starts cluster k, bounds[count] ends the text). */
export function markedPositions(
  text: string,
  bounds: Int32Array,
  count: number,
  marks: Uint8Array,
): ForcingPositions {
  // Room for every cluster, so the marks need not be counted first.
  if (chunkUsed + 2 * count > chunk.length) {
    chunk = new Uint32Array(Math.max(CHUNK_ENTRIES, 2 * count));
    chunkUsed = 0;
  }
  const edges = chunk;
  const from = chunkUsed;
  let j = from;
  for (let k = 0; k < count; k++) {
    if (marks[k] === 0) continue;
    edges[j] = bounds[k] as number;
    edges[j + 1] = bounds[k + 1] as number;
    j += 2;
  }
  chunkUsed = j;
  return new TextPositions(text, edges, from, (j - from) >> 1);
}

/** Every grapheme's text, in order (what the CLI and the Sandbox report). */
export function forcingStrings(positions: ForcingPositions): string[] {
  const chars = new Array<string>(positions.size);
  for (let i = 0; i < chars.length; i++) chars[i] = positions.char(i);
  return chars;
}
