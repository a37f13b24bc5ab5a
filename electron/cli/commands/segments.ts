import { countSegments, type EncodingChoice, forcingPositions } from '../../../shared/sms/counter';
import { forcingStrings } from '../../../shared/sms/forcing-positions';
import { SEGMENT_ENCODINGS } from './segment-encodings';

export interface SegmentsOptions {
  encoding: EncodingChoice;
  /** Every stdin line is one JSON-encoded string; one result per line. */
  lines: boolean;
}

/** Bad input on the command line or stdin: the CLI exits 2 with this message. */
export class SegmentsUsageError extends Error {
  override readonly name = 'SegmentsUsageError';
  readonly exitCode = 2;
}

/** The JSON line of the DESIGN.md contract, with exactly these fields in this order. */
export function segmentsResultLine(text: string, encoding: EncodingChoice): string {
  const r = countSegments(text, { encoding });
  return JSON.stringify({
    encoding: r.encoding,
    segments: r.segments,
    units: r.units,
    unitsPerSegment: r.unitsPerSegment,
    forcingUcs2: forcingStrings(forcingPositions(r)),
  });
}

/**
 * Shells end `echo` output with a newline the person did not mean as part of
 * the message, so exactly one trailing "\n" (or "\r\n") is dropped; any
 * further line breaks are kept and counted.
 */
export function stripOneTrailingNewline(input: string): string {
  if (input.endsWith('\r\n')) return input.slice(0, -2);
  if (input.endsWith('\n')) return input.slice(0, -1);
  return input;
}

function parseLine(line: string, lineNumber: number): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'string') {
    throw new SegmentsUsageError(`Line ${lineNumber} of stdin is not a JSON-encoded string.`);
  }
  return value;
}

/**
 * `outpost segments`: counts the message(s) read from stdin and returns the
 * output lines. With `lines`, the input is split on "\n" (a "\r" before it is
 * dropped, and so is the empty piece after a final newline); every line must
 * be a JSON string, else the whole run is a usage error naming the line, and
 * nothing is printed.
 */
export function segmentsCommand(input: string, opts: SegmentsOptions): string[] {
  if (!SEGMENT_ENCODINGS.includes(opts.encoding)) {
    throw new SegmentsUsageError(
      `Unknown encoding "${opts.encoding}": use one of ${SEGMENT_ENCODINGS.join(', ')}.`,
    );
  }
  if (!opts.lines) return [segmentsResultLine(stripOneTrailingNewline(input), opts.encoding)];
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const texts = lines.map((line, i) =>
    parseLine(line.endsWith('\r') ? line.slice(0, -1) : line, i + 1),
  );
  return texts.map((text) => segmentsResultLine(text, opts.encoding));
}
