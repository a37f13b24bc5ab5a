import Papa from 'papaparse';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

export interface DelimiterGuess {
  delimiter: Delimiter;
  reason: string;
}

/** Rows of the sample looked at; enough to see an inconsistent column count. */
const SAMPLE_ROWS = 50;

function isBlank(row: string[]): boolean {
  return row.length === 1 && (row[0] ?? '').trim() === '';
}

/** Trailing empty cells (Excel's ";;;") do not make a row wider. */
function width(row: string[]): number {
  let n = row.length;
  while (n > 1 && (row[n - 1] ?? '') === '') n--;
  return n;
}

interface Score {
  delimiter: Delimiter;
  headerWidth: number;
  consistency: number;
}

function score(sample: string, delimiter: Delimiter): Score {
  const rows = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_ROWS }).data.filter(
    (r) => !isBlank(r),
  );
  const headerWidth = rows[0] ? width(rows[0]) : 0;
  const rest = rows.slice(1);
  const same = rest.filter((r) => width(r) === headerWidth).length;
  return { delimiter, headerWidth, consistency: rest.length === 0 ? 1 : same / rest.length };
}

/**
 * Guesses the delimiter from the first line and the first rows. PapaParse's
 * own guess counts delimiters and so picks ',' for European files with
 * decimal commas ("12,50" in a ';' file); here a candidate must split the
 * header into several columns AND give the following rows that same width.
 */
export function guessDelimiter(sample: string): DelimiterGuess {
  const scores = DELIMITERS.map((d) => score(sample, d)).filter((s) => s.headerWidth > 1);
  scores.sort(
    (a, b) =>
      b.consistency - a.consistency ||
      b.headerWidth - a.headerWidth ||
      DELIMITERS.indexOf(a.delimiter) - DELIMITERS.indexOf(b.delimiter),
  );
  const best = scores[0];
  if (!best) {
    return {
      delimiter: ',',
      reason: 'no delimiter splits the first line, so the file has one column',
    };
  }
  const percent = Math.round(best.consistency * 100);
  return {
    delimiter: best.delimiter,
    reason: `the ${DELIMITER_NAMES[best.delimiter]} splits the first line into ${best.headerWidth} columns and ${percent}% of the first rows have as many`,
  };
}

/** Accepts a name or the character itself, for the --delimiter option. */
export function parseDelimiter(text: string): Delimiter | undefined {
  const lower = text.toLowerCase();
  for (const d of DELIMITERS) {
    if (text === d || lower === DELIMITER_NAMES[d]) return d;
  }
  if (lower === '\\t' || lower === 'tsv') return '\t';
  return undefined;
}
