import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const RESULTS = join(__dirname, '..', 'RESULTS.md');
const HEADER =
  '# Benchmark results\n\nEach section is rewritten by the benchmark that owns it (`npm run bench` runs them all).\n';

/** One line naming the machine and date, so a figure is never read without its context. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = Math.round(totalmem() / 2 ** 30);
  const date = new Date().toISOString().slice(0, 10);
  return `${date} · ${cpus().length} cores (${cpu}) · ${gib} GiB · Node ${process.version}`;
}

/** Renders rows as a Markdown table (also readable when printed to a terminal). */
export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Replaces this benchmark's section of bench/RESULTS.md (between its markers),
 * leaving every other benchmark's section as it was. With `--no-record` on the
 * command line nothing is written: an A/B or exploratory run of any bench
 * must not overwrite the figures a section stands for.
 */
export function writeSection(name: string, title: string, body: string): void {
  if (process.argv.includes('--no-record')) return;
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n## ${title}\n\n${machineLine()}\n\n${body.trim()}\n${end}`;
  let doc: string;
  try {
    doc = readFileSync(RESULTS, 'utf8');
  } catch {
    doc = HEADER;
  }
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  doc =
    from >= 0 && to > from
      ? doc.slice(0, from) + section + doc.slice(to + end.length)
      : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS, doc);
}

/** Peak resident memory so far, in MiB (resourceUsage reports KiB on Linux). */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** The p-th percentile (nearest rank) of a sample; NaN for an empty one. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}
