// Frozen copy of shared/phone/clean-input.ts at main 8ebae65 (before round 8 hcsv), so the
// property test can prove the plain-digits shortcut reads every input as before.
// Do not edit: it is the reference, not product code.
import type { InvalidPhone } from '../../../../shared/phone/types';

/** The digits of an input and whether it carried an explicit international prefix. */
interface CleanedInput {
  digits: string;
  international: boolean;
}

// Spreadsheets and people separate digit groups with these; nothing else is tolerated.
const SEPARATORS = /[\s\u00a0\u2007\u202f\-.()/\u2010-\u2015]/g;
// Excel shows long numbers as 3.46666E+10 and, once saved, the lost digits are gone.
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

function invalid(input: string, reason: InvalidPhone['reason'], message: string): InvalidPhone {
  return { ok: false, input, reason, message };
}

/**
 * Strips formatting and reads the international prefix (`+` or `00`), or says
 * in one sentence why the text cannot be a phone number.
 */
export function cleanInputBefore(input: string): CleanedInput | InvalidPhone {
  // A leading apostrophe is how spreadsheets force a cell to text; tel: comes from links.
  const text = input
    .trim()
    .replace(/^['\u2018\u2019]/, '')
    .replace(/^tel:/i, '');
  if (text === '') return invalid(input, 'empty', 'The phone number is empty.');
  if (SCIENTIFIC.test(text.replace(/\s/g, ''))) {
    return invalid(
      input,
      'scientific-notation',
      `"${input.trim()}" is in scientific notation, so a spreadsheet has already dropped digits; format the column as text and export the numbers again.`,
    );
  }
  const compact = text.replace(SEPARATORS, '');
  const match = /^(\+|00)?(\d+)$/.exec(compact);
  if (!match?.[2]) {
    return invalid(
      input,
      'not-a-number',
      `"${input.trim()}" is not a phone number: only digits, spaces, dashes, dots, parentheses and a leading + or 00 are accepted.`,
    );
  }
  return { digits: match[2], international: match[1] !== undefined };
}
