import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeActionRequest } from '../../../shared/providers/action/schemas';
import { call, nrs, sandboxForThisFile } from './helpers';

const t = sandboxForThisFile({ credits: 50 });

const send = (to: string[], message = 'Hello') =>
  nrs(t.sb, 'POST', '/api/rest/sms', { body: { from: 'TEST', to, message, parts: 3 } });

describe('the sandbox account is money (seed 003 account line 9070, coverage 9175)', () => {
  it('answers its balance in EUR', async () => {
    const res = await nrs(t.sb, 'GET', '/api/rest/account');
    expect(res.json.data).toMatchObject({ balance: 50, currency: 'EUR' });
  });

  it('prices like a real list: several countries, each with a Default line and its networks', async () => {
    const res = await nrs(t.sb, 'GET', '/api/rest/sms/coverage');
    const lines = res.json.data as {
      countryIso: string;
      networkName: string;
      cost: number;
      currencyCode: string;
    }[];
    for (const iso of ['ES', 'PT', 'FR', 'MX', 'CO', 'AR', 'BR', 'US', 'GB']) {
      const country = lines.filter((l) => l.countryIso === iso);
      expect(country.filter((l) => l.networkName === 'Default')).toHaveLength(1);
      expect(country.length).toBeGreaterThan(2);
    }
    expect(lines.every((l) => l.currencyCode === 'EUR' && l.cost > 0 && l.cost < 0.2)).toBe(true);
  });

  it('debits each part at its destination country’s price', async () => {
    const before = t.sb.balance();
    // Spain 0.045, Mexico 0.029, Portugal 0.039 (their Default lines); 161 characters are 2 parts.
    const res = await send(['34600000001', '526641234567', '351912345678'], 'a'.repeat(161));
    expect(res.status).toBe(202);
    expect(t.sb.balance()).toBeCloseTo(before - 2 * (0.045 + 0.029 + 0.039), 6);
  });

  it('action SMS spend the same money, at the same prices', async () => {
    const before = t.sb.balance();
    const res = await call(t.sb.apis.action.baseUrl, 'POST', {
      body: encodeActionRequest(t.sb.apis.action.secretKey, [
        { type: 'SMS', number: '+573001234567', text: 'Hola' },
      ]),
    });
    expect(res.json[0].status).toBe('success');
    expect(t.sb.balance()).toBeCloseTo(before - 0.011, 6); // Colombia
  });

  it('keeps an exact account for any run of sends, and answers 111 when the money runs out', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('34600000002', '447700900123', '5511912345678', '12025550123'), {
          minLength: 1,
          maxLength: 30,
        }),
        async (numbers) => {
          const start = 1.5;
          t.sb.setCredits(start);
          let expected = Math.round(start * 1e6);
          for (const to of numbers) {
            const price = Math.round(t.sb.partPrice(to) * 1e6);
            const res = await send([to]);
            if (price <= expected) {
              expect(res.status).toBe(202);
              expected -= price;
            } else {
              expect([res.status, res.json.error.code]).toEqual([402, 111]);
            }
            expect(Math.round(t.sb.balance() * 1e6)).toBe(expected);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
