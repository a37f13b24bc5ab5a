import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BulkSegmentStats } from '../../../shared/merge/bulk-stats';
import { parseTemplate } from '../../../shared/merge/template';
import { countSegments } from '../../../shared/sms/counter';

describe('bulk segment stats', () => {
  const template = parseTemplate('Olá {name|capitalize}, your code {OTP_CODE}. Stop: {UNSUB_URL}');

  it('gives min, max and total segments over the rows, and the rows that fail', () => {
    const stats = new BulkSegmentStats();
    stats.addRow(1, template, { name: 'ana' });
    stats.addRow(2, template, { name: 'b'.repeat(200) });
    stats.addRow(3, template, {});
    const s = stats.summary();
    expect(s).toMatchObject({ rows: 3, counted: 2, segments: { min: 1, max: 4, total: 5 } });
    expect(s.encodings).toEqual({ gsm: 0, 'gsm-pt': 0, ucs2: 2 });
    expect(s.failed).toEqual({
      count: 1,
      rows: [
        { row: 3, field: 'name', reason: 'missing', message: 'The row has no value for {name}.' },
      ],
    });
  });

  it('reports the rows that exceed the part limit, keeping at most keepRows of them', () => {
    const stats = new BulkSegmentStats({ maxParts: 1, keepRows: 1 });
    for (let row = 1; row <= 5; row++) stats.addText(row, 'x'.repeat(row * 50));
    expect(stats.summary().exceeding).toEqual({ count: 2, rows: [4] });
  });

  it('reports zeros when no row rendered', () => {
    expect(new BulkSegmentStats().summary().segments).toEqual({ min: 0, max: 0, total: 0 });
  });

  it('matches counting each row on its own', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 400 }), { minLength: 1, maxLength: 30 }),
        (texts) => {
          const stats = new BulkSegmentStats();
          texts.forEach((t, i) => {
            stats.addText(i + 1, t);
          });
          const each = texts.map((t) => countSegments(t).segments);
          expect(stats.summary().segments).toEqual({
            min: Math.min(...each),
            max: Math.max(...each),
            total: each.reduce((a, b) => a + b, 0),
          });
        },
      ),
    );
  });
});
