import { describe, expect, it } from 'vitest';
import { CHOICE_REFUSALS, ROW_REASONS } from '../../../electron/core/contacts-import/sentences';
import { translateCoreSentence } from '../../../renderer/src/i18n/core-sentences';
import { type InvalidPhoneReason, normalizePhone } from '../../../shared/phone';
import { catalogI18n } from '../../helpers/catalog-i18n';

const i18n = catalogI18n();
const es = i18n.getFixedT('es');
const en = i18n.getFixedT('en');

/**
 * Arguments for every sentence the import can say. The mapped types make a
 * new sentence in sentences.ts a type error here until it is listed, so the
 * list cannot drift from the code.
 */
type Samples<T> = { [K in keyof T]: T[K] extends (...a: infer A) => string ? A : never };
const ROW_SAMPLES: Samples<typeof ROW_REASONS> = {
  tooLong: [100],
  notAnEmail: ['sin-arroba'],
  nameNeeded: ['tags'],
};
const CHOICE_SAMPLES: Samples<typeof CHOICE_REFUSALS> = {
  noTags: ['nrs'],
  tagName: [],
  chooseAddressBook: ['Clínica'],
  noBooks: ['tags'],
  noSuchAddressBook: ['Clínica', '42'],
  cannotMakeBooks: ['Clínica'],
  bookGone: [],
  bookName: [],
  noColumn: [7],
  oneName: ['tags'],
  noEmail: ['tags'],
  customUnnamed: [],
  noCustomFields: ['Clínica'],
  notACustomField: ['cumpleaños', 'custom_1, custom_2'],
};

/** Every way a phone cell can be refused, each in the national and the international form. */
const PHONE_CELLS: Record<InvalidPhoneReason, string[]> = {
  empty: [''],
  'scientific-notation': ['3.4612E+10'],
  'not-a-number': ['no tiene', '6123a'],
  'missing-country': ['612345678'],
  'invalid-country-code': ['+999 1234567'],
  'too-short': ['12', '+34 61'],
  'too-long': ['6123456789012', '+34 612 345 678 901'],
  'invalid-length': ['+44 62222222'],
  'invalid-number': ['012345678', '+34 212 345 678'],
};

function expectSpanish(sentence: string): string {
  const spanish = translateCoreSentence(es, sentence);
  expect(spanish, sentence).not.toBe(sentence);
  // No English phrase of the core's left over (parameters such as "tags" or a number may stay).
  expect(spanish).not.toMatch(/\b(the|is|not|has|number|check|book|column|name|with)\b/i);
  return spanish;
}

describe('the contacts import’s sentences in Spanish', () => {
  const all = [
    ...Object.entries(ROW_SAMPLES).map(([k, args]) => [
      `row: ${k}`,
      (ROW_REASONS[k as keyof typeof ROW_REASONS] as (...a: unknown[]) => string)(...args),
    ]),
    ...Object.entries(CHOICE_SAMPLES).map(([k, args]) => [
      `refusal: ${k}`,
      (CHOICE_REFUSALS[k as keyof typeof CHOICE_REFUSALS] as (...a: unknown[]) => string)(...args),
    ]),
  ] as [string, string][];

  it.each(all)('%s has its Spanish, and English keeps the core’s words', (_name, sentence) => {
    expectSpanish(sentence);
    expect(translateCoreSentence(en, sentence)).toBe(sentence);
  });

  it('keeps the values the sentence names', () => {
    expect(expectSpanish(ROW_REASONS.notAnEmail('sin-arroba'))).toBe(
      '«sin-arroba» no es una dirección de correo electrónico.',
    );
    expect(expectSpanish(CHOICE_REFUSALS.noSuchAddressBook('Clínica', '42'))).toContain('42');
  });

  it.each(Object.entries(PHONE_CELLS).flatMap(([reason, cells]) => cells.map((c) => [reason, c])))(
    'a phone refused as %s ("%s") is said in Spanish',
    (reason, cell) => {
      // Only a file read without a default country can lack one.
      const r = normalizePhone(cell, reason === 'missing-country' ? {} : { defaultCountry: 'ES' });
      const checked = r.ok ? null : r;
      expect(checked?.reason).toBe(reason);
      const spanish = expectSpanish(checked?.message ?? '');
      if (cell.trim() !== '') expect(spanish).toContain(`«${cell.trim()}»`);
    },
  );
});
