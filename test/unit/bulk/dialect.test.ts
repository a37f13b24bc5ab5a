import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseDelimiter } from '../../../electron/core/bulk/dialect';

describe('guessDelimiter', () => {
  it('picks the semicolon in a European file full of decimal commas', () => {
    const text =
      'nombre;importe;telefono\nAna;12,50;612345678\nLuis;3,75;612345679\nEva;1,00;612345680\n';
    const guess = guessDelimiter(text);
    expect(guess.delimiter).toBe(';');
    expect(guess.reason).toContain('3 columns');
  });

  it('picks the comma when semicolons only appear inside some cells', () => {
    const text = 'name,phone,note\nAna,612345678,a;b\nLuis,612345679,plain\nEva,612345680,x\n';
    expect(guessDelimiter(text).delimiter).toBe(',');
  });

  it('picks the tab of Excel "Unicode text" and ignores commas inside quotes', () => {
    expect(guessDelimiter('a\tb\tc\n1\t2\t3\n').delimiter).toBe('\t');
    expect(guessDelimiter('"a,x";"b,y"\n"1,2";"3,4"\n').delimiter).toBe(';');
  });

  it('falls back to one column when nothing splits the header', () => {
    expect(guessDelimiter('phone\n612345678\n').delimiter).toBe(',');
  });

  it('trailing empty cells (Excel ";;;") do not spoil the consistency', () => {
    expect(guessDelimiter('a;b\n1;2;;\n3;4\n').delimiter).toBe(';');
  });

  it('a generated ";" file with decimal commas in every row is always read as ";"', () => {
    const cell = fc.stringMatching(/^[A-Za-z ]{1,8}$/);
    const money = fc
      .tuple(fc.nat(9999), fc.nat(99))
      .map(([a, b]) => `${a},${String(b).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, money, money), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const text = Papa.unparse([['name', 'amount', 'total'], ...rows], { delimiter: ';' });
          expect(guessDelimiter(text).delimiter).toBe(';');
        },
      ),
    );
  });
});

describe('parseDelimiter', () => {
  it('takes names and characters, and nothing else', () => {
    expect(parseDelimiter('semicolon')).toBe(';');
    expect(parseDelimiter('TAB')).toBe('\t');
    expect(parseDelimiter('\\t')).toBe('\t');
    expect(parseDelimiter(',')).toBe(',');
    expect(parseDelimiter('colon')).toBeUndefined();
  });
});
