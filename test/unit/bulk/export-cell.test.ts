import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../../electron/core/bulk/export';

const DANGEROUS = /^[\s]*[=+\-@\t\r]/;

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['+34612345678', "'+34612345678"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['   =1', "'   =1"],
  ])('%j becomes text', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('leaves ordinary cells and provider-form numbers alone', () => {
    expect(neutraliseCell('34612345678')).toBe('34612345678');
    expect(neutraliseCell('Ana = Bob')).toBe('Ana = Bob');
    expect(neutraliseCell('')).toBe('');
  });

  it('no output starts with a formula character, even after spaces, and nothing is lost', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        const out = neutraliseCell(s);
        expect(DANGEROUS.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});
