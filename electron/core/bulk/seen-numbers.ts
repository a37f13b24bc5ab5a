/**
 * The numbers a check has already accepted, each with the row that first had
 * it: the duplicate check's memory, one entry per valid row (up to 1,000,000).
 * A Map of a million strings held ~100 MiB of short strings and hash entries
 * (bench/RESULTS.md, wizard); a provider-form number (country code + national
 * number, digits only, at most 15 digits, never a leading 0) is exactly an
 * integer below 2^53, so it is kept as a double in an open-addressing table
 * of two typed arrays: 12 bytes a slot, ~24 MiB at a million numbers. Anything
 * else (never produced by normalizePhone today) goes to a plain Map.
 */
export class SeenNumbers {
  private keys = new Float64Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private used = 0;
  private readonly other = new Map<string, number>();

  /** The row that first had this number, or undefined. */
  get(recipient: string): number | undefined {
    const key = numericKey(recipient);
    if (key === null) return this.other.get(recipient);
    const slot = this.find(this.keys, key);
    return this.keys[slot] === key ? this.rows[slot] : undefined;
  }

  /** Remembers the first row of a number not seen before (a number already kept is left as it is). */
  set(recipient: string, row: number): void {
    const key = numericKey(recipient);
    if (key === null) {
      if (!this.other.has(recipient)) this.other.set(recipient, row);
      return;
    }
    const slot = this.find(this.keys, key);
    if (this.keys[slot] === key) return;
    this.keys[slot] = key;
    this.rows[slot] = row;
    this.used++;
    // Half full at most, so a probe stays short.
    if (this.used * 2 > this.keys.length) this.grow();
  }

  /** The slot holding `key`, or the empty slot where it would go (0 marks an empty slot). */
  private find(keys: Float64Array, key: number): number {
    const mask = keys.length - 1;
    let slot = hash(key) & mask;
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.rows = new Int32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i] as number;
      if (key === 0) continue;
      const slot = this.find(this.keys, key);
      this.keys[slot] = key;
      this.rows[slot] = oldRows[i] as number;
    }
  }
}

const DIGITS = /^[1-9]\d{0,14}$/;

/** The number as an exact integer key, or null when it is not 1-15 digits without a leading 0. */
function numericKey(recipient: string): number | null {
  return DIGITS.test(recipient) ? Number(recipient) : null;
}

/** Mixes both 32-bit halves of an integer below 2^53 (murmur3's finaliser). */
function hash(key: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / 0x1_0000_0000), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
