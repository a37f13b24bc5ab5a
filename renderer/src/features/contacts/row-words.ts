/*
 * The words of a contacts row, built once per language. Each row on screen
 * said three interpolated aria-labels and a few plain words through `t()`,
 * which looks every key up and parses the template on each call, for ~28 rows
 * on every new result and every row scrolled into view. Here each template is
 * read from the catalog once and split at `{{name}}`; a row only joins the
 * pieces. The words stay in the contacts catalogs (the keys below), and
 * test/unit/i18n/row-words.test.ts holds every one equal to what `t()` says.
 */

/** The catalog's template for a key of the contacts namespace (its fallback language's if it lacks one). */
export type TemplateLookup = (key: string) => string | undefined;

export interface RowWords {
  /** “Select Ana García”, the row's checkbox. */
  selectOne: (name: string) => string;
  /** “Open Ana García”, the name's button. */
  openOne: (name: string) => string;
  /** “Message Ana García”, the Message button. */
  messageTo: (name: string) => string;
  message: string;
  noName: string;
  loading: string;
  conflict: string;
  notSynced: string;
  notSyncedHint: string;
}

/** A template with `{{name}}` placeholders, split once; the name is put in each. */
function withName(template: string): (name: string) => string {
  const pieces = template.split(/\{\{\s*name\s*\}\}/);
  if (pieces.length === 1) return () => template;
  return (name) => pieces.join(name);
}

export function rowWords(lookup: TemplateLookup): RowWords {
  // A key no catalog has reads as the key, as `t()` shows it.
  const text = (key: string) => lookup(key) ?? key;
  return {
    selectOne: withName(text('table.selectOne')),
    openOne: withName(text('table.openOne')),
    messageTo: withName(text('table.messageTo')),
    message: text('table.message'),
    noName: text('table.noName'),
    loading: text('table.loading'),
    conflict: text('table.conflict'),
    notSynced: text('table.notSynced'),
    notSyncedHint: text('table.notSyncedHint'),
  };
}
