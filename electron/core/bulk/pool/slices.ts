import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { createDecoder } from '../encoding';
import type { CsvSniff } from '../sniff';

/**
 * One part of a CSV file that a worker can read and parse on its own: it
 * starts at a row's first byte and ends just before a line end that is
 * outside any quoted cell (the line end itself belongs to neither part, so
 * no part ends with one and PapaParse gives no extra empty record).
 */
export interface CsvSlice {
  /** Byte offsets in the file, end exclusive. */
  start: number;
  end: number;
  /** The spreadsheet row number of the slice's first record (the header is row 1). */
  firstRow: number;
}

export interface SlicePlan {
  slices: CsvSlice[];
  /** The line break PapaParse guesses for the whole file, given to every slice's parser. */
  newline: '\n' | '\r\n';
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const READ_BYTES = 1024 * 1024;

/** Where the byte scan is, as PapaParse would read the same bytes. */
enum At {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted cell: it closes the cell, or doubles, or is a stray quote. */
  QuoteInQuoted,
  /** CRLF files: a CR outside quotes, a line end if LF follows. */
  CarriageReturn,
  /** CRLF files: a CR right after a closing quote; anything but LF is beyond this scan. */
  QuoteCarriageReturn,
}

/**
 * Cuts the file into slices of about `targetBytes` at line ends outside
 * quotes, each with the row it starts at, in one sequential read (no text is
 * decoded). Null when the file is one this scan cannot cut exactly as
 * PapaParse reads the whole file, and the caller reads it in one stream:
 * UTF-16, a CR-only line break, UTF-8 that is not valid (the one-stream read
 * names its row), a quote never closed, or a closing quote followed by
 * spaces or other bytes PapaParse's own lenience would read differently.
 */
export async function planSlices(sniff: CsvSniff, targetBytes: number): Promise<SlicePlan | null> {
  const encoding = sniff.encoding.name;
  if (encoding !== 'utf-8' && encoding !== 'windows-1252') return null;
  if (sniff.delimiter.char.length !== 1) return null;
  const newline = wholeFileNewline(sniff);
  if (newline === null) return null;
  const scan = new SliceScan(sniff, newline, targetBytes);
  // Read a MiB at a time, asynchronously: the app's event loop runs between reads.
  const file = await open(sniff.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    let offset = sniff.encoding.bomBytes;
    let unchecked = Buffer.alloc(0);
    for (;;) {
      const { bytesRead: n } = await file.read(buffer, 0, READ_BYTES, offset);
      if (n === 0) break;
      const bytes = buffer.subarray(0, n);
      if (encoding === 'utf-8') {
        // A line feed is always a character boundary: check up to the last one, keep the rest.
        const lastLf = bytes.lastIndexOf(LF);
        const upTo = Buffer.concat([unchecked, bytes.subarray(0, lastLf + 1)]);
        if (!isUtf8(upTo)) return null;
        unchecked = Buffer.from(bytes.subarray(lastLf + 1));
      }
      if (!scan.feed(bytes, offset)) return null;
      offset += n;
    }
    if (unchecked.length > 0 && !isUtf8(unchecked)) return null;
    const slices = scan.finish(offset);
    return slices ? { slices, newline } : null;
  } finally {
    await file.close();
  }
}

/**
 * The line break PapaParse guesses when it streams the whole file: it guesses
 * once, from the first chunk it is given, which is the first 256 KiB read
 * decoded (`records.ts`). A guess of CR alone is not cut here (null).
 */
function wholeFileNewline(sniff: CsvSniff): '\n' | '\r\n' | null {
  const fd = openSync(sniff.path, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.allocUnsafe(256 * 1024);
    head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
  let text: string;
  try {
    text = createDecoder(sniff.encoding.name)
      .write(head.subarray(sniff.encoding.bomBytes))
      .replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
  const { linebreak } = Papa.parse(text, { delimiter: sniff.delimiter.char, preview: 1 }).meta;
  return linebreak === '\n' || linebreak === '\r\n' ? linebreak : null;
}

/** The byte scan's state, fed the file a read at a time. */
class SliceScan {
  private at = At.FieldStart;
  private readonly delimiter: number;
  private readonly crlf: boolean;
  /** Line ends outside quotes so far: the row of the next record is this + 1. */
  private lineEnds = 0;
  private readonly slices: CsvSlice[] = [];
  private sliceStart: number;
  private sliceRow = 1;
  /** Where the current record began (just past the last line end). */
  private recordStart: number;

  constructor(
    sniff: CsvSniff,
    newline: '\n' | '\r\n',
    private readonly targetBytes: number,
  ) {
    this.delimiter = sniff.delimiter.char.charCodeAt(0);
    this.crlf = newline === '\r\n';
    this.sliceStart = sniff.encoding.bomBytes;
    this.recordStart = this.sliceStart;
  }

  /** Scans one read starting at byte `offset` of the file; false when the file cannot be cut. */
  feed(bytes: Buffer, offset: number): boolean {
    const d = this.delimiter;
    let at = this.at;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      switch (at) {
        case At.FieldStart:
        case At.Unquoted:
          if (b === d) at = At.FieldStart;
          else if (b === QUOTE && at === At.FieldStart) at = At.Quoted;
          else if (b === LF && !this.crlf) {
            this.lineEnd(offset + i, offset + i + 1);
            at = At.FieldStart;
          } else if (b === CR && this.crlf) at = At.CarriageReturn;
          else at = At.Unquoted;
          break;
        case At.Quoted:
          if (b === QUOTE) at = At.QuoteInQuoted;
          break;
        case At.QuoteInQuoted:
          if (b === QUOTE) at = At.Quoted;
          else if (b === d) at = At.FieldStart;
          else if (b === LF && !this.crlf) {
            this.lineEnd(offset + i, offset + i + 1);
            at = At.FieldStart;
          } else if (b === CR && this.crlf) at = At.QuoteCarriageReturn;
          else if (b <= 0x20 || b >= 0x80) return false;
          // A stray quote (`"ab"c`): PapaParse keeps the cell open, so does this scan.
          else at = At.Quoted;
          break;
        case At.CarriageReturn:
        case At.QuoteCarriageReturn:
          if (b === LF) {
            this.lineEnd(offset + i - 1, offset + i + 1);
            at = At.FieldStart;
          } else if (at === At.QuoteCarriageReturn) return false;
          else {
            // A lone CR in a CRLF file is text; it is read again as this byte's state.
            at = At.Unquoted;
            i--;
          }
          break;
      }
    }
    this.at = at;
    return true;
  }

  /** The slices once the whole file is read, or null when it ends inside a quoted cell. */
  finish(fileEnd: number): CsvSlice[] | null {
    if (this.at === At.Quoted || this.at === At.QuoteCarriageReturn) return null;
    const last = this.slices.at(-1);
    // Cut at the file's last line end, the slice before takes it back: PapaParse reads a
    // final line end as one more (blank) record, which an empty slice would not give.
    if (last && fileEnd === this.sliceStart) last.end = fileEnd;
    else this.slices.push({ start: this.sliceStart, end: fileEnd, firstRow: this.sliceRow });
    return this.slices;
  }

  /** A line end outside quotes from byte `from` up to `to` (exclusive): maybe the end of a slice. */
  private lineEnd(from: number, to: number): void {
    this.lineEnds++;
    const empty = from === this.recordStart;
    this.recordStart = to;
    // A stream's parse drops an empty last record (its final line end reads as the end of the
    // file), so a slice never ends with one; nor is it cut before `targetBytes`.
    if (empty || from - this.sliceStart < this.targetBytes) return;
    this.slices.push({ start: this.sliceStart, end: from, firstRow: this.sliceRow });
    this.sliceStart = to;
    this.sliceRow = this.lineEnds + 1;
  }
}
