import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../shared/sms/counter';
import { isTextMissing, sendBlockers } from '../../../shared/sms/send-checks';
import { applyTrans, suggestGsmReplacements } from '../../../shared/sms/suggestions';

describe('GSM-7 suggestions', () => {
  it("applies the provider's trans table", () => {
    expect(applyTrans('Olá, João! Ação º1 ª')).toBe('Ola, Joao! AÇao 1 ');
  });

  it('replaces smart punctuation and reports the segments saved', () => {
    const text = `\u201cHello\u201d \u2014 it\u2019s\u00a0ready\u2026 ${'x'.repeat(80)}`;
    const s = suggestGsmReplacements(text);
    expect(s.text).toBe(`"Hello" - it's ready... ${'x'.repeat(80)}`);
    expect(s.segmentsBefore).toBe(2);
    expect(s.segmentsAfter).toBe(1);
    expect(s.segmentsSaved).toBe(1);
    expect(s.remaining).toEqual([]);
    expect(s.replacements).toContainEqual({
      from: '\u2026',
      to: '...',
      count: 1,
      reason: 'punctuation',
    });
  });

  it('composes decomposed accents and strips zero-width characters', () => {
    const s = suggestGsmReplacements('cafe\u0301\u200b a\u0301');
    expect(s.text).toBe('café a');
    expect(countSegments(s.text).encoding).toBe('gsm');
  });

  it('counts repeated replacements once per character and keeps what cannot be fixed', () => {
    const s = suggestGsmReplacements('ção ção 😀');
    expect(s.text).toBe('Çao Çao 😀');
    expect(s.replacements).toEqual([
      { from: 'ç', to: 'Ç', count: 2, reason: 'trans' },
      { from: 'ã', to: 'a', count: 2, reason: 'trans' },
    ]);
    expect(s.remaining).toEqual([{ char: '😀', index: 8 }]);
  });

  it('lists what remains after later counts, and copies it like a plain field', () => {
    const s = suggestGsmReplacements('ação नमस्ते 😀');
    countSegments('другой текст 👍🏽');
    const remaining = [
      { char: 'न', index: 5 },
      { char: 'म', index: 6 },
      { char: 'स्ते', index: 7 },
      { char: '😀', index: 12 },
    ];
    expect(s.remaining).toEqual(remaining);
    expect(JSON.parse(JSON.stringify(s)).remaining).toEqual(remaining);
    expect({ ...s }.remaining).toEqual(remaining);
    expect(Object.keys(s)).toEqual([
      'text',
      'replacements',
      'remaining',
      'segmentsBefore',
      'segmentsAfter',
      'segmentsSaved',
    ]);
  });

  it('leaves a GSM-7 text alone', () => {
    expect(suggestGsmReplacements('Hello {you}')).toMatchObject({
      text: 'Hello {you}',
      replacements: [],
      segmentsSaved: 0,
    });
  });
});

describe('send blockers', () => {
  it('refuses an empty text with 104 although it counts one segment', () => {
    expect(isTextMissing('')).toBe(true);
    expect(isTextMissing(' ')).toBe(false);
    expect(sendBlockers('', countSegments(''))).toEqual([
      { code: 104, message: 'The message is empty.' },
    ]);
  });

  it('refuses a text needing more parts than allowed with 105', () => {
    const text = 'a'.repeat(1300);
    expect(sendBlockers(text, countSegments(text, { maxParts: 8 }))[0]?.code).toBe(105);
    expect(sendBlockers(text, countSegments(text))).toEqual([]);
  });
});
