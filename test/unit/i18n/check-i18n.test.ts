import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalogs, checkI18n, compareCatalogs } from '../../../scripts/i18n/check';

const catalogs: Catalogs = {
  en: {
    compose: {
      send: 'Send',
      meter: { segments_one: '{{count}} segment', segments_other: '{{count}} segments' },
    },
  },
  es: {
    compose: {
      send: 'Enviar',
      meter: {
        segments_one: '{{count}} segmento',
        segments_many: '{{count}} segmentos',
        segments_other: '{{count}} segmentos',
      },
    },
  },
};

const view = (body: string) => ({
  path: 'renderer/src/features/compose/Planted.tsx',
  text: `import { useTranslation } from 'react-i18next';
export function Planted() {
  const { t } = useTranslation('compose');
  return (${body});
}`,
});

describe('the translation check', () => {
  it('passes a view whose every visible text comes from the catalogs', () => {
    expect(
      checkI18n(
        [
          view(
            `<button aria-label={t('send')} title={t('send')}>{t('meter.segments', { count: 2 })} · {' '}</button>`,
          ),
        ],
        catalogs,
      ),
    ).toEqual([]);
  });

  it.each([
    ['JSX text', '<p>Queued</p>', 'JSX text "Queued"'],
    ['a string in braces', "<p>{'Queued'}</p>", 'JSX text "Queued"'],
    ['a label', '<TextField label="To" />', 'label="To"'],
    ['a placeholder template', '<input placeholder={`Write ${x}`} />', 'placeholder="Write "'],
    [
      'an aria-label in a branch',
      "<nav aria-label={open ? t('send') : 'Main'} />",
      'aria-label="Main"',
    ],
    ['a title', '<abbr title="Unicode">UCS-2</abbr>', 'title="Unicode"'],
    ['an alt', '<img alt="Logo" />', 'alt="Logo"'],
    [
      'a key no catalog has',
      "<p>{t('meter.septets')}</p>",
      'key "compose:meter.septets" is in no catalog',
    ],
  ])('fails on %s', (_what, body, message) => {
    const violations = checkI18n([view(body)], catalogs);
    expect(violations.map((v) => v.message).join('\n')).toContain(message);
    expect(violations[0]?.line).toBe(4);
  });

  it('leaves ids, class names and punctuation alone', () => {
    expect(
      checkI18n(
        [view(`<h1 id="compose-title" className="title" aria-labelledby="x">{' · '}—</h1>`)],
        catalogs,
      ),
    ).toEqual([]);
  });

  it('fails on a key missing in one language, and on a plural form Spanish needs', () => {
    const broken: Catalogs = {
      en: { compose: { send: 'Send', undo: 'Undo', n_one: 'one', n_other: 'many' } },
      es: { compose: { send: 'Enviar', n_one: 'uno', n_other: 'muchos' } },
    };
    expect(compareCatalogs(broken).map((v) => v.message)).toEqual([
      'es lacks "compose:undo"',
      'es lacks "compose:n_many"',
    ]);
  });

  it('passes the real renderer and its catalogs', () => {
    const root = join(__dirname, '..', '..', '..', 'renderer', 'src');
    const load = (lang: string) =>
      Object.fromEntries(
        readdirSync(join(root, 'i18n', lang)).map((f) => [
          f.replace('.json', ''),
          JSON.parse(readFileSync(join(root, 'i18n', lang, f), 'utf8')),
        ]),
      );
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => ({ path: f, text: readFileSync(join(root, f), 'utf8') }));
    expect(files.length).toBeGreaterThan(30);
    expect(checkI18n(files, { en: load('en'), es: load('es') })).toEqual([]);
  });
});
