import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignNameFrom } from '../../../electron/core/compose/campaign-name';

describe('the campaign name suggested from a message', () => {
  it('leaves out merge fields and their filters, and keeps the words readable', () => {
    expect(campaignNameFrom('Hola {first_name|capitalize}, su cita es mañana a las {hora}.')).toBe(
      'Hola, su cita es mañana a',
    );
    expect(campaignNameFrom('{first_name}: your order {order_id} has shipped')).toBe(
      'your order has shipped',
    );
    expect(campaignNameFrom('¡{nombre}, te esperamos! Baja: {UNSUB_URL}')).toBe(
      '¡te esperamos! Baja:',
    );
  });

  it('keeps braces that are not merge fields, and plain text as the draft names it', () => {
    expect(campaignNameFrom('Promo { 2x1 } today')).toBe('Promo { 2x1 } today');
    expect(campaignNameFrom('Reminder: your appointment tomorrow at 10 in the clinic')).toBe(
      'Reminder: your appointment tomorrow at 10',
    );
  });

  it('never contains a placeholder, whatever the message', () => {
    const field = fc
      .tuple(
        fc.stringMatching(/^[a-z_]{1,12}$/),
        fc.constantFrom('', '|upper', '|capitalize', '|lower'),
      )
      .map(([name, filter]) => `{${name}${filter}}`);
    const piece = fc.oneof(field, fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const name = campaignNameFrom(pieces.join(' '));
        expect(name).not.toMatch(/\{[\p{L}\p{N}_.-]+(\|[^{}|\s]*)?\}/u);
        expect(name.length).toBeLessThanOrEqual(48);
      }),
    );
  });
});
