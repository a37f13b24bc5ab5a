// `npm test` step: every user-visible text of the renderer comes from the catalogs,
// and English and Spanish have the same keys. See scripts/i18n/check.ts for the rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Catalogs, checkI18n } from './i18n/check';

const root = join(__dirname, '..');
const sourceDir = join(root, 'renderer', 'src');
const i18nDir = join(sourceDir, 'i18n');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function loadCatalogs(): Catalogs {
  const catalogs: Catalogs = {};
  for (const lang of readdirSync(i18nDir, { withFileTypes: true })) {
    if (!lang.isDirectory()) continue;
    catalogs[lang.name] = {};
    for (const file of readdirSync(join(i18nDir, lang.name))) {
      if (!file.endsWith('.json')) continue;
      const ns = file.replace(/\.json$/, '');
      const langCatalogs = catalogs[lang.name] ?? {};
      langCatalogs[ns] = JSON.parse(readFileSync(join(i18nDir, lang.name, file), 'utf8'));
    }
  }
  return catalogs;
}

const files = sources(sourceDir).map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));
const violations = checkI18n(files, loadCatalogs());
for (const v of violations) console.error(`${v.file}${v.line ? `:${v.line}` : ''}  ${v.message}`);
console.log(
  violations.length === 0
    ? `i18n: ${files.length} files, every visible text from the catalogs; en and es complete.`
    : `i18n: ${violations.length} problem(s).`,
);
process.exit(violations.length === 0 ? 0 : 1);
