import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mapActionContact,
  toActionFields,
  toActionNumber,
} from '../../../electron/core/providers/action/contacts';
import { ACTION_NUMBER } from '../../../shared/providers/action/schemas';

describe('action API number form (seed 000 lines 9, 107, 126)', () => {
  it('writes "+", the country code and the number, whichever way Outpost holds it', () => {
    expect(toActionNumber('526643596440')).toBe('+526643596440');
    expect(toActionNumber('+526643596440')).toBe('+526643596440');
    expect(toActionNumber('00526643596440')).toBe('+526643596440');
    expect(toActionNumber('+52 664 359 6440')).toBe('+526643596440');
  });

  it('gives the seed form for any international number, with its digits unchanged', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{7,14}$/),
        fc.constantFrom('', '+', '00'),
        (digits, prefix) => {
          const out = toActionNumber(prefix + digits);
          expect(out).toMatch(ACTION_NUMBER);
          expect(out.slice(1)).toBe(digits);
        },
      ),
    );
  });
});

describe('action API custom fields by provider id (seed 000 lines 5, 13-16)', () => {
  const ids = { city: '1', birthday: '2' };

  it('keys Custom by the mapped ids', () => {
    const fields = toActionFields(
      {
        phone: '34666555444',
        customFields: [
          { key: 'city', type: 'string', value: 'Madrid' },
          { key: 'birthday', type: 'date', value: '1990-05-01' },
        ],
      },
      ids,
    );
    expect(fields).toEqual({
      Number: '+34666555444',
      Custom: { '1': 'Madrid', '2': '1990-05-01' },
    });
  });

  it('refuses a field that has no id, naming it and the command that maps it', () => {
    expect(() =>
      toActionFields({ customFields: [{ key: 'plan', type: 'string', value: 'gold' }] }, ids),
    ).toThrow(/"plan".*account fields --name NAME --set plan=ID/);
  });

  it('reads the ids back as the local names; an unmapped id keeps its id', () => {
    const c = mapActionContact(
      { idContact: 5, Number: '+34666555444', Custom: { '1': 'Madrid', '9': 'x' } },
      ids,
    );
    expect(c.customFields.map((f) => [f.key, f.value])).toEqual([
      ['city', 'Madrid'],
      ['9', 'x'],
    ]);
  });
});
