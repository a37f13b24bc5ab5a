import ts from 'typescript';

/**
 * The translation check behind `npm test` (scripts/check-i18n.ts runs it over
 * renderer/src). It fails on:
 *  - user-visible JSX text with a letter in it that is not from a catalog;
 *  - a string literal given to a user-visible attribute (label, title,
 *    placeholder, aria-label, alt, … any prop named like a label or a text);
 *  - a key used in the code (`t('…')`, `i18nKey`, `{ key: 'ns:…' }`) that no
 *    catalog has;
 *  - a key (or a plural form the language needs) present in one language and
 *    missing in another.
 */
export interface Violation {
  file: string;
  line: number;
  message: string;
}

export type Catalog = { [key: string]: string | Catalog };
/** language → namespace → nested catalog */
export type Catalogs = Record<string, Record<string, Catalog>>;

const LETTER = /\p{L}/u;
/** Props whose value a person reads or hears. */
const VISIBLE_PROP =
  /^(aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext|alt|title|placeholder)$|label$|Label$|title$|Title$|sentence$|description$/;
const NOT_TEXT_PROP = /^(aria-labelledby|aria-describedby|className|id)$/;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** A literal with a letter, found anywhere a value could come from (branches of ?:, ??, ||). */
function literalText(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return LETTER.test(node.text) ? node.text : null;
  if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
    return LETTER.test(parts) ? parts : null;
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node))
    return literalText(node.whenTrue) ?? literalText(node.whenFalse);
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.PlusToken
    )
      return literalText(node.left) ?? literalText(node.right);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalText(node.right);
  }
  return null;
}

/** The namespace `useTranslation('ns')` gives the file's `t`, else `common`. */
function fileNamespace(source: ts.SourceFile): string {
  let found = 'common';
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'useTranslation' &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found = node.arguments[0].text;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

interface UsedKey {
  key: string;
  /** A template key: only its fixed start is known. */
  prefix: boolean;
  line: number;
}

function qualify(key: string, namespace: string): string {
  return key.includes(':') ? key : `${namespace}:${key}`;
}

function keyArgument(node: ts.Expression, namespace: string, line: number): UsedKey | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return { key: qualify(node.text, namespace), prefix: false, line };
  if (ts.isTemplateExpression(node))
    return { key: qualify(node.head.text, namespace), prefix: true, line };
  return null;
}

/** Scans one file: visible text not from the catalogs, and the keys it uses. */
export function scanSource(
  file: string,
  text: string,
): { violations: Violation[]; keys: UsedKey[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const namespace = fileNamespace(source);
  const violations: Violation[] = [];
  const keys: UsedKey[] = [];
  const report = (node: ts.Node, message: string) =>
    violations.push({ file, line: lineOf(source, node), message });

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) {
      report(node, `JSX text "${node.text.trim()}" is not from the catalogs`);
    } else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      const literal = literalText(node.expression);
      if (literal !== null) report(node, `JSX text "${literal}" is not from the catalogs`);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(source);
      if (VISIBLE_PROP.test(name) && !NOT_TEXT_PROP.test(name) && node.initializer) {
        const value = ts.isStringLiteral(node.initializer)
          ? literalText(node.initializer)
          : ts.isJsxExpression(node.initializer) && node.initializer.expression
            ? literalText(node.initializer.expression)
            : null;
        if (value !== null) report(node, `${name}="${value}" is not from the catalogs`);
      }
      if (name === 'i18nKey' && node.initializer && ts.isStringLiteral(node.initializer)) {
        keys.push({
          key: qualify(node.initializer.text, namespace),
          prefix: false,
          line: lineOf(source, node),
        });
      }
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 't' &&
      node.arguments[0]
    ) {
      const used = keyArgument(node.arguments[0], namespace, lineOf(source, node));
      if (used) keys.push(used);
    } else if (
      ts.isPropertyAssignment(node) &&
      node.name.getText(source) === 'key' &&
      ts.isStringLiteral(node.initializer) &&
      node.initializer.text.includes(':')
    ) {
      keys.push({ key: node.initializer.text, prefix: false, line: lineOf(source, node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { violations, keys };
}

/** "ns:a.b.c" → text, for one language. */
export function flatten(namespaces: Record<string, Catalog>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, node: Catalog) => {
    for (const [k, v] of Object.entries(node)) {
      const key = `${prefix}${k}`;
      if (typeof v === 'string') out.set(key, v);
      else walk(`${key}.`, v);
    }
  };
  for (const [ns, catalog] of Object.entries(namespaces)) walk(`${ns}:`, catalog);
  return out;
}

/** Every language has every key; a plural has every form its language needs (Spanish: one, many, other). */
export function compareCatalogs(catalogs: Catalogs): Violation[] {
  const violations: Violation[] = [];
  const flat = Object.fromEntries(
    Object.entries(catalogs).map(([lang, ns]) => [lang, flatten(ns)]),
  );
  const plainKeys = new Set<string>();
  const pluralBases = new Set<string>();
  for (const keys of Object.values(flat)) {
    for (const key of keys.keys()) {
      if (PLURAL_SUFFIX.test(key)) pluralBases.add(key.replace(PLURAL_SUFFIX, ''));
      else plainKeys.add(key);
    }
  }
  for (const [lang, keys] of Object.entries(flat)) {
    const file = `renderer/src/i18n/${lang}`;
    for (const key of plainKeys) {
      if (!keys.has(key)) violations.push({ file, line: 0, message: `${lang} lacks "${key}"` });
    }
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const base of pluralBases) {
      for (const form of forms) {
        if (!keys.has(`${base}_${form}`))
          violations.push({ file, line: 0, message: `${lang} lacks "${base}_${form}"` });
      }
    }
  }
  return violations;
}

/** Keys used in the code that the English catalog does not have. */
export function missingKeys(
  file: string,
  used: readonly UsedKey[],
  catalogs: Catalogs,
): Violation[] {
  const english = flatten(catalogs.en ?? {});
  const known = [...english.keys()].map((k) => k.replace(PLURAL_SUFFIX, ''));
  const exact = new Set(known);
  return used
    .filter((u) => (u.prefix ? !known.some((k) => k.startsWith(u.key)) : !exact.has(u.key)))
    .map((u) => ({ file, line: u.line, message: `key "${u.key}" is in no catalog` }));
}

export function checkI18n(
  files: readonly { path: string; text: string }[],
  catalogs: Catalogs,
): Violation[] {
  const violations = compareCatalogs(catalogs);
  for (const { path, text } of files) {
    const scanned = scanSource(path, text);
    // Plain .ts files have no JSX; their keys are still checked.
    violations.push(...(path.endsWith('.tsx') ? scanned.violations : []));
    violations.push(...missingKeys(path, scanned.keys, catalogs));
  }
  return violations;
}
