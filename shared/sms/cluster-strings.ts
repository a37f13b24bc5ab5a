/**
 * The strings of short grapheme clusters, shared between counts: a Hindi
 * text's `forcingUcs2` lists every cluster (731 in 1,600 characters), nearly
 * all one or two code units long and drawn from a few dozen distinct ones,
 * and `text.slice` allocates a new two-byte string for each. One slot per
 * hash of the code units, checked before use (a collision only costs a slice).
 */
const SLOTS = 4096;
const slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

function cachedPair(text: string, from: number, a: number): string {
  const b = text.charCodeAt(from + 1);
  const slot = (a * 31 + b) & (SLOTS - 1);
  const held = slots[slot];
  // A one-unit string in the slot fails the second test (NaN).
  if (held !== undefined && held.charCodeAt(0) === a && held.charCodeAt(1) === b) return held;
  const made = text.slice(from, from + 2);
  slots[slot] = made;
  return made;
}

/** `text.slice(from, to)`, the same string object again for a short cluster met before. */
export function clusterString(text: string, from: number, to: number): string {
  const a = text.charCodeAt(from);
  if (to - from === 2) return cachedPair(text, from, a);
  // V8 already keeps one string per Latin-1 character, and a long cluster is rare.
  if (to - from !== 1 || a < 0x100) return text.slice(from, to);
  const slot = a & (SLOTS - 1);
  const held = slots[slot];
  if (held !== undefined && held.length === 1 && held.charCodeAt(0) === a) return held;
  const made = text.slice(from, to);
  slots[slot] = made;
  return made;
}
