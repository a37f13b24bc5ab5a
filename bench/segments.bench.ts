/**
 * Segment counter throughput on 1,600-character texts, side by side with the
 * three npm counters. Each counter's answer (encoding, segments, units) is
 * checked against ours; sms-segments-calculator is the reference the unit
 * tests hold us to, so a "wrong" there would be our bug.
 *
 * Run: npx tsx bench/segments.bench.ts (about 90 s); `--no-record` prints
 * the table without rewriting its section of bench/RESULTS.md.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SegmentedMessage } from 'sms-segments-calculator';
import { countSegments, forcingPositions } from '../shared/sms/counter';
import { countSegments as countBefore } from '../test/unit/sms/reference/counter-before';
import { table, writeSection } from './lib/results';

interface Answer {
  encoding: 'gsm' | 'ucs2';
  segments: number;
  units: number;
}

interface SplitSms {
  split(text: string): { characterSet: string; parts: unknown[]; length: number; bytes: number };
}
interface SmsCounter {
  count(text: string): { encoding: string; messages: number; length: number };
}

const load = createRequire(__filename);
const splitSms = load('split-sms') as SplitSms;
const smsCounterModule = load('sms-counter') as SmsCounter | { default: SmsCounter };
const smsCounter = 'default' in smsCounterModule ? smsCounterModule.default : smsCounterModule;

/** Each counter, asked for what ours answers, positions of the offending characters included. */
const COUNTERS: { name: string; run: (text: string) => Answer }[] = [
  {
    name: 'outpost countSegments',
    run: (text) => {
      const r = countSegments(text);
      return {
        encoding: r.encoding === 'ucs2' ? 'ucs2' : 'gsm',
        segments: r.segments,
        units: r.units,
      };
    },
  },
  {
    // The same count with every offending grapheme's position read (start and
    // length), as the Compose hint can: the positions are found on first read,
    // so the row above, like the bulk check, does not pay for them.
    name: 'outpost countSegments + every position read',
    run: (text) => {
      const r = countSegments(text);
      const forcing = forcingPositions(r);
      let seen = 0;
      for (let i = 0; i < forcing.size; i++) seen += forcing.index(i) + forcing.length(i);
      if (seen < 0) throw new Error('unreachable');
      return {
        encoding: r.encoding === 'ucs2' ? 'ucs2' : 'gsm',
        segments: r.segments,
        units: r.units,
      };
    },
  },
  {
    // The counter before the single-pass UCS-2 path, measured in the same rounds (the A/B on a shared machine).
    name: 'outpost before (reference copy)',
    run: (text) => {
      const r = countBefore(text);
      return {
        encoding: r.encoding === 'ucs2' ? 'ucs2' : 'gsm',
        segments: r.segments,
        units: r.units,
      };
    },
  },
  {
    name: 'sms-segments-calculator',
    run: (text) => {
      const m = new SegmentedMessage(text, 'auto', false);
      m.getNonGsmCharacters();
      const gsm = m.encodingName === 'GSM-7';
      return {
        encoding: gsm ? 'gsm' : 'ucs2',
        segments: m.segmentsCount,
        units: m.messageSize / (gsm ? 7 : 16),
      };
    },
  },
  {
    name: 'split-sms',
    run: (text) => {
      const r = splitSms.split(text);
      const gsm = r.characterSet === 'GSM';
      return {
        encoding: gsm ? 'gsm' : 'ucs2',
        segments: r.parts.length,
        units: gsm ? r.bytes : r.bytes / 2,
      };
    },
  },
  {
    name: 'sms-counter',
    run: (text) => {
      const r = smsCounter.count(text);
      return {
        encoding: r.encoding === 'UTF16' ? 'ucs2' : 'gsm',
        segments: r.messages,
        units: r.length,
      };
    },
  },
];

const LENGTH = 1600;

function repeatTo(pattern: string, length: number): string {
  let text = '';
  while (text.length < length) text += pattern;
  // Never end on half a surrogate pair.
  const cut = text.slice(0, length);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const TEXTS: { name: string; text: string }[] = [
  {
    name: 'pure GSM-7',
    text: repeatTo(
      'Your parcel 1234 is ready at the Rua Augusta shop. Reply STOP to opt out. ',
      LENGTH,
    ),
  },
  {
    name: 'GSM-7 + extension chars',
    text: repeatTo('Price: 12€ [promo] {code} ~50% off | see ^notes^ \\ ', LENGTH),
  },
  {
    name: 'UCS-2 with emoji',
    text: repeatTo('Olá 👋 ação 👍🏽 família 👨‍👩‍👧 🇵🇹 1️⃣ ', LENGTH),
  },
  {
    // Not in the brief's three cases: Portuguese forces UCS-2, so ours also works out the GSM-PT hint.
    name: 'Portuguese (UCS-2, GSM-PT hint)',
    text: repeatTo('Informação: a sua encomenda está à espera na loja de Évora. ', LENGTH),
  },
  {
    // Devanagari needs the conjunct and spacing-mark rules (GB9a, GB9c), with classes probed once.
    name: 'Hindi (every grapheme forces UCS-2)',
    text: repeatTo('आपका पार्सल तैयार है, कृपया दुकान से ले जाएँ। ', LENGTH),
  },
];

const ROUNDS = 11;
const ROUND_BUDGET_MS = 60;

/** CPU µs this process has used: unlike wall time, not inflated while other processes hold the cores. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** CPU µs per call over one round: calls until the budget is spent (at least 3). */
function microsPerCall(run: (text: string) => unknown, text: string): number {
  // Calls go in batches of ~100 µs, so reading the clock (a syscall) costs little next to them.
  const probe = cpuMicros();
  run(text);
  const batch = Math.max(1, Math.ceil(100 / Math.max(0.05, cpuMicros() - probe)));
  let calls = 0;
  const start = cpuMicros();
  let elapsed = 0;
  while (elapsed < ROUND_BUDGET_MS * 1000 || calls < 3) {
    for (let i = 0; i < batch; i++) run(text);
    calls += batch;
    elapsed = cpuMicros() - start;
  }
  return elapsed / calls;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/**
 * Each counter's µs per call in every round. The rounds interleave the
 * counters, so a burst of load from the other processes on this shared
 * machine weighs on all of them alike, and the ratio is taken per round.
 */
function measureText(text: string): number[][] {
  for (const c of COUNTERS) for (let i = 0; i < 20; i++) c.run(text);
  const perCounter: number[][] = COUNTERS.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    COUNTERS.forEach((c, k) => {
      perCounter[k]?.push(microsPerCall(c.run, text));
    });
  }
  return perCounter;
}

function verdict(answer: Answer, ours: Answer): string {
  const wrong = (['encoding', 'segments', 'units'] as const).filter((k) => answer[k] !== ours[k]);
  return wrong.length === 0
    ? 'same as ours'
    : `differs: ${wrong.map((k) => `${k} ${answer[k]}`).join(', ')}`;
}

const SPLIT_SMS = COUNTERS.findIndex((c) => c.name === 'split-sms');

function main(): void {
  const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
  const rows: (string | number)[][] = [];
  for (const { name, text } of TEXTS) {
    const ours = COUNTERS[0]?.run(text) as Answer;
    const times = measureText(text);
    const split = times[SPLIT_SMS] as number[];
    COUNTERS.forEach((counter, k) => {
      const answer = counter.run(text);
      const mine = times[k] as number[];
      const ratio = median(mine.map((t, r) => t / (split[r] as number)));
      rows.push([
        name,
        counter.name,
        median(mine).toFixed(1),
        `${Math.min(...mine).toFixed(1)}-${Math.max(...mine).toFixed(1)}`,
        k === SPLIT_SMS ? '1' : `${ratio.toFixed(2)}×`,
        `${answer.encoding} / ${answer.segments} seg / ${answer.units} units`,
        k === 0 ? '-' : verdict(answer, ours),
      ]);
    });
  }
  const loadAfter = readFileSync('/proc/loadavg', 'utf8').trim();
  const body = [
    `Texts of ${LENGTH} UTF-16 code units; CPU µs per call (process.cpuUsage, so time spent waiting for a core on this shared machine is left out): median over ${ROUNDS} interleaved rounds of ≥ ${ROUND_BUDGET_MS} ms each (after warm-up), with the fastest and slowest round.`,
    '"× split-sms": the median over the rounds of this counter\'s time divided by split-sms\'s in the same round.',
    '"outpost countSegments" reads encoding, segments and units (as the bulk check and the merge preview do): its offending graphemes are built only when read. "+ every position read" also reads the start and length of every offending grapheme (from forcingPositions, without one object per grapheme); the reference copy builds them on every call. sms-segments-calculator is also asked for its non-GSM characters.',
    `Shared machine: /proc/loadavg was \`${loadBefore}\` before and \`${loadAfter}\` after the run.`,
    '',
    table(
      [
        'text',
        'counter',
        'CPU µs/call (median)',
        'rounds min-max',
        '× split-sms',
        'answer',
        'vs ours',
      ],
      rows,
    ),
  ].join('\n');
  console.log(body);
  if (process.argv.includes('--no-record')) return;
  writeSection('segments', 'Segment counter (bench/segments.bench.ts)', body);
}

main();
