import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDecoder, guessEncoding } from '../../../electron/core/bulk/encoding';
import { CsvFileError } from '../../../electron/core/bulk/errors';

const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

describe('guessEncoding', () => {
  it('a BOM decides, and says so', () => {
    expect(guessEncoding(bytes('\ufeffa,b', 'utf8'))).toMatchObject({
      encoding: 'utf-8',
      bomBytes: 3,
    });
    expect(guessEncoding(bytes('\ufeffa\tb', 'utf16le'))).toMatchObject({
      encoding: 'utf-16le',
      bomBytes: 2,
    });
    expect(guessEncoding(bytes('\ufeffa\tb', 'utf16be'))).toMatchObject({
      encoding: 'utf-16be',
      bomBytes: 2,
    });
  });

  it('valid UTF-8 is UTF-8; accented Windows-1252 is not valid UTF-8 and is read as Windows-1252', () => {
    expect(guessEncoding(bytes('Nome;Telemóvel\nJoão;1', 'utf8')).encoding).toBe('utf-8');
    const legacy = guessEncoding(bytes('Nome;Telemóvel\nJoão;1', 'win1252'));
    expect(legacy.encoding).toBe('windows-1252');
    expect(legacy.reason).toMatch(/not valid UTF-8/);
  });

  it('a UTF-8 character cut at the end of the sniffed head is not mistaken for Windows-1252', () => {
    const full = bytes('name\nJosé', 'utf8');
    expect(guessEncoding(full.subarray(0, full.length - 1)).encoding).toBe('utf-8');
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(guessEncoding(bytes('name\tphone\r\nAna\t612345678\r\n', 'utf16le')).encoding).toBe(
      'utf-16le',
    );
    expect(guessEncoding(bytes('name\tphone\r\nAna\t612345678\r\n', 'utf16be')).encoding).toBe(
      'utf-16be',
    );
  });

  it('refuses binaries with a sentence naming what they are', () => {
    expect(() => guessEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toThrow(
      /Excel workbook/,
    );
    expect(() => guessEncoding(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toThrow(/PDF/);
    expect(() =>
      guessEncoding(new Uint8Array([0x41, 0x00, 0x00, 0x00, 0x42, 0x43, 0x00, 0x44])),
    ).toThrow(CsvFileError);
    expect(() =>
      guessEncoding(new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 7) + 1))),
    ).toThrow(/control characters/);
  });
});

describe('createDecoder', () => {
  it('decodes text split into chunks at any byte, in every supported encoding', () => {
    const encodings = [
      ['utf-8', 'utf8'],
      ['utf-16le', 'utf16le'],
      ['utf-16be', 'utf16be'],
    ] as const;
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.nat(200), { maxLength: 6 }),
        fc.constantFrom(...encodings),
        (text, cuts, [ours, theirs]) => {
          const all = bytes(text, theirs);
          const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
          const decoder = createDecoder(ours);
          let out = '';
          let from = 0;
          for (const p of [...points, all.length]) {
            out += decoder.write(all.subarray(from, p));
            from = p;
          }
          expect(out + decoder.end()).toBe(text);
        },
      ),
    );
  });

  it('decodes Windows-1252 (€ is 0x80) and ISO-8859-1', () => {
    expect(createDecoder('windows-1252').write(new Uint8Array([0x80, 0xe3]))).toBe('€ã');
    expect(createDecoder('iso-8859-1').write(new Uint8Array([0xe9]))).toBe('é');
  });

  it('fails on broken UTF-8 instead of importing replacement characters', () => {
    expect(() => createDecoder('utf-8').write(new Uint8Array([0x41, 0xe9, 0x41]))).toThrow();
  });
});
