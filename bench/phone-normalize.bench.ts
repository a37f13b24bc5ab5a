/**
 * normalizePhone per number, CPU time: the frozen copy from before round 7 (hph)
 * against the current code, alternating in one process, both orders.
 * `npx tsx bench/phone-normalize.bench.ts` (prints only; RESULTS.md notes are by hand).
 */
import examples from 'libphonenumber-js/mobile/examples';
import { normalizePhone } from '../shared/phone';
import { normalizePhoneBefore } from '../test/unit/phone/reference/normalize-before';

type Normalize = typeof normalizePhone;
interface Case {
  input: string;
  defaultCountry?: string;
}

/** Shaped like bench/bulk.bench.ts's rows: Spanish mobiles in national form, every 997th bad. */
function bulkShaped(count: number): Case[] {
  return Array.from({ length: count }, (_, i) => ({
    input: i % 997 === 996 ? '12345' : `6${String(10_000_000 + i).padStart(8, '0')}`,
    defaultCountry: 'ES',
  }));
}

/** Every country's example numbers in national, provider and + forms, with and without a country. */
function mixed(): Case[] {
  const cases: Case[] = [];
  for (const [country, national] of Object.entries(examples)) {
    const e164 = normalizePhone(national, { defaultCountry: country });
    cases.push({ input: national, defaultCountry: country });
    if (e164.ok) {
      cases.push({ input: e164.e164 }, { input: e164.provider, defaultCountry: country });
      cases.push({ input: e164.provider }, { input: `${e164.provider}9`, defaultCountry: country });
    }
  }
  return cases;
}

function cpuMicros(fn: Normalize, cases: Case[]): number {
  const start = process.cpuUsage();
  for (const c of cases) fn(c.input, c.defaultCountry ? { defaultCountry: c.defaultCountry } : {});
  const used = process.cpuUsage(start);
  return (used.user + used.system) / cases.length;
}

function compare(name: string, cases: Case[], rounds: number): void {
  const before: number[] = [];
  const after: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate the order so neither side always runs on a warmer heap.
    if (r % 2 === 0) {
      before.push(cpuMicros(normalizePhoneBefore, cases));
      after.push(cpuMicros(normalizePhone, cases));
    } else {
      after.push(cpuMicros(normalizePhone, cases));
      before.push(cpuMicros(normalizePhoneBefore, cases));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const b = median(before);
  const a = median(after);
  console.log(
    `${name} (${cases.length} numbers, ${rounds} rounds): before ${b.toFixed(2)} µs, after ${a.toFixed(2)} µs CPU per number, after ÷ before ${(a / b).toFixed(2)}×`,
  );
}

const warm = bulkShaped(20_000);
cpuMicros(normalizePhoneBefore, warm);
cpuMicros(normalizePhone, warm);
compare('bulk-shaped', bulkShaped(100_000), 6);
compare('mixed', mixed(), 20);
