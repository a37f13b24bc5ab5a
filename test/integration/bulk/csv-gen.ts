import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const NAMES = ['ana', 'luis', 'MARÍA', 'joão', 'françois', 'zoë', 'björn', 'Ñuño'];

/** A Spanish mobile number per index, all distinct (6xx xxx xxx). */
export function spanishMobile(i: number): string {
  return `6${String(10_000_000 + i).padStart(8, '0')}`;
}

/** Writes a contacts CSV of `rows` rows (name;phone;amount with decimal commas by default). */
export function writeContactsCsv(
  path: string,
  rows: number,
  options: { delimiter?: string; encoding?: 'utf8' | 'win1252'; bom?: boolean } = {},
): void {
  const d = options.delimiter ?? ';';
  const lines = [`nombre${d}móvil${d}importe`];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${NAMES[i % NAMES.length]}${d}${spanishMobile(i)}${d}${i % 100},${String(i % 97).padStart(2, '0')}`,
    );
  }
  const text = `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
  writeFileSync(path, options.encoding === 'win1252' ? iconv.encode(text, 'win1252') : text);
}
