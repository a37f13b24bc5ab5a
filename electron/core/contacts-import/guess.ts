import type { ColumnMapping } from '../bulk/columns';
import type { ContactAbilities } from '../sync/contacts/abilities';
import type { ImportColumns } from './plan';

/**
 * The columns an import takes when nobody picks them (the CLI): the phone,
 * name, surname and email the importer recognised, limited to what the
 * provider keeps, and every other column as a custom field of its own name
 * where the provider takes any name, or where its name is one of the
 * provider's fields. The dialog starts from the same guess
 * (renderer/src/features/contacts/import/columns.ts) and lets the person change it.
 */
export function guessImportColumns(
  mapping: ColumnMapping,
  can: Pick<ContactAbilities, 'lastName' | 'email' | 'customFieldNames'>,
): ImportColumns | null {
  const { roles, fields } = mapping;
  const phone = roles.phone?.column;
  if (phone === undefined) return null;
  const columns: ImportColumns = { phone, custom: [] };
  if (roles.name) columns.firstName = roles.name.column;
  if (roles.surname && can.lastName) columns.lastName = roles.surname.column;
  if (roles.email && can.email) columns.email = roles.email.column;
  const used = new Set(Object.values(roles).map((r) => r.column));
  fields.forEach((name, column) => {
    if (used.has(column) || name.trim() === '') return;
    const allowed = can.customFieldNames;
    if (allowed === null || allowed.includes(name)) columns.custom.push({ column, name });
  });
  return columns;
}
