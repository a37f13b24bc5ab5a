import { normalizePhone } from '../../../shared/phone';

export const ROLES = ['phone', 'name', 'surname', 'email', 'country'] as const;
export type Role = (typeof ROLES)[number];

/** Where each role was found: a column index, and how it was recognised. */
export interface ColumnMapping {
  /** Column names as merge fields, by column index (sanitised so `{Name}` can refer to them). */
  fields: string[];
  /** The header cells as written (or "column N" without a header). */
  headers: string[];
  roles: Partial<Record<Role, { column: number; by: 'header' | 'content' | 'option' }>>;
}

/** Lower case, no accents, words separated by single spaces. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Header words per role in the languages of the provider's markets (folded:
 * "móvil" -> "movil", "telemóvel" -> "telemovel", "téléphone" -> "telephone").
 * Whole headers are matched first, then single words inside a longer header.
 */
const HEADERS: Record<Role, { whole: string[]; words: string[] }> = {
  phone: {
    whole: [
      'phone',
      'phone number',
      'telephone',
      'tel',
      'mobile',
      'mobile number',
      'mobile phone',
      'cell',
      'cell phone',
      'cellphone',
      'msisdn',
      'gsm',
      'number',
      'numero',
      'telefono',
      'telefono movil',
      'movil',
      'celular',
      'telemovel',
      'telefone',
      'portable',
      'telephone portable',
      'handy',
      'handynummer',
      'telefon',
      'telefonnummer',
      'mobilnummer',
      'cellulare',
      'whatsapp',
      'recipient',
      'destinatario',
      'to',
    ],
    words: [
      'mobile',
      'movil',
      'telemovel',
      'celular',
      'cellulare',
      'cell',
      'handy',
      'portable',
      'gsm',
      'msisdn',
      'phone',
      'telephone',
      'telefono',
      'telefone',
      'telefon',
      'tel',
      'whatsapp',
    ],
  },
  name: {
    whole: [
      'name',
      'first name',
      'firstname',
      'given name',
      'forename',
      'nombre',
      'nome',
      'primeiro nome',
      'prenom',
      'vorname',
      'nom complet',
      'full name',
      'nombre completo',
      'nome completo',
      'contact',
      'contact name',
      'cliente',
      'client',
      'customer',
    ],
    words: ['firstname', 'nombre', 'nome', 'prenom', 'vorname', 'name'],
  },
  surname: {
    whole: [
      'surname',
      'last name',
      'lastname',
      'family name',
      'apellido',
      'apellidos',
      'apelido',
      'sobrenome',
      'nom',
      'nom de famille',
      'nachname',
      'familienname',
      'cognome',
    ],
    words: [
      'surname',
      'lastname',
      'apellido',
      'apellidos',
      'apelido',
      'sobrenome',
      'nachname',
      'cognome',
    ],
  },
  email: {
    whole: [
      'email',
      'e mail',
      'mail',
      'email address',
      'e mail address',
      'correo',
      'correo electronico',
      'courriel',
      'adresse email',
      'adresse e mail',
      'e mail adresse',
    ],
    words: ['email', 'mail', 'correo', 'courriel'],
  },
  country: {
    whole: [
      'country',
      'country code',
      'country iso',
      'pais',
      'pays',
      'land',
      'paese',
      'iso',
      'nation',
    ],
    words: ['country', 'pais', 'pays', 'paese'],
  },
};

/** Words that make a header a different thing, though it contains a role word ("phone type"). */
const NOT_A_VALUE = /\b(type|kind|tipo|code|prefix|prefijo|ext|extension)\b/;

function headerMatch(folded: string, role: Role): 'whole' | 'word' | null {
  const { whole, words } = HEADERS[role];
  if (whole.includes(folded)) return 'whole';
  if (role === 'phone' && NOT_A_VALUE.test(folded)) return null;
  // "Last name" must not count as a first name.
  if (role === 'name' && headerMatch(folded, 'surname')) return null;
  const tokens = folded.split(' ');
  return words.some((w) => tokens.includes(w)) ? 'word' : null;
}

/** Merge-field names: what the template may write between braces, unique per file. */
export function fieldNames(headers: readonly string[]): string[] {
  const used = new Set<string>();
  return headers.map((header, i) => {
    const base =
      header
        .trim()
        .replace(/\s+/g, '_')
        .replace(/[^\p{L}\p{N}_.-]/gu, '') || `col${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

/** Header-less files get "col1", "col2", ...; the name shown is "column 1". */
export function headerlessNames(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `col${i + 1}`);
}

function validNumbers(rows: readonly string[][], column: number, defaultCountry?: string): number {
  let n = 0;
  for (const row of rows) {
    const cell = row[column];
    if (cell && normalizePhone(cell, defaultCountry ? { defaultCountry } : {}).ok) n++;
  }
  return n;
}

function byHeader(folded: string[], role: Role, taken: Set<number>): number[] {
  const whole: number[] = [];
  const word: number[] = [];
  folded.forEach((h, i) => {
    if (taken.has(i)) return;
    const match = headerMatch(h, role);
    if (match === 'whole') whole.push(i);
    else if (match === 'word') word.push(i);
  });
  return [...whole, ...word];
}

export interface MappingOptions {
  /** The phone column the person chose (resolved to an index by the caller). */
  phoneColumn?: number;
  defaultCountry?: string;
}

/**
 * Finds the phone, name, surname, email and country columns by header in
 * several languages and, for the phone, by content: of several candidates the
 * one with the most valid numbers in the first rows; with no header match,
 * the column where most of the first rows hold a valid number.
 */
export function detectMapping(
  headers: readonly string[],
  fields: readonly string[],
  rows: readonly string[][],
  options: MappingOptions = {},
): ColumnMapping {
  const folded = headers.map(foldHeader);
  const roles: ColumnMapping['roles'] = {};
  const taken = new Set<number>();
  if (options.phoneColumn !== undefined) {
    roles.phone = { column: options.phoneColumn, by: 'option' };
  } else {
    const phone = pickPhone(folded, rows, options.defaultCountry);
    if (phone) roles.phone = phone;
  }
  if (roles.phone) taken.add(roles.phone.column);
  for (const role of ['surname', 'name', 'email', 'country'] as const) {
    const [column] = byHeader(folded, role, taken);
    if (column !== undefined) {
      roles[role] = { column, by: 'header' };
      taken.add(column);
    }
  }
  return { fields: [...fields], headers: [...headers], roles };
}

function pickPhone(
  folded: string[],
  rows: readonly string[][],
  defaultCountry: string | undefined,
): ColumnMapping['roles']['phone'] {
  const candidates = byHeader(folded, 'phone', new Set());
  if (candidates.length === 1 && candidates[0] !== undefined) {
    return { column: candidates[0], by: 'header' };
  }
  const pool = candidates.length > 0 ? candidates : folded.map((_, i) => i);
  let best: { column: number; valid: number } | undefined;
  for (const column of pool) {
    const valid = validNumbers(rows, column, defaultCountry);
    if (!best || valid > best.valid) best = { column, valid };
  }
  if (!best) return undefined;
  if (candidates.length > 0) return { column: best.column, by: 'header' };
  // By content alone the column must hold numbers in most rows.
  return rows.length > 0 && best.valid * 2 >= rows.length && best.valid > 0
    ? { column: best.column, by: 'content' }
    : undefined;
}

/** Finds a column the person named: by header (any case) or merge-field name, or by 1-based number. */
export function findColumn(
  name: string,
  headers: readonly string[],
  fields: readonly string[],
): number | undefined {
  const wanted = name.trim().toLowerCase();
  const i = headers.findIndex((h) => h.trim().toLowerCase() === wanted);
  if (i >= 0) return i;
  const j = fields.findIndex((f) => f.toLowerCase() === wanted);
  if (j >= 0) return j;
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    if (n >= 1 && n <= headers.length) return n - 1;
  }
  return undefined;
}

/** A header that reads like data: the first row holds a phone number, so there is no header. */
export function looksLikeData(firstRow: readonly string[], defaultCountry?: string): boolean {
  const folded = firstRow.map(foldHeader);
  if (folded.some((h) => ROLES.some((role) => headerMatch(h, role) === 'whole'))) return false;
  return firstRow.some(
    (cell) =>
      /\d{6}/.test(cell.replace(/[\s().-]/g, '')) &&
      normalizePhone(cell, defaultCountry ? { defaultCountry } : {}).ok,
  );
}
