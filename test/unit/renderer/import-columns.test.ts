import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sniff } from '../../../renderer/src/features/bulk/store';
import {
  bookRequest,
  columnsRequest,
  initialColumns,
} from '../../../renderer/src/features/contacts/import/columns';
import type { Abilities } from '../../../renderer/src/features/contacts/store';

type Role = 'phone' | 'name' | 'surname' | 'email' | 'country';

/** The part of `bulk.sniff`'s reply the guess reads: the headers and where main found each role. */
function sniffOf(headers: string[], roles: Partial<Record<Role, number>>): Sniff {
  return {
    columns: headers,
    fields: headers.map((h, i) => h.trim() || `column_${i + 1}`),
    roles: Object.fromEntries(
      Object.entries(roles).map(([role, column]) => [role, { column, by: 'header' }]),
    ),
  } as unknown as Sniff;
}

const can = (over: Partial<Abilities> = {}) =>
  ({ lastName: true, email: true, customFieldNames: null, ...over }) as Abilities;

describe('the import dialog’s first guess of the columns', () => {
  it('recognises Spanish headers and keeps the other columns as custom fields of their own name', () => {
    const guess = initialColumns(
      sniffOf(['Nombre', 'Apellidos', 'Móvil', 'Correo', 'Notas'], {
        name: 0,
        surname: 1,
        phone: 2,
        email: 3,
      }),
      can(),
    );
    expect(guess).toMatchObject({ phone: 2, firstName: 0, lastName: 1, email: 3 });
    expect(Object.keys(guess.custom)).toEqual(['4']);
  });

  it('proposes only what a tags account keeps: no surname, no email, and no custom fields on an address book', () => {
    const sniff = sniffOf(['Name', 'Surname', 'Phone', 'Email', 'City'], {
      name: 0,
      surname: 1,
      phone: 2,
      email: 3,
    });
    expect(initialColumns(sniff, can({ lastName: false, email: false }))).toMatchObject({
      lastName: null,
      email: null,
    });
    expect(initialColumns(sniff, can({ customFieldNames: ['custom_1'] })).custom).toEqual({});
  });

  it('for any headers and roles, never maps one column twice nor sends a column the file lacks', () => {
    const roleNames: Role[] = ['phone', 'name', 'surname', 'email', 'country'];
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 8 }).chain((headers) =>
          fc.tuple(
            fc.constant(headers),
            fc.shuffledSubarray(
              headers.map((_, i) => i),
              { maxLength: Math.min(roleNames.length, headers.length) },
            ),
            fc.boolean(),
          ),
        ),
        ([headers, columns, tags]) => {
          const roles = Object.fromEntries(columns.map((c, i) => [roleNames[i], c]));
          const guess = initialColumns(
            sniffOf(headers, roles),
            can(tags ? { lastName: false, email: false } : {}),
          );
          const request = columnsRequest(guess);
          if (roles.phone === undefined) {
            expect(request).toBeNull();
            return;
          }
          expect(request?.phone).toBe(roles.phone);
          const used = [
            request?.phone,
            request?.firstName,
            request?.lastName,
            request?.email,
            ...(request?.custom ?? []).map((c) => c.column),
          ].filter((c) => c !== undefined);
          expect(new Set(used).size).toBe(used.length);
          for (const c of used) expect(c).toBeLessThan(headers.length);
          for (const f of request?.custom ?? []) expect(f.name.trim()).not.toBe('');
          // The country column is read for numbers, never kept as a field.
          if (roles.country !== undefined) expect(used).not.toContain(roles.country);
          if (tags) expect(request?.lastName ?? request?.email).toBeUndefined();
        },
      ),
    );
  });

  it('sends no custom field the person emptied, nor one on a column already used as a field', () => {
    expect(
      columnsRequest({
        phone: 0,
        firstName: 1,
        lastName: null,
        email: null,
        custom: { 1: 'x', 2: ' ', 3: ' Ciudad ' },
      })?.custom,
    ).toEqual([{ column: 3, name: 'Ciudad' }]);
  });

  it('waits for a name before a new book or a tag can be checked', () => {
    expect(bookRequest({ kind: 'new', name: '  ' })).toBeNull();
    expect(bookRequest({ kind: 'tag', name: '' })).toBeNull();
    expect(bookRequest({ kind: 'tag', name: ' Vacuna ' })).toEqual({ kind: 'tag', name: 'Vacuna' });
    expect(bookRequest({ kind: 'local', id: 3 })).toEqual({ kind: 'local', id: 3 });
  });
});
