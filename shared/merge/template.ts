import { type FilterName, isFilterName } from './filters';

/**
 * Placeholders the provider fills itself (seed 003 `otpConfig` and the
 * paragraph after it): they are never read from a row.
 */
export const PROVIDER_PLACEHOLDERS = ['UNSUB_URL', 'OTP_CODE'] as const;
export type ProviderPlaceholder = (typeof PROVIDER_PLACEHOLDERS)[number];

export type TemplateToken =
  | { kind: 'text'; text: string }
  | {
      kind: 'field';
      name: string;
      filter?: FilterName;
      /** Set when the filter is not one the provider knows: the field cannot be rendered. */
      unknownFilter?: string;
      source: string;
    }
  | { kind: 'provider'; name: ProviderPlaceholder; source: string };

export interface TemplateProblem {
  /** UTF-16 index of the placeholder in the template. */
  index: number;
  source: string;
  message: string;
}

export interface Template {
  source: string;
  tokens: TemplateToken[];
  /** Row fields the template reads, each once, in order of first use. */
  fields: string[];
  /** Provider placeholders it uses. */
  providerPlaceholders: ProviderPlaceholder[];
  /** Placeholders that cannot be rendered for any row (unknown filter, ...). */
  problems: TemplateProblem[];
}

/**
 * `{name}` or `{name|filter}`, name made of letters, digits, '_', '.', '-'.
 * Braces around anything else (spaces, JSON, a lone '{') stay literal text,
 * so a message that merely contains braces is not mistaken for a template.
 */
const PLACEHOLDER = /\{([\p{L}\p{N}_.-]+)(?:\|([^{}|\s]*))?\}/gu;

function isProviderPlaceholder(name: string): name is ProviderPlaceholder {
  return (PROVIDER_PLACEHOLDERS as readonly string[]).includes(name);
}

export function parseTemplate(source: string): Template {
  const tokens: TemplateToken[] = [];
  const fields: string[] = [];
  const provider: ProviderPlaceholder[] = [];
  const problems: TemplateProblem[] = [];
  let last = 0;
  for (const m of source.matchAll(PLACEHOLDER)) {
    const [whole, name = '', filter] = m;
    const index = m.index;
    if (index > last) tokens.push({ kind: 'text', text: source.slice(last, index) });
    last = index + whole.length;
    if (isProviderPlaceholder(name)) {
      if (filter !== undefined) {
        problems.push({ index, source: whole, message: `{${name}} takes no filter` });
      }
      if (!provider.includes(name)) provider.push(name);
      tokens.push({ kind: 'provider', name, source: whole });
      continue;
    }
    if (!fields.includes(name)) fields.push(name);
    if (filter === undefined) {
      tokens.push({ kind: 'field', name, source: whole });
    } else if (isFilterName(filter)) {
      tokens.push({ kind: 'field', name, filter, source: whole });
    } else {
      problems.push({ index, source: whole, message: `unknown filter "${filter}" in ${whole}` });
      tokens.push({ kind: 'field', name, unknownFilter: filter, source: whole });
    }
  }
  if (last < source.length) tokens.push({ kind: 'text', text: source.slice(last) });
  return { source, tokens, fields, providerPlaceholders: provider, problems };
}
