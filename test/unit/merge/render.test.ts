import { describe, expect, it } from 'vitest';
import { FILTERS, SHORT_LINK_PLACEHOLDER } from '../../../shared/merge/filters';
import { renderTemplate } from '../../../shared/merge/render';
import { parseTemplate } from '../../../shared/merge/template';

const render = (source: string, row: Record<string, string>, otpLength?: number) =>
  renderTemplate(parseTemplate(source), row, otpLength === undefined ? {} : { otpLength });

describe('filters, as the seed examples show them', () => {
  it.each([
    ['lower', 'My Name', 'my name'],
    ['upper', 'my name', 'MY NAME'],
    ['capitalize', 'my name', 'My name'],
    ['capitalizeAll', 'my name', 'My Name'],
    ['formatDotComma', '1234.56', '1.234,56'],
    ['formatCommaDot', '1234.56', '1,234.56'],
    ['shorten', 'https://example.com/a/very/long/path?x=1', SHORT_LINK_PLACEHOLDER],
  ] as const)('%s(%j) = %j', (filter, input, output) => {
    expect(FILTERS[filter](input)).toBe(output);
  });

  it('formats numbers written with either decimal separator, signs and no decimals', () => {
    expect(FILTERS.formatDotComma('1234567,5')).toBe('1.234.567,5');
    expect(FILTERS.formatCommaDot('-1234567')).toBe('-1,234,567');
    expect(FILTERS.formatCommaDot('999')).toBe('999');
  });

  it('capitalizes the first letter even after leading punctuation', () => {
    expect(FILTERS.capitalize('"élan" vital')).toBe('"Élan" vital');
    expect(FILTERS.capitalizeAll('ana  maría\tlópez')).toBe('Ana  María\tLópez');
  });
});

describe('templates', () => {
  it('lists the fields a template needs, once each, and the provider placeholders', () => {
    const t = parseTemplate(
      'Hi {name|capitalize}, {name}: {amount|formatDotComma} {OTP_CODE} {UNSUB_URL}',
    );
    expect(t.fields).toEqual(['name', 'amount']);
    expect(t.providerPlaceholders).toEqual(['OTP_CODE', 'UNSUB_URL']);
    expect(t.problems).toEqual([]);
  });

  it('keeps braces that are not placeholders as text', () => {
    const t = parseTemplate('Use {x y} or { } or {a|b|c} or {');
    expect(t.fields).toEqual([]);
    expect(render('Use {x y} or { }', {})).toEqual({ ok: true, text: 'Use {x y} or { }' });
  });

  it('reports an unknown filter in the template and refuses to render it', () => {
    const t = parseTemplate('Hi {name|shout}');
    expect(t.problems).toEqual([
      { index: 3, source: '{name|shout}', message: 'unknown filter "shout" in {name|shout}' },
    ]);
    expect(render('Hi {name|shout}', { name: 'a' })).toMatchObject({
      ok: false,
      error: { field: 'name', reason: 'unknown-filter' },
    });
  });

  it('reserves the short link length for {UNSUB_URL} and shorten, and the OTP length', () => {
    expect(render('{UNSUB_URL}', {})).toEqual({ ok: true, text: 'https://sms.tl/xxxxxx' });
    expect(render('{OTP_CODE}', {})).toEqual({ ok: true, text: '0000' });
    expect(render('{OTP_CODE}', {}, 7)).toEqual({ ok: true, text: '0000000' });
    expect(() => render('{OTP_CODE}', {}, 11)).toThrow(RangeError);
  });

  it('fails a row that lacks a field, naming the field, instead of leaving a hole', () => {
    expect(render('Hi {name}, you owe {amount}', { name: 'Ana' })).toEqual({
      ok: false,
      error: { field: 'amount', reason: 'missing', message: 'The row has no value for {amount}.' },
    });
    expect(render('Hi {name}', { name: '  ' })).toMatchObject({
      ok: false,
      error: { field: 'name', reason: 'empty' },
    });
  });

  it('fails a row whose value a filter cannot take', () => {
    expect(render('{n|formatDotComma}', { n: 'twelve' })).toMatchObject({
      ok: false,
      error: { field: 'n', reason: 'not-a-number' },
    });
    expect(render('{u|shorten}', { u: 'not a url' })).toMatchObject({
      ok: false,
      error: { field: 'u', reason: 'not-a-url' },
    });
  });

  it('does not read inherited properties as fields', () => {
    expect(render('{constructor}', {})).toMatchObject({ ok: false, error: { reason: 'missing' } });
  });
});
