import { describe, expect, it } from 'vitest';
import { CUT_OFF_SENTENCE } from '../../../electron/core/inbox/thread-page';
import { SESSION_ENDED } from '../../../electron/core/inbox/whatsapp-send';
import { prepareSingleMessage } from '../../../electron/core/outbox/compose';
import { pauseReason } from '../../../electron/core/outbox/pause';
import { suppressionRefusal } from '../../../electron/core/suppressions/refusal';
import {
  translateCoreSentence,
  translatePauseReason,
} from '../../../renderer/src/i18n/core-sentences';
import { catalogI18n } from '../../helpers/catalog-i18n';

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

const i18n = catalogI18n();
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

describe('the inbox sentences of the core', () => {
  const suppression = (reason: 'opt-out-keyword' | 'provider-blacklist' | 'manual', detail = '') =>
    suppressionRefusal(
      {
        accountId: 1,
        phone: '34622130102',
        reason,
        detail,
        createdAt: Date.UTC(2026, 11, 2, 9, 5),
      },
      '+34622130102',
    );

  it('says in Spanish why a number is refused, from the real refusal', () => {
    expect(
      translateCoreSentence(es, suppression('opt-out-keyword', 'Replied "STOP" on WhatsApp')),
    ).toBe(
      '+34622130102 está dado de baja desde el 2026-12-02 09:05 UTC: respondió «STOP» por WhatsApp. No se ha enviado nada.',
    );
    expect(translateCoreSentence(es, suppression('provider-blacklist'))).toContain(
      'está en la lista negra del proveedor',
    );
    expect(translateCoreSentence(es, suppression('manual', 'asked by phone'))).toContain(
      'se añadió a la lista a mano',
    );
  });

  it('translates the WhatsApp session, cut-off and template sentences', () => {
    expect(translateCoreSentence(es, SESSION_ENDED)).toMatch(/^La sesión de WhatsApp ha terminado/);
    expect(translateCoreSentence(es, CUT_OFF_SENTENCE)).toMatch(/^Outpost se cerró/);
    expect(translateCoreSentence(es, 'Template "order_update" needs field {{2}}.')).toBe(
      'La plantilla «order_update» necesita el campo {{2}}.',
    );
    expect(translateCoreSentence(en, SESSION_ENDED)).toBe(SESSION_ENDED);
  });
});
