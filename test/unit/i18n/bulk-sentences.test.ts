import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, guessEncoding } from '../../../electron/core/bulk';
import { translateCoreSentence } from '../../../renderer/src/i18n/core-sentences';
import { parseTemplate, renderTemplate } from '../../../shared/merge';
import { normalizePhone } from '../../../shared/phone';
import { catalogI18n } from '../../helpers/catalog-i18n';

const i18n = catalogI18n();
const es = i18n.getFixedT('es');

function phoneReason(input: string, defaultCountry?: string): string {
  const r = normalizePhone(input, defaultCountry ? { defaultCountry } : {});
  if (r.ok) throw new Error(`${input} is valid`);
  return r.message;
}

/**
 * The wizard shows the bulk core's own words (why an encoding or delimiter was
 * chosen, why a row cannot be sent): produced here by the core itself, so a
 * rewording there fails here instead of reaching a Spanish screen in English.
 */
describe('the CSV wizard’s core sentences in Spanish', () => {
  it.each([
    [
      guessEncoding(iconv.encode('teléfono;nombre\n', 'win1252'), true).reason,
      'no es UTF-8 válido',
    ],
    [guessEncoding(Buffer.from('teléfono;nombre\n'), true).reason, 'es UTF-8 válido'],
    [
      guessDelimiter('a;b;c\n1;2;3\n4;5;6').reason,
      'el punto y coma divide la primera fila en 3 columnas',
    ],
    [guessDelimiter('a,b\n1,2').reason, 'la coma divide la primera fila en 2 columnas'],
    [phoneReason('612345678'), '«612345678» no lleva + ni 00'],
    [phoneReason('6123a'), '«6123a» no es un teléfono'],
    [phoneReason('12345', 'ES'), '«12345» es demasiado corto'],
    [
      (() => {
        const r = renderTemplate(parseTemplate('Hola {Nombre}'), { Nombre: ' ' });
        return r.ok ? '' : r.error.message;
      })(),
      'El valor de «Nombre» está vacío.',
    ],
  ])('%s', (sentence, spanish) => {
    expect(translateCoreSentence(es, sentence)).toContain(spanish);
  });
});
