import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planCompose } from '../../../electron/core/compose/plan';
import { resolveAudience } from '../../../electron/core/compose/resolve';
import { splitNumberList } from '../../../shared/compose';
import { normalizePhone } from '../../../shared/phone';
import { composeWorld } from './world';

let w: ReturnType<typeof composeWorld>;
beforeEach(() => {
  w = composeWorld();
});
afterEach(() => w.close());

const none = { contactIds: [], bookIds: [], tags: [], numbers: [] };

describe('resolving who a message to many goes to', () => {
  it('expands books and tags, merges the same number from several places and says so', () => {
    const ana = w.contact('34611000001', 'Ana', 'Ruiz', { clinic: 'Norte' });
    const luis = w.contact('+34 611 000 002', 'Luis');
    const eva = w.contact('34611000003', 'Eva');
    const patients = w.book('Patients', [ana, luis]);
    w.tag('tomorrow', [luis, eva]);
    const audience = resolveAudience(w.db, {
      ...none,
      accountId: w.accountId,
      bookIds: [patients],
      tags: ['tomorrow'],
      numbers: ['611 000 001', '+34611999999'],
      defaultCountry: 'ES',
    });
    // Books in name order (Luis has no last name), then tags, then what was typed.
    expect(audience.recipients.map((r) => r.e164)).toEqual([
      '+34611000002',
      '+34611000001',
      '+34611000003',
      '+34611999999',
    ]);
    // Ana typed and in the book: one recipient, her contact's fields, both places named.
    const first = audience.recipients[1];
    expect(first?.name).toBe('Ana Ruiz');
    expect(first?.fields).toMatchObject({ first_name: 'Ana', clinic: 'Norte' });
    expect(first?.sources.map((s) => s.kind)).toEqual(['book', 'typed']);
    expect(audience.duplicates.map((d) => [d.e164, d.times])).toEqual([
      ['+34611000002', 2],
      ['+34611000001', 2],
    ]);
    expect(audience.fields).toEqual(['first_name', 'last_name', 'phone', 'email', 'clinic']);
    expect(first?.countryIso).toBe('ES');
    expect(first?.lineType).toBe('mobile');
  });

  it('shows a suppressed recipient with why and since when, and plans to leave it out', () => {
    const at = Date.UTC(2026, 10, 3, 9, 30);
    w.suppress('34611000009', 'opt-out-keyword', 'Replied "BAJA"', at);
    const audience = resolveAudience(w.db, {
      ...none,
      accountId: w.accountId,
      numbers: ['+34611000009', '+34611000008'],
    });
    const suppressed = audience.recipients[0]?.suppressed;
    expect(suppressed).toMatchObject({ reason: 'opt-out-keyword', since: at });
    expect(suppressed?.sentence).toBe(
      '+34611000009 is on the suppression list since 2026-11-03 09:30 UTC: they opted out (replied "BAJA").',
    );
    const plan = planCompose(audience, { template: 'Hi', sendAt: null, marketing: false });
    expect(plan.send.map((m) => m.recipient.key)).toEqual(['34611000008']);
    expect(plan.leftOut).toMatchObject([{ key: '34611000009', code: 'suppressed' }]);
  });

  it('never drops an unusable entry: invalid and fixed-line numbers come back with their reason', () => {
    const audience = resolveAudience(w.db, {
      ...none,
      accountId: w.accountId,
      numbers: ['12', '912345678', '611000004'],
      defaultCountry: 'ES',
    });
    expect(audience.recipients.map((r) => [r.input, r.problem !== null])).toEqual([
      ['12', true],
      ['912345678', true],
      ['611000004', false],
    ]);
    expect(audience.recipients[1]?.problem).toContain('a fixed-line number');
  });

  it('a pasted list becomes one recipient per distinct number, each invalid entry kept (fast-check)', () => {
    const mobile = fc
      .integer({ min: 600_000_000, max: 699_999_999 })
      .map(String)
      .filter((n) => normalizePhone(n, { defaultCountry: 'ES' }).ok);
    const entry = fc.oneof(
      { weight: 5, arbitrary: mobile.chain((n) => fc.constantFrom(n, `+34${n}`, `0034 ${n}`)) },
      { weight: 1, arbitrary: fc.constantFrom('12', 'call me', '+1 2') },
    );
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('\n', ',', ';', '\t'),
        (entries, sep) => {
          const numbers = splitNumberList(entries.join(sep));
          const audience = resolveAudience(w.db, {
            ...none,
            accountId: w.accountId,
            numbers,
            defaultCountry: 'ES',
          });
          const keys = entries.map((e) => {
            const p = normalizePhone(e, { defaultCountry: 'ES' });
            return p.ok ? p.provider : `?${e.trim()}`;
          });
          expect(audience.recipients.map((r) => r.key)).toEqual([...new Set(keys)]);
          const repeated = [...new Set(keys)].filter((k) => keys.filter((x) => x === k).length > 1);
          expect(audience.duplicates.map((d) => d.key)).toEqual(repeated);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the plan: what each recipient gets, and who is left out', () => {
  it('names the missing merge field per recipient', () => {
    const ana = w.contact('34611000001', 'Ana');
    const blank = w.contact('34611000002', '');
    const audience = resolveAudience(w.db, {
      ...none,
      accountId: w.accountId,
      contactIds: [ana, blank],
      numbers: ['+34611000003'],
    });
    const plan = planCompose(audience, {
      template: 'Hola {first_name|capitalize}, mañana a las 10.',
      sendAt: null,
      marketing: false,
    });
    expect(plan.send.map((m) => m.text)).toEqual(['Hola Ana, mañana a las 10.']);
    expect(plan.leftOut.map((l) => [l.key, l.code, l.message])).toEqual([
      ['34611000002', 'missing-field', 'The value for {first_name} is empty.'],
      ['34611000003', 'missing-field', 'The row has no value for {first_name}.'],
    ]);
  });

  it('defers a French marketing message outside its sending hours and says until when', () => {
    const audience = resolveAudience(w.db, {
      ...none,
      accountId: w.accountId,
      numbers: ['+33612345678', '+34611000001'],
    });
    // Sunday 2026-12-06 12:00 UTC: France forbids marketing on Sundays.
    const sunday = Date.UTC(2026, 11, 6, 12, 0);
    const plan = planCompose(audience, {
      template: 'Soldes ce week-end ! STOP au 36173',
      sendAt: sunday,
      marketing: true,
      now: sunday - 60_000,
    });
    const france = plan.send.find((m) => m.recipient.countryIso === 'FR');
    expect(plan.deferred).toHaveLength(1);
    expect(plan.deferred[0]?.key).toBe('33612345678');
    expect(france?.scheduledFor).toBe(plan.deferred[0]?.until);
    expect(new Date(plan.deferred[0]?.until ?? 0).getUTCDay()).toBe(1);
    // Spain has no sending hours: it goes at the chosen time.
    expect(plan.send.find((m) => m.recipient.countryIso === 'ES')?.scheduledFor).toBe(sunday);
  });

  it('leaves out a French marketing message without its STOP text, with the rule’s sentence', () => {
    const audience = resolveAudience(w.db, {
      ...none,
      accountId: w.accountId,
      numbers: ['+33612345678'],
    });
    const tuesday = Date.UTC(2026, 11, 8, 10, 0);
    const plan = planCompose(audience, {
      template: 'Soldes ce week-end !',
      sendAt: tuesday,
      marketing: true,
      now: tuesday - 60_000,
    });
    expect(plan.send).toEqual([]);
    expect(plan.leftOut[0]?.code).toBe('blocked-by-rule');
    expect(plan.leftOut[0]?.message).toMatch(/STOP/);
  });
});
