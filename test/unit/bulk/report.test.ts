import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../../electron/core/bulk/report';
import type { ValidRow } from '../../../electron/core/bulk/row-check';
import type { CsvSniff } from '../../../electron/core/bulk/sniff';
import type { CoveragePrice } from '../../../shared/cost';

const PRICES: CoveragePrice[] = [
  {
    countryIso: 'ES',
    countryName: 'Spain',
    dialCode: '34',
    network: null,
    pricePerPart: 0.05,
    currency: 'EUR',
  },
];

const SNIFF: CsvSniff = {
  path: 'x.csv',
  bytes: 10,
  encoding: { name: 'utf-8', guessed: true, reason: 'r', bomBytes: 0 },
  delimiter: { char: ',', name: 'comma', guessed: true, reason: 'r' },
  header: { present: true, guessed: true },
  mapping: { fields: ['phone'], headers: ['phone'], roles: { phone: { column: 0, by: 'header' } } },
  preview: [],
};

function valid(
  row: number,
  segments: number,
  text = 'x',
  countryIso: string | null = 'ES',
): ValidRow {
  return {
    row,
    recipient: `3461234567${row}`,
    countryIso,
    text,
    encoding: 'gsm',
    segments,
    fields: {},
    deferredUntil: null,
    warnings: [],
  };
}

describe('ReportBuilder', () => {
  it('prices the valid rows per part and warns when the balance cannot cover the dearest estimate', () => {
    const b = new ReportBuilder(10, PRICES, 'EUR');
    b.addValid(valid(2, 1));
    b.addValid(valid(3, 3, 'a longer text'));
    b.addIssue({ row: 4, code: 'invalid-number', reason: 'bad' });
    const low = b.build(SNIFF, { costNote: null, balance: 0.1, balanceCurrency: 'EUR' });
    expect(low.cost?.totals).toMatchObject({ parts: 4, min: 0.2, max: 0.2, complete: true });
    expect(low.segments).toEqual({ min: 1, max: 3, total: 4 });
    expect(low.balance).toMatchObject({ covers: false });
    expect(low.balance?.message).toMatch(/up to 0.2 EUR.*balance \(0.1 EUR\)/);
    expect(low.preview.longest).toMatchObject({ row: 3 });
    expect(
      b.build(SNIFF, { costNote: null, balance: 5, balanceCurrency: 'EUR' }).balance,
    ).toMatchObject({
      covers: true,
      message: null,
    });
  });

  it('compares cost and balance exactly, in one currency', () => {
    const tenth: CoveragePrice[] = [
      {
        countryIso: 'ES',
        countryName: 'Spain',
        dialCode: '34',
        network: null,
        pricePerPart: 0.1,
        currency: 'EUR',
      },
    ];
    const b = new ReportBuilder(10, tenth, 'EUR');
    for (const row of [2, 3, 4]) b.addValid(valid(row, 1));
    // 0.1 + 0.1 + 0.1 is 0.30000000000000004 in floating point: a balance of 0.3 still covers it.
    expect(
      b.build(SNIFF, { costNote: null, balance: 0.3, balanceCurrency: 'EUR' }).balance,
    ).toMatchObject({
      covers: true,
    });
    expect(
      b.build(SNIFF, { costNote: null, balance: 0.2999, balanceCurrency: 'EUR' }).balance,
    ).toMatchObject({
      covers: false,
    });
    // A balance in another currency is never compared as if it were the same unit.
    expect(
      b.build(SNIFF, { costNote: null, balance: 1_000_000, balanceCurrency: 'USD' }).balance
        ?.message,
    ).toMatch(/balance is in USD but the prices are in EUR/);
  });

  it('never prices a country it has no price for as zero', () => {
    const b = new ReportBuilder(10, PRICES, 'EUR');
    b.addValid(valid(2, 1, 'x', 'FR'));
    const r = b.build(SNIFF, { costNote: null, balance: null, balanceCurrency: null });
    expect(r.cost?.totals.complete).toBe(false);
    expect(r.cost?.missing[0]?.message).toMatch(/no price for FR/);
    expect(r.balance).toBeNull();
  });

  it('keeps only the first problem rows but counts them all', () => {
    const b = new ReportBuilder(2, null);
    for (let row = 2; row < 7; row++) b.addIssue({ row, code: 'invalid-number', reason: 'bad' });
    for (let row = 7; row < 10; row++)
      b.addIssue({ row, code: 'duplicate', reason: 'dup', duplicateOf: 1 });
    const r = b.build(SNIFF, { costNote: 'offline', balance: null, balanceCurrency: null });
    expect(r).toMatchObject({
      rows: 8,
      invalidCount: 5,
      duplicates: 3,
      cost: null,
      costNote: 'offline',
    });
    expect(r.invalid.map((i) => i.row)).toEqual([2, 3]);
    expect(r.duplicateRows).toEqual([
      { row: 7, of: 1 },
      { row: 8, of: 1 },
    ]);
  });
});
