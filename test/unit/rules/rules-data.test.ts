import { describe, expect, it } from 'vitest';
import { COUNTRY_RULES, GLOBAL_RULES } from '../../../shared/rules';
import { missingSeed, seedFile } from '../../helpers/seeds';

// The rule table cites the seed line of each statement; check the citations
// still point at text that says what the rule encodes.
const SEED = seedFile('003_8fbc6a4471956d19.txt');
const seed = SEED.lines;
const line = (n: number) => seed[n - 1] ?? '';

const EVIDENCE: Record<string, RegExp> = {
  consent: /consent/i,
  'unsubscribe-option': /unsubscribe/i,
  'opt-out-text': /STOP au \[STOP_CODE\]/,
  'time-window': /Monday through/,
  'no-public-url-shorteners': /URL shorteners/,
  'prohibited-content': /prohibited/i,
  'age-verification': /age has been verified/,
  'sender-validation': /validate your sender/,
  'prior-registration': /prior registration/,
  'provider-may-alter-text': /automatically add the sender's name/,
};

describe.skipIf(SEED.skip)('country rule table cites the seed', () => {
  it('has the seed to check against', () => {
    expect(seed.length, missingSeed(SEED)).toBeGreaterThan(0);
  });

  const all = [
    ...GLOBAL_RULES.map((r) => ['*', r] as const),
    ...Object.values(COUNTRY_RULES).flatMap((c) => c.rules.map((r) => [c.countryIso, r] as const)),
  ];

  it.each(all.map(([c, r]) => [c, r.kind, r.line, r] as const))(
    '%s %s cites seed line %i',
    (_c, kind, n) => {
      expect(line(n)).toMatch(EVIDENCE[kind] ?? /^$/);
    },
  );

  it('cites each country heading', () => {
    for (const c of Object.values(COUNTRY_RULES)) {
      expect(line(c.line)).toContain(c.countryName);
    }
  });
});
