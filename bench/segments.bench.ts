/**
 * Segment counter throughput on 1,600-character texts, side by side with the
 * three npm counters. Each counter's answer (encoding, segments, units) is
 * checked against ours; sms-segments-calculator is the reference the unit
 * tests hold us to, so a "wrong" there would be our bug.
 *
 * Run: npx tsx bench/segments.bench.ts
 */
import { createRequire } from 'node:module';
import { SegmentedMessage } from 'sms-segments-calculator';
import { countSegments } from '../shared/sms/counter';
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

function microsPerCall(run: (text: string) => unknown, text: string): number {
  for (let i = 0; i < 50; i++) run(text);
  const budgetMs = 400;
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 20; i++) run(text);
    calls += 20;
    elapsed = performance.now() - start;
  }
  return (elapsed * 1000) / calls;
}

function verdict(answer: Answer, ours: Answer): string {
  const wrong = (['encoding', 'segments', 'units'] as const).filter((k) => answer[k] !== ours[k]);
  return wrong.length === 0
    ? 'same as ours'
    : `differs: ${wrong.map((k) => `${k} ${answer[k]}`).join(', ')}`;
}

function main(): void {
  const rows: (string | number)[][] = [];
  for (const { name, text } of TEXTS) {
    const ours = COUNTERS[0]?.run(text) as Answer;
    for (const counter of COUNTERS) {
      const answer = counter.run(text);
      const us = microsPerCall(counter.run, text);
      rows.push([
        name,
        counter.name,
        us.toFixed(1),
        `${answer.encoding} / ${answer.segments} seg / ${answer.units} units`,
        counter === COUNTERS[0] ? '-' : verdict(answer, ours),
      ]);
    }
  }
  const body = [
    `Texts of ${LENGTH} UTF-16 code units; µs per call (mean over ≥ 400 ms after warm-up).`,
    'Ours includes the offending-grapheme positions; sms-segments-calculator is also asked for its non-GSM characters.',
    '',
    table(['text', 'counter', 'µs/call', 'answer', 'vs ours'], rows),
  ].join('\n');
  console.log(body);
  writeSection('segments', 'Segment counter (bench/segments.bench.ts)', body);
}

main();
