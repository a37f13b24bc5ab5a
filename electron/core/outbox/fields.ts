import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';

/**
 * What the rows of a send share is stored once (`message_templates`, migration
 * 010): the text as written and the names of its merge fields. A row keeps
 * only its values, as a JSON array in the order of those names.
 */

/** A recipient's field names in the one order rows and templates use (sorted, as the migration sorts them). */
export function fieldNamesOf(fields: Readonly<Record<string, string>> | undefined): string[] {
  return fields ? Object.keys(fields).sort() : [];
}

/** The row's stored values for these names, or null when there are none. */
export function fieldValuesOf(
  fields: Readonly<Record<string, string>> | undefined,
  names: readonly string[],
): string | null {
  if (!fields || names.length === 0) return null;
  // One array and one JSON.stringify: about half the CPU of concatenating each value's JSON
  // (which also left SQLite a rope string to flatten), on 100,000 rows of two fields.
  const values = new Array<string>(names.length);
  for (let i = 0; i < names.length; i++) values[i] = fields[names[i] as string] as string;
  return JSON.stringify(values);
}

/** A recipient's fields again, from its template's names and its stored values. */
export function fieldsFrom(
  names: readonly string[],
  values: string | null,
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (values === null) return fields;
  const list = JSON.parse(values) as string[];
  names.forEach((name, i) => {
    fields[name] = list[i] as string;
  });
  return fields;
}

/**
 * The id of the template row for this text and these field names, written the
 * first time it is used. Rows of one template can share a provider request.
 */
export function templateIdFor(db: Db, text: string, names: readonly string[]): number {
  const namesJson = JSON.stringify(names);
  prepareOnce(db, 'INSERT OR IGNORE INTO message_templates (text, field_names) VALUES (?, ?)').run(
    text,
    namesJson,
  );
  return Number(
    prepareOnce(db, 'SELECT id FROM message_templates WHERE text = ? AND field_names = ?')
      .pluck()
      .get(text, namesJson),
  );
}

/**
 * A row's fields as a JSON object, in SQL (`m` the messages row): for readers
 * that want the old `fields` column's shape. Rows written by hand without a
 * template keep their own `fields`.
 */
export const FIELDS_JSON_SQL = `(CASE WHEN m.template_id IS NULL THEN coalesce(m.fields, '{}') ELSE
  (SELECT json_group_object(n.value, v.value) FROM message_templates t, json_each(t.field_names) n
     JOIN json_each(coalesce(m.field_values, '[]')) v ON v.key = n.key WHERE t.id = m.template_id) END)`;

/** A row's template text in SQL (`m` the messages row). */
export const TEMPLATE_SQL = `coalesce((SELECT t.text FROM message_templates t WHERE t.id = m.template_id), m.template)`;
