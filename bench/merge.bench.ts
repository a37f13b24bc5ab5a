/**
 * Merge + count over 100,000 generated CSV-like rows, streamed one at a time
 * through BulkSegmentStats: total time and peak memory.
 *
 * Run: npx tsx bench/merge.bench.ts
 */
import { BulkSegmentStats } from '../shared/merge/bulk-stats';
import type { MergeRow } from '../shared/merge/render';
import { parseTemplate } from '../shared/merge/template';
import { peakRssMiB, table, writeSection } from './lib/results';

const ROWS = 100_000;
const HEADER = ['name', 'amount', 'city', 'link'];
const NAMES = ['ana silva', 'joão pereira', 'maria', 'PEDRO COSTA', 'zoë', 'li wei', 'ines'];
const CITIES = ['Lisboa', 'Porto', 'Faro', 'Coimbra', 'Braga'];

/** A CSV line as a file would hold it; every 997th row leaves the amount blank. */
function csvLine(i: number): string {
  const amount = i % 997 === 0 ? '' : `${(i * 7919) % 2_000_000}.${i % 100}`;
  const name = NAMES[i % NAMES.length] ?? '';
  const city = CITIES[i % CITIES.length] ?? '';
  return `${name},${amount},${city},https://shop.example.com/orders/${i}?ref=sms`;
}

/** Streams rows: nothing but the current row exists at any time. */
function* rows(): Generator<MergeRow> {
  for (let i = 1; i <= ROWS; i++) {
    const cells = csvLine(i).split(',');
    const row: Record<string, string> = {};
    HEADER.forEach((h, k) => {
      row[h] = cells[k] ?? '';
    });
    yield row;
  }
}

const TEMPLATES = [
  {
    name: 'GSM-7',
    source:
      'Hi {name|capitalizeAll}, your balance is {amount|formatCommaDot} EUR at {city|upper}. Details: {link|shorten} Stop: {UNSUB_URL}',
  },
  {
    name: 'Portuguese (UCS-2)',
    source:
      'Olá {name|capitalize}, o seu saldo é {amount|formatDotComma}€ na loja de {city}. Código {OTP_CODE}. Veja {link|shorten} Parar: {UNSUB_URL}',
  },
];

function run(source: string) {
  const template = parseTemplate(source);
  const stats = new BulkSegmentStats();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  let n = 0;
  for (const row of rows()) stats.addRow(++n, template, row);
  const ms = performance.now() - start;
  const heapAfter = process.memoryUsage().heapUsed;
  return { ms, summary: stats.summary(), heapDeltaMiB: (heapAfter - heapBefore) / 2 ** 20 };
}

function main(): void {
  const baselineMiB = peakRssMiB();
  const out: (string | number)[][] = [];
  for (const t of TEMPLATES) {
    run(t.source); // warm-up
    const { ms, summary, heapDeltaMiB } = run(t.source);
    const s = summary.segments;
    out.push([
      t.name,
      ROWS,
      ms.toFixed(0),
      ((ms * 1000) / ROWS).toFixed(2),
      `${s.min} / ${s.max} / ${s.total}`,
      summary.failed.count,
      heapDeltaMiB.toFixed(1),
      peakRssMiB(),
    ]);
  }
  const body = [
    `${ROWS.toLocaleString('en')} rows generated and split one at a time, rendered with the template and counted (auto encoding, 15-part limit).`,
    'Rows with a blank amount fail with a per-row error. Heap Δ is heap in use after the run minus before (garbage not yet collected included).',
    `Peak RSS before the first row: ${baselineMiB} MiB (Node + tsx + modules).`,
    '',
    table(
      [
        'template',
        'rows',
        'total ms',
        'µs/row',
        'segments min / max / total',
        'failed rows',
        'heap Δ MiB',
        'peak RSS MiB',
      ],
      out,
    ),
  ].join('\n');
  console.log(body);
  writeSection('merge', 'Merge + count (bench/merge.bench.ts)', body);
}

main();
