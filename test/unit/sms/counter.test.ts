import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/sms/counter';

const a = (n: number) => 'a'.repeat(n);
/** A UCS-2 filler: one code unit, not in GSM-7. */
const zh = (n: number) => 'ж'.repeat(n);
const partRanges = (text: string, enc?: 'ucs2' | 'gsm-pt') =>
  countSegments(text, enc ? { encoding: enc } : {}).parts.map((p) => [p.start, p.end, p.units]);

function expectOracleAgrees(text: string): void {
  const m = new SegmentedMessage(text, 'auto', false);
  const r = countSegments(text);
  expect(r.segments).toBe(m.segmentsCount);
  expect(r.encoding).toBe(m.encodingName === 'GSM-7' ? 'gsm' : 'ucs2');
}

describe('encoding detection (auto)', () => {
  it.each([
    ['ç', 'ucs2'],
    ['Ç', 'gsm'],
    ['\t', 'ucs2'],
    ['\u00a0', 'ucs2'],
    ['`', 'ucs2'],
    ['\u2019', 'ucs2'],
    ['\u201c', 'ucs2'],
    ['á', 'ucs2'],
    ['í', 'ucs2'],
    ['ó', 'ucs2'],
    ['ú', 'ucs2'],
    ['ã', 'ucs2'],
    ['õ', 'ucs2'],
    ['ê', 'ucs2'],
    ['â', 'ucs2'],
    ['ô', 'ucs2'],
    ['é', 'gsm'],
    ['\r\n', 'gsm'],
    ['ΔΦΓΛΩΠΨΣΘΞ', 'gsm'],
    ['\u0391', 'ucs2'], // Greek capital alpha, looks like A
    ['\u039f', 'ucs2'], // Greek capital omicron, looks like O
    ['\u2126', 'ucs2'], // ohm sign, looks like Ω
    ['^{}[]~\\|€\f', 'gsm'],
  ])('%j is %s', (text, encoding) => {
    expect(countSegments(text).encoding).toBe(encoding);
  });

  it('counts extension characters as two septets and CR LF as two', () => {
    expect(countSegments('^{}[]~\\|€\f').units).toBe(20);
    expect(countSegments('a\r\nb').units).toBe(4);
    expect(countSegments('ΔΦΓΛΩΠΨΣΘΞ').units).toBe(10);
  });

  it('counts UTF-16 code units in UCS-2: an emoji outside the BMP is 2', () => {
    expect(countSegments('😀').units).toBe(2);
    expect(countSegments('ç😀').units).toBe(3);
    expect(countSegments('👨\u200d👩\u200d👧').units).toBe(8);
  });

  it('reports each grapheme that forces UCS-2 with its index', () => {
    expect(countSegments('Olá 👍🏽 e\u0301!').forcingUcs2).toEqual([
      { char: 'á', index: 2 },
      { char: '👍🏽', index: 4 },
      { char: 'e\u0301', index: 9 },
    ]);
  });
});

describe('GSM-7 part boundaries', () => {
  it('fits 160 septets in one message and splits 161 into 153 + 8', () => {
    expect(countSegments(a(160))).toMatchObject({ segments: 1, units: 160, unitsLeft: 0 });
    expect(countSegments(a(160)).unitsPerSegment).toBe(160);
    expect(countSegments(a(161))).toMatchObject({
      segments: 2,
      unitsPerSegment: 153,
      unitsLeft: 145,
    });
    expect(partRanges(a(161))).toEqual([
      [0, 153, 153],
      [153, 161, 8],
    ]);
  });

  it.each([
    [158, 1],
    [159, 2],
    [160, 2],
  ])('an extension character at index %i gives %i segment(s)', (at, segments) => {
    expect(countSegments(`${a(at)}€`).segments).toBe(segments);
    expectOracleAgrees(`${a(at)}€`);
  });

  it('never splits an escape pair: a part may end at 152 septets', () => {
    expect(partRanges(`${a(151)}€${a(10)}`)[0]).toEqual([0, 152, 153]);
    expect(partRanges(`${a(152)}€${a(10)}`)[0]).toEqual([0, 152, 152]);
    expect(partRanges(`${a(152)}€${a(10)}`)[1]).toEqual([152, 163, 12]);
    expect(partRanges(`${a(153)}€${a(10)}`)[0]).toEqual([0, 153, 153]);
    for (const at of [151, 152, 153, 154]) expectOracleAgrees(`${a(at)}€${a(10)}`);
  });

  it('may end a part between CR and LF', () => {
    expect(partRanges(`${a(152)}\r\n${a(10)}`)[0]).toEqual([0, 153, 153]);
  });
});

describe('UCS-2 part boundaries', () => {
  it('fits 70 code units in one message and splits 71 into 67 + 4', () => {
    expect(countSegments(zh(70))).toMatchObject({ segments: 1, unitsPerSegment: 70 });
    expect(partRanges(zh(71))).toEqual([
      [0, 67, 67],
      [67, 71, 4],
    ]);
  });

  it.each([
    [68, 1],
    [69, 2],
    [70, 2],
  ])('an emoji at index %i gives %i segment(s)', (at, segments) => {
    expect(countSegments(`${zh(at)}😀`).segments).toBe(segments);
    expectOracleAgrees(`${zh(at)}😀`);
  });

  it('moves a surrogate pair that does not fit to the next part: a part may end at 66', () => {
    expect(partRanges(`${zh(65)}😀${zh(10)}`)[0]).toEqual([0, 67, 67]);
    expect(partRanges(`${zh(66)}😀${zh(10)}`)[0]).toEqual([0, 66, 66]);
    expect(partRanges(`${zh(67)}😀${zh(10)}`)[0]).toEqual([0, 67, 67]);
    for (const at of [65, 66, 67, 68]) expectOracleAgrees(`${zh(at)}😀${zh(10)}`);
  });

  it.each([
    ['ZWJ family', '👨\u200d👩\u200d👧'],
    ['flag', '🇵🇹'],
    ['keycap', '1\ufe0f\u20e3'],
    ['skin tone', '👍🏽'],
    ['rainbow flag', '🏳\ufe0f\u200d🌈'],
    ['combining accents', 'a\u0300\u0323'],
  ])('keeps a %s whole at a part boundary', (_name, cluster) => {
    for (let at = 58; at <= 67; at++) {
      const text = `${zh(at)}${cluster}${zh(20)}`;
      const r = countSegments(text);
      const first = r.parts[0];
      const fits = at + cluster.length <= 67;
      expect(first?.end).toBe(fits ? 67 : at);
      expect(r.parts.every((p) => p.units <= 67)).toBe(true);
      expectOracleAgrees(text);
    }
  });

  it('cuts a grapheme bigger than a whole part between code points (it cannot stay whole)', () => {
    const huge = `e${'\u0301'.repeat(80)}`;
    const r = countSegments(huge);
    expect(r.parts.map((p) => p.units)).toEqual([67, 14]);
  });
});

describe('empty text and part limits', () => {
  it('counts an empty text as one segment with nothing used', () => {
    expect(countSegments('')).toMatchObject({
      encoding: 'gsm',
      units: 0,
      segments: 1,
      unitsLeft: 160,
      parts: [{ start: 0, end: 0, units: 0 }],
      forcingUcs2: [],
    });
  });

  it('reports when the text needs more parts than allowed', () => {
    expect(countSegments(a(153 * 15))).toMatchObject({ segments: 15, exceedsMaxParts: false });
    expect(countSegments(a(153 * 15 + 1))).toMatchObject({ segments: 16, exceedsMaxParts: true });
    expect(countSegments(a(1600), { maxParts: 8 })).toMatchObject({
      segments: 11,
      maxParts: 8,
      exceedsMaxParts: true,
    });
  });
});

describe('forced encodings', () => {
  it('ucs2 counts code units even for a GSM text', () => {
    expect(countSegments('hello', { encoding: 'ucs2' })).toMatchObject({
      encoding: 'ucs2',
      units: 5,
    });
  });

  it('gsm counts each character outside the alphabet as one replaced septet and lists it', () => {
    const r = countSegments('ação 😀', { encoding: 'gsm' });
    expect(r).toMatchObject({ encoding: 'gsm', units: 6 });
    expect(r.forcingUcs2.map((f) => f.char)).toEqual(['ç', 'ã', '😀']);
  });
});

describe('GSM-PT', () => {
  it('uses the locking-shift table when it holds the text: 155 septets alone, 149 per part', () => {
    expect(countSegments('ç'.repeat(155), { encoding: 'gsm-pt' })).toMatchObject({
      encoding: 'gsm-pt',
      nationalTables: 'locking-shift',
      units: 155,
      segments: 1,
      unitsPerSegment: 155,
    });
    expect(countSegments('ç'.repeat(156), { encoding: 'gsm-pt' })).toMatchObject({
      segments: 2,
      unitsPerSegment: 149,
    });
  });

  it('uses the single-shift table for a GSM text with a few Portuguese letters', () => {
    // Φ and Ñ are only in the default alphabet, ã only in the Portuguese tables.
    expect(countSegments('ΦÑã', { encoding: 'gsm-pt' })).toMatchObject({
      nationalTables: 'single-shift',
      units: 4,
    });
  });

  it('uses both tables when neither alone holds the text: 152 alone, 146 per part', () => {
    const text = 'Φº';
    expect(countSegments(text, { encoding: 'gsm-pt' })).toMatchObject({
      nationalTables: 'both',
      units: 3,
      unitsPerSegment: 152,
    });
    expect(countSegments(text.repeat(60), { encoding: 'gsm-pt' })).toMatchObject({
      segments: 2,
      unitsPerSegment: 146,
    });
  });

  it('needs no national table (and no room for one) for a plain GSM text', () => {
    expect(countSegments(a(160), { encoding: 'gsm-pt' })).toMatchObject({
      nationalTables: 'none',
      segments: 1,
    });
  });

  it('with auto, says when GSM-PT would need fewer segments', () => {
    const text = 'Informação: a sua encomenda está à espera na loja. '.repeat(4);
    const r = countSegments(text);
    expect(r.encoding).toBe('ucs2');
    expect(r.gsmPtSegments).toBe(countSegments(text, { encoding: 'gsm-pt' }).segments);
    expect(r.gsmPtSegments).toBeLessThan(r.segments);
    expect(countSegments('hello').gsmPtSegments).toBeUndefined();
    expect(countSegments('😀 ação').gsmPtSegments).toBeUndefined();
  });

  it('with auto, notices that the locking shift makes € one septet', () => {
    const r = countSegments('€'.repeat(200));
    expect(r).toMatchObject({ encoding: 'gsm', units: 400, segments: 3, gsmPtSegments: 2 });
  });

  it('lists characters no Portuguese table holds', () => {
    expect(countSegments('ação 😀', { encoding: 'gsm-pt' }).forcingUcs2).toEqual([
      { char: '😀', index: 5 },
    ]);
  });
});
