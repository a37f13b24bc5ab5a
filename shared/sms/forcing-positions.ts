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

/** Positions as offsets into the text they were found in: [start, end] per grapheme. */
class TextPositions implements ForcingPositions {
  readonly size: number;

  constructor(
    private readonly text: string,
    private readonly edges: Uint32Array,
  ) {
    this.size = edges.length >> 1;
  }

  index(i: number): number {
    return this.edges[2 * i] as number;
  }

  length(i: number): number {
    return (this.edges[2 * i + 1] as number) - (this.edges[2 * i] as number);
  }

  char(i: number): string {
    return this.text.slice(this.edges[2 * i], this.edges[2 * i + 1]);
  }

  first(n: number): ForcingChar[] {
    const found = new Array<ForcingChar>(Math.min(n, this.size));
    const { text, edges } = this;
    for (let i = 0; i < found.length; i++) {
      const from = edges[2 * i] as number;
      // Shared strings: a whole Hindi list is ~730 graphemes drawn from a few dozen.
      found[i] = { char: clusterString(text, from, edges[2 * i + 1] as number), index: from };
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
 * How many of marks[0..count) are 1 (each is 0 or 1), four at a time: the
 * bytes of a word summed by one multiplication, so the positions are made at
 * their size without a second pass of the per-cluster loop.
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

/** The clusters a walk marked (marks[k] = 1; bounds[k] starts cluster k, bounds[count] ends the text). */
export function markedPositions(
  text: string,
  bounds: Int32Array,
  count: number,
  marks: Uint8Array,
): ForcingPositions {
  const edges = new Uint32Array(2 * countMarked(marks, count));
  let j = 0;
  for (let k = 0; k < count; k++) {
    if (marks[k] === 0) continue;
    edges[j] = bounds[k] as number;
    edges[j + 1] = bounds[k + 1] as number;
    j += 2;
  }
  return new TextPositions(text, edges);
}

/** Every grapheme's text, in order (what the CLI and the Sandbox report). */
export function forcingStrings(positions: ForcingPositions): string[] {
  const chars = new Array<string>(positions.size);
  for (let i = 0; i < chars.length; i++) chars[i] = positions.char(i);
  return chars;
}
