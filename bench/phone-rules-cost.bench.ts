// Throughput of the per-recipient checks a 100,000-row bulk send runs:
// phone normalisation, country rules, and the streaming cost estimate.
import { performance } from 'node:perf_hooks';
import { CostAccumulator, type CoveragePrice } from '../shared/cost';
import { normalizePhone } from '../shared/phone';
import { checkSendingRules } from '../shared/rules';
import { peakRssMiB, table, writeSection } from './lib/results';

const N = 100_000;

// Spreadsheet-like inputs: several spellings, a few bad rows.
const SPELLINGS = [
  (i: number) => `6${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`,
  (i: number) => `+34 6${String(i % 100_000_000).padStart(8, '0')}`,
  (i: number) => `0034-6${String(i % 100_000_000).padStart(8, '0')}`,
  (i: number) => `346${String(i % 100_000_000).padStart(8, '0')}`,
  (i: number) => `(+57) 3${String(i % 1_000_000_000).padStart(9, '0')}`,
  (i: number) => `+33 6 ${String(i % 100_000_000).padStart(8, '0')}`,
  (i: number) =>
    i % 50 === 0 ? '3.46666E+10' : `+1 212 555 ${String(i % 10_000).padStart(4, '0')}`,
];
const inputs = Array.from({ length: N }, (_, i) => SPELLINGS[i % SPELLINGS.length]?.(i) ?? '');

const PRICES: CoveragePrice[] = [
  {
    countryIso: 'ES',
    countryName: 'Spain',
    dialCode: '34',
    network: null,
    pricePerPart: 0.05,
    currency: 'EUR',
  },
  {
    countryIso: 'ES',
    countryName: 'Spain',
    dialCode: '34',
    network: 'Movistar',
    pricePerPart: 0.045,
    currency: 'EUR',
  },
  {
    countryIso: 'CO',
    countryName: 'Colombia',
    dialCode: '57',
    network: null,
    pricePerPart: 0.0123,
    currency: 'EUR',
  },
  {
    countryIso: 'FR',
    countryName: 'France',
    dialCode: '33',
    network: null,
    pricePerPart: 0.0868,
    currency: 'EUR',
  },
];

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

const rows: (string | number)[][] = [];
const record = (step: string, ms: number, note: string) =>
  rows.push([
    step,
    N,
    ms.toFixed(0),
    ((ms * 1000) / N).toFixed(2),
    Math.round(N / (ms / 1000)),
    note,
  ]);

const phones = time(() => inputs.map((s) => normalizePhone(s, { defaultCountry: 'ES' })));
const valid = phones.value.filter((p) => p.ok);
record('normalizePhone (max metadata)', phones.ms, `${valid.length} valid`);

const start = new Date('2026-11-20T12:00:00Z');
const rules = time(() =>
  phones.value.map((p, i) =>
    checkSendingRules({
      text: 'Rebajas -20% hoy. Baja: {UNSUB_URL} STOP au 36173',
      countryIso: p.ok ? (p.countryIso ?? '') : 'ES',
      sendAt: new Date(start.getTime() + (i % 1000) * 3_600_000),
      marketing: true,
      consent: true,
    }),
  ),
);
const held = rules.value.filter((r) => r.nextAllowedAt).length;
record('checkSendingRules (marketing)', rules.ms, `${held} held to nextAllowedAt`);

const cost = time(() => {
  const acc = new CostAccumulator(PRICES);
  for (const p of valid) acc.add(p.countryIso ?? '', 2);
  return acc.result();
});
record(
  'CostAccumulator.add + result',
  cost.ms,
  `max ${cost.value.totals.max} ${cost.value.currency}`,
);

const body = `${table(['step', 'items', 'ms', 'µs/item', 'items/s', 'note'], rows)}\n\nPeak RSS ${peakRssMiB()} MiB.`;
console.log(body);
writeSection(
  'phone-rules-cost',
  'Phone normalisation, sending rules and cost (100,000 recipients)',
  body,
);
