import { parseTemplate } from '../../../shared/merge';
import { draftName } from './drafts';

/**
 * The campaign name a send gets when the person gives none: the message's
 * first words without its merge fields. "{first_name|capitalize}" would mean
 * nothing in the provider's campaign list, and every recipient's text differs
 * there anyway; the plain words around the fields are what the person wrote.
 */
export function campaignNameFrom(text: string): string {
  const plain = parseTemplate(text)
    .tokens.map((t) => (t.kind === 'text' ? t.text : ' '))
    .join('')
    // What a removed field leaves: "Hola , su" -> "Hola, su"; runs of spaces -> one.
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/([(¿¡])[\s,.;:]+/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:!?]+/, '')
    .trim();
  return draftName(plain).replace(/…$/, '');
}
