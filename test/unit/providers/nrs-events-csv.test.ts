import { describe, expect, it } from 'vitest';
import { parseSendingEventsCsv } from '../../../electron/core/providers/nrs/campaigns';
import { SENDING_EVENTS_CSV_COLUMNS } from '../../../shared/providers/nrs/campaigns';

const header = SENDING_EVENTS_CSV_COLUMNS.join(',');

describe('events report CSV', () => {
  it('reads rows by column name, empty cells as null', () => {
    const csv = `${header}\r\nouty-1,10,20,5,sent,34666555444,,,ES,,,,2024-01-01T10:00:00+00:00\r\nouty-1,10,20,5,delivered,34666555444,,,ES,,,,2024-01-01T10:00:05+00:00\r\n`;
    const rows = parseSendingEventsCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows?.[1]).toEqual({
      campaignName: 'outy-1',
      campaignId: '10',
      sendingId: '20',
      contactId: '5',
      event: 'delivered',
      phone: '34666555444',
      email: null,
      countryIso: 'ES',
      url: null,
      createdAt: '2024-01-01T10:00:05+00:00',
      customFields: {},
    });
  });

  it('keeps quoted commas, quotes and newlines inside a cell', () => {
    const csv = `${header}\n"Spring, ""big"" sale",1,2,3,clicked,34600000000,a@b.c,,ES,Firefox,Linux,"https://x.test/?a=1,2\nz",2024-01-01T10:00:00Z\n`;
    const [row] = parseSendingEventsCsv(csv) ?? [];
    expect(row?.campaignName).toBe('Spring, "big" sale');
    expect(row?.url).toBe('https://x.test/?a=1,2\nz');
  });

  it('collects extra custom-field columns and tolerates a BOM and column order', () => {
    const cols = [...SENDING_EVENTS_CSV_COLUMNS].reverse();
    const values = cols.map((c) => (c === 'event' ? 'sent' : c === 'phone' ? '34611111111' : 'v'));
    const csv = `\uFEFF${[...cols, 'name'].join(',')}\n${[...values, 'Ana'].join(',')}\n`;
    const [row] = parseSendingEventsCsv(csv) ?? [];
    expect(row?.event).toBe('sent');
    expect(row?.phone).toBe('34611111111');
    expect(row?.customFields).toEqual({ name: 'Ana' });
  });

  it('returns no rows for an empty report or a header alone', () => {
    expect(parseSendingEventsCsv('')).toEqual([]);
    expect(parseSendingEventsCsv(`${header}\n`)).toEqual([]);
  });

  it('refuses a body without the report columns (e.g. an HTML page)', () => {
    expect(parseSendingEventsCsv('<html><title>Login</title></html>')).toBeNull();
  });
});
