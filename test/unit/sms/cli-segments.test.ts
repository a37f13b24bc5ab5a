import { describe, expect, it } from 'vitest';
import { SegmentsUsageError, segmentsCommand } from '../../../electron/cli/commands/segments';

const run = (input: string, encoding: 'auto' | 'gsm' | 'gsm-pt' | 'ucs2' = 'auto', lines = false) =>
  segmentsCommand(input, { encoding, lines });

describe('outpost segments', () => {
  it('prints the contract fields, in order, for the whole of stdin', () => {
    expect(run('Hello\n')).toEqual([
      '{"encoding":"gsm","segments":1,"units":5,"unitsPerSegment":160,"forcingUcs2":[]}',
    ]);
  });

  it('strips exactly one trailing newline (the one echo adds)', () => {
    expect(JSON.parse(run('a\n\n')[0] ?? '').units).toBe(2);
    expect(JSON.parse(run('a\r\n')[0] ?? '').units).toBe(1);
    expect(JSON.parse(run('a')[0] ?? '').units).toBe(1);
  });

  it('lists the characters that force UCS-2 as strings', () => {
    expect(JSON.parse(run('Olá 👍🏽\n')[0] ?? '')).toEqual({
      encoding: 'ucs2',
      segments: 1,
      units: 8,
      unitsPerSegment: 70,
      forcingUcs2: ['á', '👍🏽'],
    });
  });

  it('honours --encoding', () => {
    expect(JSON.parse(run('ação', 'gsm-pt')[0] ?? '')).toMatchObject({
      encoding: 'gsm-pt',
      units: 4,
      unitsPerSegment: 155,
    });
    expect(JSON.parse(run('abc', 'ucs2')[0] ?? '')).toMatchObject({ encoding: 'ucs2', units: 3 });
  });

  it('with --lines prints one result per JSON line, in order', () => {
    const input = `${JSON.stringify('a'.repeat(161))}\n"é"\r\n${JSON.stringify('line\nbreak')}\n`;
    const out = run(input, 'auto', true).map((line) => JSON.parse(line));
    expect(out.map((r) => [r.segments, r.units])).toEqual([
      [2, 161],
      [1, 1],
      [1, 10],
    ]);
  });

  it('with --lines rejects a line that is not a JSON string, naming it', () => {
    const bad = () => run('"ok"\n42\n', 'auto', true);
    expect(bad).toThrow(SegmentsUsageError);
    expect(bad).toThrow('Line 2 of stdin is not a JSON-encoded string.');
    expect(() => run('"ok"\nplain text\n', 'auto', true)).toThrow(/Line 2/);
    expect(() => run('"ok"\n\n"x"\n', 'auto', true)).toThrow(/Line 2/);
  });

  it('with --lines and empty stdin prints nothing', () => {
    expect(run('', 'auto', true)).toEqual([]);
  });

  it('rejects an unknown encoding as a usage error', () => {
    expect(() => run('x', 'utf-16' as 'auto')).toThrow(SegmentsUsageError);
  });
});
