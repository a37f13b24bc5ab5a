import iconv from 'iconv-lite';
import type { CsvEncoding } from './csv-encodings';
import { CsvFileError } from './errors';

export { CSV_ENCODINGS, type CsvEncoding, isCsvEncoding } from './csv-encodings';

export interface EncodingGuess {
  encoding: CsvEncoding;
  /** Bytes of byte-order mark at the start of the file, skipped before decoding. */
  bomBytes: number;
  /** Why this encoding, for the person to check against the preview. */
  reason: string;
}

const ICONV_NAMES: Record<Exclude<CsvEncoding, 'utf-8'>, string> = {
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1252': 'windows1252',
  'iso-8859-1': 'latin1',
};

function bomOf(bytes: Uint8Array): EncodingGuess | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { encoding: 'utf-8', bomBytes: 3, reason: 'UTF-8 byte-order mark' };
  }
  if (a === 0xff && b === 0xfe) {
    return { encoding: 'utf-16le', bomBytes: 2, reason: 'UTF-16 little-endian byte-order mark' };
  }
  if (a === 0xfe && b === 0xff) {
    return { encoding: 'utf-16be', bomBytes: 2, reason: 'UTF-16 big-endian byte-order mark' };
  }
  return null;
}

/** UTF-16 without a BOM shows as a zero byte in every other position for Latin text. */
function utf16WithoutBom(bytes: Uint8Array): CsvEncoding | null {
  const n = Math.min(bytes.length, 2048) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook or another ZIP file; save it as CSV first'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel (.xls) workbook; save it as CSV first'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document, not a CSV file'],
];

/** A text file has no NULs and almost no control characters; anything else is refused by name. */
function refuseBinary(bytes: Uint8Array): void {
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) {
      throw new CsvFileError(`The file is ${what}.`);
    }
  }
  let controls = 0;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) {
      throw new CsvFileError('The file is binary (it contains NUL bytes), not a CSV text file.');
    }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) controls++;
  }
  if (controls > n * 0.01) {
    throw new CsvFileError(
      'The file is binary (it is full of control characters), not a CSV text file.',
    );
  }
}

/**
 * Guesses the encoding from the first bytes. Statistical detectors are weak on
 * short files, so: a BOM decides; otherwise text that is valid UTF-8 is UTF-8
 * (legacy text with accents almost never is); otherwise Windows-1252, which
 * is what Excel writes as "CSV" on Western-European Windows and which reads
 * ISO-8859-1 text the same except for 0x80-0x9F (C1 controls nobody types).
 */
export function guessEncoding(sample: Uint8Array, wholeFile = false): EncodingGuess {
  const bom = bomOf(sample);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(sample);
  if (utf16) {
    return {
      encoding: utf16,
      bomBytes: 0,
      reason: 'every other byte is zero (UTF-16 without a byte-order mark)',
    };
  }
  refuseBinary(sample);
  try {
    // Streaming unless the sample is the whole file: a character cut at the end of a head is fine.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !wholeFile });
    return { encoding: 'utf-8', bomBytes: 0, reason: 'the text is valid UTF-8' };
  } catch {
    return {
      encoding: 'windows-1252',
      bomBytes: 0,
      reason:
        'the text is not valid UTF-8, so it was read as Windows-1252 (Excel on Western-European Windows)',
    };
  }
}

/** The BOM length of `encoding` at the start of `bytes` (0 when absent or of another encoding). */
export function bomLength(bytes: Uint8Array, encoding: CsvEncoding): number {
  const bom = bomOf(bytes);
  return bom && bom.encoding === encoding ? bom.bomBytes : 0;
}

/** Incremental decoding: bytes in, text out, a character split across chunks kept for the next. */
export interface TextDecoderLike {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** Broken UTF-8; `validText` is the chunk's text before the first bad byte, so the caller can name the row. */
export class InvalidUtf8Error extends Error {
  constructor(readonly validText: string) {
    super('invalid UTF-8');
    this.name = 'InvalidUtf8Error';
  }
}

/**
 * UTF-8 is decoded strictly, so a file that turns out to mix encodings fails
 * with a message instead of importing "Ã©" for "é"; the legacy code pages and
 * UTF-16 go through iconv-lite.
 */
export function createDecoder(encoding: CsvEncoding): TextDecoderLike {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return {
      write: (bytes) => {
        try {
          return decoder.decode(bytes, { stream: true });
        } catch {
          const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
          throw new InvalidUtf8Error(lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))));
        }
      },
      end: () => {
        try {
          return decoder.decode();
        } catch {
          throw new InvalidUtf8Error('');
        }
      },
    };
  }
  const decoder = iconv.getDecoder(ICONV_NAMES[encoding], { stripBOM: false });
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

/**
 * Decodes the sniffed head of the file without its BOM. When the head is not
 * the whole file, a character cut at its end is left out rather than an error.
 */
export function decodeHead(
  bytes: Uint8Array,
  encoding: CsvEncoding,
  bomBytes: number,
  wholeFile: boolean,
): string {
  const decoder = createDecoder(encoding);
  const text = decoder.write(bytes.subarray(bomBytes));
  return wholeFile ? text + decoder.end() : text;
}
