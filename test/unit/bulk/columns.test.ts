import { describe, expect, it } from 'vitest';
import {
  detectMapping,
  fieldNames,
  findColumn,
  looksLikeData,
} from '../../../electron/core/bulk/columns';

function roles(headers: string[], rows: string[][] = []) {
  const mapping = detectMapping(headers, fieldNames(headers), rows, { defaultCountry: 'ES' });
  return Object.fromEntries(
    Object.entries(mapping.roles).map(([role, where]) => [role, headers[where.column]]),
  );
}

describe('column mapping', () => {
  it.each([
    ['Móvil'],
    ['Telemóvel'],
    ['Téléphone'],
    ['Teléfono'],
    ['Mobile number'],
    ['Handy'],
    ['Cellulare'],
    ['PHONE'],
    ['Telefone celular'],
  ])('finds the phone column headed "%s"', (header) => {
    expect(roles(['Nombre', header, 'Importe']).phone).toBe(header);
  });

  it('finds name, surname, email and country in several languages', () => {
    expect(roles(['Prénom', 'Nom', 'Courriel', 'Pays', 'Portable'])).toEqual({
      phone: 'Portable',
      name: 'Prénom',
      surname: 'Nom',
      email: 'Courriel',
      country: 'Pays',
    });
    expect(roles(['First name', 'Last name', 'E-mail', 'Country', 'Mobile'])).toEqual({
      phone: 'Mobile',
      name: 'First name',
      surname: 'Last name',
      email: 'E-mail',
      country: 'Country',
    });
    expect(roles(['Nombre', 'Apellidos', 'Correo electrónico', 'País', 'Móvil'])).toMatchObject({
      name: 'Nombre',
      surname: 'Apellidos',
      email: 'Correo electrónico',
    });
  });

  it('does not take "phone type" for the phone column', () => {
    expect(roles(['Phone type', 'Phone'], [['mobile', '612345678']]).phone).toBe('Phone');
  });

  it('of two phone-like headers, takes the one holding valid numbers', () => {
    const rows = [
      ['912345678', '612345678'],
      ['', '612345679'],
    ];
    // Both are headed like phones; the second holds mobile numbers in every row.
    expect(roles(['Teléfono fijo', 'Teléfono'], rows).phone).toBe('Teléfono');
  });

  it('finds the phone column by content when no header names it', () => {
    const rows = [
      ['Ana', '612345678', 'x'],
      ['Luis', '612 345 679', 'y'],
    ];
    expect(roles(['A', 'B', 'C'], rows).phone).toBe('B');
    expect(roles(['A', 'B'], [['Ana', 'none']]).phone).toBeUndefined();
  });

  it('turns headers into unique merge-field names', () => {
    expect(fieldNames(['First Name', 'name', 'name', '', 'Precio (€)'])).toEqual([
      'First_Name',
      'name',
      'name_2',
      'col4',
      'Precio_',
    ]);
  });

  it('finds a named column by header, field name or number', () => {
    const headers = ['First Name', 'Móvil'];
    const fields = fieldNames(headers);
    expect(findColumn('móvil', headers, fields)).toBe(1);
    expect(findColumn('First_Name', headers, fields)).toBe(0);
    expect(findColumn('2', headers, fields)).toBe(1);
    expect(findColumn('3', headers, fields)).toBeUndefined();
    expect(findColumn('Email', headers, fields)).toBeUndefined();
  });

  it('reads a first row holding a phone number as data, a row of headers as a header', () => {
    expect(looksLikeData(['Ana', '612345678'], 'ES')).toBe(true);
    expect(looksLikeData(['name', 'phone'], 'ES')).toBe(false);
    expect(looksLikeData(['Ana', 'Madrid'], 'ES')).toBe(false);
  });
});
