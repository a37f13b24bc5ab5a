import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowWords } from '../../../renderer/src/features/contacts/row-words';
import { catalogI18n } from '../../helpers/catalog-i18n';

const i18n = catalogI18n();

/**
 * A contacts row says its words without i18next (rows render on every result
 * and scroll): each must read exactly as `t()` says it from the same catalog,
 * whatever the contact's name.
 */
describe.each(['en', 'es'] as const)('a contacts row’s words in %s', (language) => {
  const t = i18n.getFixedT(language, 'contacts');
  const say = rowWords((key) => {
    const found =
      i18n.getResource(language, 'contacts', key) ?? i18n.getResource('en', 'contacts', key);
    return typeof found === 'string' ? found : undefined;
  });

  it('labels the row’s controls with the contact’s name as t() does', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        // As the row puts it: isolated (U+2068…U+2069), as lib/isolate.ts does.
        const name = `\u2068${raw}\u2069`;
        expect(say.selectOne(name)).toBe(t('table.selectOne', { name }));
        expect(say.openOne(name)).toBe(t('table.openOne', { name }));
        expect(say.messageTo(name)).toBe(t('table.messageTo', { name }));
      }),
      { numRuns: 300 },
    );
  });

  it('says the plain words as the catalog does', () => {
    for (const key of [
      'message',
      'noName',
      'loading',
      'conflict',
      'notSynced',
      'notSyncedHint',
    ] as const)
      expect(say[key]).toBe(t(`table.${key}`));
  });
});
