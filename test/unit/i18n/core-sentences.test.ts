import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { prepareSingleMessage } from '../../../electron/core/outbox/compose';
import { pauseReason } from '../../../electron/core/outbox/pause';
import { NAMESPACES, resources } from '../../../renderer/src/i18n/catalogs';
import {
  translateCoreSentence,
  translatePauseReason,
} from '../../../renderer/src/i18n/core-sentences';

/** The sentence the core would put on screen for this send. */
function composeError(input: Partial<Parameters<typeof prepareSingleMessage>[0]>): string {
  try {
    prepareSingleMessage({
      accountId: 1,
      to: '+34666555444',
      from: 'SHOP',
      text: 'Hola',
      ...input,
    });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the core to refuse this message');
}

// The app's catalogs in an instance of their own (the app's setup needs a DOM).
const i18n = i18next.createInstance();
void i18n.init({
  resources,
  ns: NAMESPACES,
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});
const es = i18n.getFixedT('es');
const en = i18n.getFixedT('en');

describe('the core sentences that reach the screen', () => {
  it.each([
    ['an empty text', { text: '' }, 'El mensaje está vacío.'],
    ['a missing sender', { from: '' }, 'Falta el remitente.'],
    [
      'a long sender',
      { from: 'SHOPPINGCENTRE' },
      'El remitente «SHOPPINGCENTRE» tiene más de 11 caracteres.',
    ],
    [
      'a sender with symbols',
      { from: 'SHOP!' },
      'El remitente «SHOP!» solo puede llevar letras A-Z, cifras y espacios.',
    ],
    [
      'a long numeric sender',
      { from: '1234567890123456' },
      'El remitente numérico «1234567890123456» tiene más de 15 cifras.',
    ],
    ['a number too short', { to: '12' }, 'El número «12» no se puede usar'],
    ['too many parts', { text: 'x'.repeat(160 * 16) }, 'se permiten como máximo 15'],
  ])('are in Spanish for %s', (_case, input, spanish) => {
    const sentence = composeError(input);
    expect(translateCoreSentence(es, sentence)).toContain(spanish);
    // English shows the core's own sentence.
    expect(translateCoreSentence(en, sentence)).toBe(sentence);
  });

  // 115 (sender not verified) pauses no account since issue 9: only that sender's messages fail.
  it.each(['103', '111', '112'])('say why an account is paused (%s) in Spanish', (code) => {
    const reason = pauseReason(
      { code, message: 'x' } as never,
      code === '112' ? '203.0.113.7' : null,
    );
    const spanish = translatePauseReason(es, code, reason);
    expect(spanish).not.toBe(reason);
    if (code === '112') expect(spanish).toContain('203.0.113.7');
    expect(translatePauseReason(en, code, reason)).toBe(reason);
  });

  it('show a sentence they do not know as the core wrote it', () => {
    expect(translateCoreSentence(es, 'The provider is on fire.')).toBe('The provider is on fire.');
    expect(translatePauseReason(es, '999', 'Strange pause.')).toBe('Strange pause.');
  });
});

describe('the staged-restore sentence (backups.restore)', () => {
  it('is said in Spanish with the backup’s date kept as the core wrote it', () => {
    const t = es;
    const when = new Date(Date.UTC(2026, 11, 1, 9, 30)).toLocaleString();
    const sentence = `The backup of ${when} will be restored when Outpost next starts, after a backup of the current data; restart Outpost to do it now.`;
    const spanish = translateCoreSentence(t, sentence);
    expect(spanish).not.toBe(sentence);
    expect(spanish).toContain(when);
  });
});
