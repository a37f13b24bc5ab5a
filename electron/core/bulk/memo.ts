/**
 * A per-job memo: remembers results by key until it holds `maxEntries`
 * entries or `maxChars` characters of keys, then forgets them all (cheaper
 * than an LRU, and bounded). The character bound matters for texts: a
 * rendered message is up to a row's 8,192 characters, and its count holds a
 * position per character that cannot go in GSM-7, so 10,000 long distinct
 * texts would otherwise keep hundreds of MiB (more than a check worker's heap).
 */
export class Memo<V> {
  private readonly held = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get(key: string, make: () => V): V {
    const known = this.held.get(key);
    if (known !== undefined) return known;
    const value = make();
    if (this.held.size >= this.maxEntries || this.chars + key.length > this.maxChars) {
      this.held.clear();
      this.chars = 0;
    }
    // A key longer than the whole bound is answered but not kept.
    if (key.length <= this.maxChars) {
      this.held.set(key, value);
      this.chars += key.length;
    }
    return value;
  }

  /** Entries and key characters held now. */
  get size(): { entries: number; chars: number } {
    return { entries: this.held.size, chars: this.chars };
  }
}
