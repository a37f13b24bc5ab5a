import type { Template } from '../../../shared/merge';

/** What the provider substitutes: ASCII letters, digits, '_', '.', '-' (the sandbox follows the same reading of seed 003). */
const SAFE = /^[A-Za-z0-9_.-]+$/;

function asciiName(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_.-]/g, '_');
  return folded === '' || /^_+$/.test(folded) ? 'field' : folded;
}

/**
 * Column names like "Código" or "Téléphone" are fine merge fields locally,
 * but the provider's substitution variables are plain ASCII names: sent as
 * written, `{Código}` would reach the recipient unfilled. The template and
 * each message's values are therefore sent under ASCII names ("Codigo"),
 * unique within the template; the rendered text is the same.
 */
export function providerTemplate(template: Template): {
  source: string;
  rename: Map<string, string>;
} {
  const rename = new Map<string, string>();
  const taken = new Set(template.fields.filter((f) => SAFE.test(f)));
  for (const field of template.fields) {
    if (SAFE.test(field)) {
      rename.set(field, field);
      continue;
    }
    const base = asciiName(field);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    rename.set(field, name);
  }
  const source = template.tokens
    .map((t) => {
      if (t.kind === 'text') return t.text;
      if (t.kind === 'provider') return t.source;
      const name = rename.get(t.name) ?? t.name;
      const filter = t.filter ?? t.unknownFilter;
      return filter === undefined ? `{${name}}` : `{${name}|${filter}}`;
    })
    .join('');
  return { source, rename };
}

/** A message's values under the names the provider template uses. */
export function renameFields(
  fields: Record<string, string>,
  rename: Map<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) out[rename.get(name) ?? name] = value;
  return out;
}
