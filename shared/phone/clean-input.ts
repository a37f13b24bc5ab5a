import type { InvalidPhone } from './types';

/** The digits of an input and whether it carried an explicit international prefix. */
export interface CleanedInput {
  digits: string;
  international: boolean;
}

// Spreadsheets and people separate digit groups with these; nothing else is tolerated.
const SEPARATORS = /[\s\u00a0\u2007\u202f\-.()/\u2010-\u2015]/g;
// Excel shows long numbers as 3.46666E+10 and, once saved, the lost digits are gone.
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
// Bare digits, or + and digits: what most CSV cells hold, and nothing in them to strip.
const PLAIN = /^\+?\d+$/;
const PLUS = 0x2b;

function invalid(input: string, reason: InvalidPhone['reason'], message: string): InvalidPhone {
  return { ok: false, input, reason, message };
}

/**
 * Strips formatting and reads the international prefix (`+` or `00`), or says
 * in one sentence why the text cannot be a phone number.
 */
export function cleanInput(input: string): CleanedInput | InvalidPhone {
  // Read without the replacements below (a CSV check meets this on almost every row); digits
  // starting with 00 take the general path, where 00 is the international prefix.
  if (PLAIN.test(input) && !input.startsWith('00')) {
    const international = input.charCodeAt(0) === PLUS;
    return { digits: international ? input.slice(1) : input, international };
  }
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
