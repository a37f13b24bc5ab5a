import { describe, expect, it } from 'vitest';
import { checkSendingRules, type RulesInput } from '../../../shared/rules';

// A Tuesday at noon everywhere the seed has time rules, so only text and consent matter.
const TUESDAY_NOON = new Date('2026-11-24T12:00:00Z');

const check = (over: Partial<RulesInput> & Pick<RulesInput, 'text' | 'countryIso'>) =>
  checkSendingRules({ sendAt: TUESDAY_NOON, marketing: true, consent: true, ...over });

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('every country: consent and unsubscribe (seed lines 10103-10104)', () => {
  it('blocks a promotion with no way to unsubscribe, naming {UNSUB_URL}', () => {
    const r = check({ text: 'Big sale this week!', countryIso: 'ES' });
    expect(codes(r.blocks)).toEqual(['unsubscribe-missing']);
    expect(r.blocks[0]?.message).toContain('{UNSUB_URL}');
    expect(r.blocks[0]?.seedLine).toBe(10104);
  });

  it.each([
    'Big sale! Unsubscribe: {UNSUB_URL}',
    'Big sale! Reply STOP to opt out',
    'Rebajas! Envia BAJA al 217',
    'Rebajas. Para darte de baja responde NO',
    'Big sale. To opt-out reply N',
    'Big sale. unsubscribe at example.com/u',
  ])('accepts an unsubscribe option: %j', (text) => {
    expect(check({ text, countryIso: 'ES' }).blocks).toEqual([]);
  });

  it('does not take the ordinary word "stop" for an opt-out keyword', () => {
    expect(
      codes(check({ text: "Don't stop shopping: sale today", countryIso: 'ES' }).blocks),
    ).toEqual(['unsubscribe-missing']);
  });

  it('does not ask transactional messages for an unsubscribe option', () => {
    expect(
      check({ text: 'Your order has shipped', countryIso: 'ES', marketing: false }).blocks,
    ).toEqual([]);
  });

  it('blocks any message to a recipient known not to have consented', () => {
    const r = check({
      text: 'Your order has shipped',
      countryIso: 'ES',
      marketing: false,
      consent: false,
    });
    expect(codes(r.blocks)).toEqual(['consent-refused']);
    expect(r.blocks[0]?.message).toMatch(/remove them/);
  });

  it('warns when consent for a promotion is not recorded', () => {
    const r = check({ text: 'Sale! Reply STOP to opt out', countryIso: 'ES', consent: undefined });
    expect(r.blocks).toEqual([]);
    expect(codes(r.warnings)).toEqual(['consent-unconfirmed']);
  });

  it('points unlisted countries to the provider for marketing only', () => {
    expect(codes(check({ text: 'Sale! STOP to 123', countryIso: 'DE' }).warnings)).toEqual([
      'country-not-listed',
    ]);
    expect(check({ text: 'Code 1234', countryIso: 'DE', marketing: false }).warnings).toEqual([]);
  });

  it('says so when the country is unknown instead of naming an empty code', () => {
    const r = check({ text: 'Sale! STOP to 123', countryIso: '' });
    expect(r.warnings[0]?.message).toMatch(/country is unknown/);
  });
});

describe('France (seed lines 10105-10114)', () => {
  it('accepts a marketing message ending with STOP au <code>', () => {
    const r = check({ text: 'Soldes -30% ce week-end. STOP au 36173', countryIso: 'FR' });
    expect(r.blocks).toEqual([]);
    expect(codes(r.warnings)).toEqual(['sender-validation']);
  });

  it.each([
    'Soldes -30% ce week-end. STOP au [STOP_CODE]',
    'Soldes -30% ce week-end. STOP SMS au 36111.',
    'SOLDES -30% CE WEEK-END. STOP AU 36173',
  ])('accepts the placeholder and common variants: %j', (text) => {
    expect(check({ text, countryIso: 'FR' }).blocks).toEqual([]);
  });

  it('blocks marketing without the STOP instruction, even with another unsubscribe link', () => {
    const r = check({ text: 'Soldes -30% ! Désinscription: {UNSUB_URL}', countryIso: 'FR' });
    expect(codes(r.blocks)).toEqual(['opt-out-text-missing']);
    expect(r.blocks[0]?.message).toContain('STOP au [STOP_CODE]');
  });

  it('blocks the STOP instruction when it is not at the end', () => {
    const r = check({ text: 'STOP au 36173. Soldes -30% ce week-end', countryIso: 'FR' });
    expect(codes(r.blocks)).toEqual(['opt-out-text-not-at-end']);
    expect(r.blocks[0]?.message).toMatch(/move it to the end/);
  });

  it('warns about prohibited topics in French marketing, accents or not', () => {
    const r = check({
      text: 'Votez pour notre candidat aux Élections ! STOP au 36173',
      countryIso: 'FR',
    });
    expect(codes(r.warnings)).toContain('prohibited-content:politics');
    const gambling = check({ text: 'Bonus casino offert. STOP au 36173', countryIso: 'FR' });
    expect(codes(gambling.warnings)).toContain('prohibited-content:gambling');
    expect(
      gambling.warnings.find((w) => w.code === 'prohibited-content:gambling')?.message,
    ).toContain('"casino"');
  });
});

describe('United States (seed lines 10124-10130)', () => {
  it.each([
    ['http://bit.ly/3abc', 'bit.ly'],
    ['https://tinyurl.com/y7x', 'tinyurl.com'],
    ['see bit.ly/3abc.', 'bit.ly'],
    ['WWW.BIT.LY/x', 'bit.ly'],
  ])('blocks public shortener links in promotions: %s', (link, domain) => {
    const r = check({ text: `Deals inside ${link} Reply STOP to opt out`, countryIso: 'US' });
    expect(codes(r.blocks)).toEqual(['public-url-shortener']);
    expect(r.blocks[0]?.message).toContain(domain);
    expect(r.blocks[0]?.message).toContain('{url|shorten}');
  });

  it("allows custom domains and the provider's own shortener", () => {
    for (const link of [
      'https://sms.tl/dvRINN',
      'https://go.myshop.com/x',
      'https://bitly.example.org',
    ]) {
      const r = check({ text: `Deals ${link} Reply STOP to opt out`, countryIso: 'US' });
      expect(r.blocks).toEqual([]);
    }
  });

  it('only warns about shorteners in transactional messages', () => {
    const r = check({ text: 'Track it: bit.ly/x', countryIso: 'US', marketing: false });
    expect(r.blocks).toEqual([]);
    expect(codes(r.warnings)).toEqual(['public-url-shortener']);
  });

  it('warns about each prohibited category it recognises', () => {
    const r = check({
      text: 'Happy hour: beer and cigars, plus Bitcoin tips. Reply STOP to opt out',
      countryIso: 'US',
    });
    expect(codes(r.warnings)).toEqual(
      expect.arrayContaining([
        'prohibited-content:alcohol',
        'prohibited-content:tobacco',
        'prohibited-content:cryptocurrency',
      ]),
    );
  });

  it('does not flag words that merely contain a keyword', () => {
    const r = check({ text: 'Better begun than never: Essex guide. Reply STOP', countryIso: 'US' });
    expect(codes(r.warnings).filter((c) => c.startsWith('prohibited'))).toEqual([]);
  });
});

describe('United Kingdom, Spain, Colombia, Ireland', () => {
  it('UK: asks for age verification for gambling or adult promotions', () => {
    const r = check({ text: 'Free bets this weekend! STOP to 80800', countryIso: 'gb' });
    expect(codes(r.warnings)).toEqual(['age-verification-required']);
    expect(r.warnings[0]?.message).toMatch(/age has been verified/);
    expect(r.warnings[0]?.countryIso).toBe('GB');
  });

  it('Spain: flags religion in marketing only', () => {
    expect(
      codes(check({ text: 'Misa en la iglesia. BAJA al 217', countryIso: 'ES' }).warnings),
    ).toEqual(['prohibited-content:religion']);
    expect(
      check({ text: 'Misa en la iglesia', countryIso: 'ES', marketing: false }).warnings,
    ).toEqual([]);
  });

  it('Colombia: content rules apply to every message, registration notes to promotions', () => {
    expect(
      codes(
        check({ text: 'Apuestas deportivas hoy', countryIso: 'CO', marketing: false }).warnings,
      ),
    ).toEqual(['prohibited-content:gambling']);
    expect(codes(check({ text: 'Oferta. Responde BAJA', countryIso: 'CO' }).warnings)).toEqual([
      'prior-registration',
      'provider-may-alter-text',
    ]);
  });

  it('Ireland: blocks marketing without a recorded opt-in', () => {
    const unknown = check({ text: 'Sale! Reply STOP', countryIso: 'IE', consent: undefined });
    expect(codes(unknown.blocks)).toEqual(['express-opt-in-required']);
    expect(unknown.blocks[0]?.seedLine).toBe(10138);
    const refused = check({ text: 'Sale! Reply STOP', countryIso: 'IE', consent: false });
    expect(codes(refused.blocks)).toEqual(['consent-refused']);
    expect(check({ text: 'Sale! Reply STOP', countryIso: 'IE' }).blocks).toEqual([]);
    expect(
      check({ text: 'Your parcel', countryIso: 'IE', marketing: false, consent: undefined }).blocks,
    ).toEqual([]);
  });
});
