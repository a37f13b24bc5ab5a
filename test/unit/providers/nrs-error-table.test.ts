import { describe, expect, it } from 'vitest';
import { nrsError } from '../../../electron/core/providers/nrs/errors';
import { NRS_ERROR_CODES } from '../../../shared/providers/nrs/error-codes';
import { missingSeed, seedFile } from '../../helpers/seeds';
import { response } from './helpers';

const SEED = seedFile('003_8fbc6a4471956d19.txt');
const ACCOUNT = [103, 111, 112, 118, 150];
// Sender verification is per sender: only that sender's messages stop (issue 9).
const SENDER = [115];
const TRANSIENT = [101, 122, 123];
const rows = [...NRS_ERROR_CODES.values()].filter((r) => r.kind !== null);

/** The table of seed 003 from line 9435 ("Errors") to the GSM annex: code, HTTP code, description. */
function seedTable(): { code: number; http: number; description: string }[] {
  const lines = SEED.lines;
  if (lines.length === 0) throw new Error(missingSeed(SEED));
  const start = lines.findIndex((l, i) => l === 'Errors' && lines[i + 1] === 'Error Code');
  const out = [];
  for (let i = start + 4; i + 2 < lines.length && /^\d+$/.test(lines[i] ?? ''); i += 3) {
    out.push({
      code: Number(lines[i]),
      http: Number(lines[i + 1]),
      description: lines[i + 2] ?? '',
    });
  }
  return out;
}

describe('360nrs error table', () => {
  it.skipIf(SEED.skip)(
    'holds exactly the seed table: codes, HTTP statuses and descriptions',
    () => {
      const seed = seedTable();
      expect(seed.length).toBe(80);
      expect(
        [...NRS_ERROR_CODES.values()].map((r) => ({
          code: r.code,
          http: r.httpStatus,
          description: r.description,
        })),
      ).toEqual(seed);
    },
  );

  it('marks only code 0 as success', () => {
    expect(NRS_ERROR_CODES.get(0)?.kind).toBeNull();
    expect(rows).toHaveLength(NRS_ERROR_CODES.size - 1);
  });

  it.each(rows.map((r) => [r.code, r]))('classifies code %i as the design says', (code, row) => {
    const expected = ACCOUNT.includes(code)
      ? 'account'
      : SENDER.includes(code)
        ? 'sender'
        : TRANSIENT.includes(code)
          ? 'transient'
          : 'permanent';
    const err = nrsError(
      response(row.httpStatus, { error: { code, description: row.description } }),
    );
    expect(err.kind).toBe(expected);
    expect(err.code).toBe(code);
    expect(err.httpStatus).toBe(row.httpStatus);
    expect(err.providerText).toBe(row.description);
    // A sentence for a person: starts upper case, ends with a full stop, is not the raw description.
    expect(err.message).toMatch(/^[A-Z0-9"'].*[.!]$/);
    expect(err.message.length).toBeGreaterThan(10);
  });

  it('keeps the specific text of a 422 validation error', () => {
    const err = nrsError(
      response(422, { error: { code: 422, description: 'The email field is required.' } }),
    );
    expect(err.kind).toBe('permanent');
    expect(err.message).toContain('The email field is required.');
  });

  it('falls back to the HTTP status for a code outside the table', () => {
    const err = nrsError(
      response(404, { error: { code: 404, description: 'Resource not found' } }),
    );
    expect(err.kind).toBe('permanent');
    expect(err.httpStatus).toBe(404);
    expect(err.message).toContain('Resource not found');
  });

  it('reads the string form of error bodies (e-mail validation, seed line 5120)', () => {
    const err = nrsError(response(500, { error: 'Failed to process email validation' }));
    expect(err.kind).toBe('transient');
    expect(err.message).toContain('Failed to process email validation');
  });

  it('honours Retry-After on a transient table code', () => {
    const err = nrsError(
      response(
        500,
        { error: { code: 101, description: 'Internal Database error' } },
        {
          headers: { 'retry-after': '7' },
        },
      ),
    );
    expect(err.kind).toBe('transient');
    expect(err.retryAfterMs).toBe(7000);
  });
});
