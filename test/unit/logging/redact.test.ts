import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactText } from '../../../electron/core/logging/redact';

const digits = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max })
    .map((d) => d.join(''));
/** Phone numbers as people and providers write them: +34 666 123 456, 34666123456, (91) 555-1234. */
const phone = fc
  .tuple(
    fc.boolean(),
    fc.array(digits(2, 4), { minLength: 3, maxLength: 5 }),
    fc.constantFrom(' ', '-', '.', ''),
  )
  .map(([plus, groups, sep]) => `${plus ? '+' : ''}${groups.join(sep)}`);
/** Text with no digits, so any digit in the output came from the number. */
const prose = fc.string({ maxLength: 40 }).map((s) => s.replace(/\d/g, ''));
const secret = fc
  .string({ minLength: 8, maxLength: 30 })
  .filter((s) => /^[A-Za-z0-9._~+/=-]+$/.test(s));

function allDigits(s: string): string {
  return s.replace(/\D/g, '');
}

describe('log redaction', () => {
  it('removes every phone number written inside any text', () => {
    fc.assert(
      fc.property(prose, phone, prose, (before, number, after) => {
        const out = redactText(`${before} ${number} ${after}`);
        expect(out).toContain(REDACTED);
        expect(allDigits(out)).not.toContain(allDigits(number));
      }),
    );
  });

  it('removes secrets given as key=value, key: value, JSON or an Authorization scheme', () => {
    fc.assert(
      fc.property(
        secret,
        fc.constantFrom('password=', 'apiKey: ', '"token":"', 'Authorization: Bearer ', 'Basic '),
        prose,
        (value, form, context) => {
          const out = redactText(`${context} ${form}${value}`);
          expect(out).not.toContain(value);
        },
      ),
    );
  });

  it('blanks message text and secrets under their keys, however deep, and leaves the rest readable', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.integer({ min: 0, max: 99_999 }),
        (body, pass, id) => {
          const logged = { id, job: { body, account: { name: 'Shop', password: pass } } };
          expect(redact(logged)).toEqual({
            id,
            job: { body: REDACTED, account: { name: 'Shop', password: REDACTED } },
          });
        },
      ),
    );
  });

  it('leaves text without numbers or secrets as it was, and is idempotent', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const once = redactText(text);
        expect(redactText(once)).toBe(once);
        if (!/pass|secret|token|key|auth|bearer|basic/i.test(text)) expect(once).toBe(text);
      }),
    );
  });

  it('scrubs an error message and stack, and survives cycles', () => {
    const error = new Error('Send to +34 666 123 456 failed');
    const out = redact(error) as Error;
    expect(out.message).toBe(`Send to ${REDACTED} failed`);
    expect(out.stack).not.toContain('666 123 456');
    const loop: Record<string, unknown> = { name: 'x' };
    loop.self = loop;
    expect(redact(loop)).toEqual({ name: 'x', self: '[cycle]' });
  });
});
