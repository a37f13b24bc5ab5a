import { afterEach, describe, expect, it } from 'vitest';
import { queueComposeSend } from '../../../electron/core/compose/send';
import { ComposeError } from '../../../electron/core/outbox/compose';
import { FIELDS_JSON_SQL, TEMPLATE_SQL } from '../../../electron/core/outbox/fields';
import { composeWorld } from './world';

let w: ReturnType<typeof composeWorld>;
afterEach(() => w.close());

const none = { contactIds: [], bookIds: [], tags: [], numbers: [] };

function rows(jobId: number | null) {
  return w.db
    .prepare(
      `SELECT recipient, body, ${TEMPLATE_SQL} AS template, ${FIELDS_JSON_SQL} AS fields, job_id,
              scheduled_for, schedule_mode, expires_at, campaign_name
       FROM messages m WHERE job_id IS ? ORDER BY id`,
    )
    .all(jobId) as {
    recipient: string;
    body: string;
    template: string;
    fields: string;
    scheduled_for: number | null;
    schedule_mode: string | null;
    expires_at: number | null;
    campaign_name: string;
  }[];
}

describe('sending one message to many', () => {
  it('queues every sendable member’s merged message exactly once, as one job', () => {
    w = composeWorld();
    const ids = [
      w.contact('34611000001', 'Ana', '', { Código: 'A1' }),
      w.contact('34611000002', 'Luis', '', { Código: 'B2' }),
      w.contact('34611000003', 'Eva', '', { Código: 'C3' }),
    ];
    const book = w.book('Tomorrow', ids);
    w.suppress('34611000003', 'manual', 'asked by phone', Date.UTC(2026, 0, 2));
    const result = queueComposeSend(w.db, {
      ...none,
      accountId: w.accountId,
      bookIds: [book],
      contactIds: [ids[0] as number],
      numbers: ['+34 611 000 002'],
      from: 'CLINIC',
      text: 'Hola {first_name}, su código es {Código}.',
    });
    expect(result.queued).toBe(2);
    expect(result.jobId).not.toBeNull();
    expect(result.leftOut).toMatchObject([{ key: '34611000003', code: 'suppressed' }]);
    const queued = rows(result.jobId);
    expect(queued.map((r) => [r.recipient, r.body])).toEqual([
      ['34611000001', 'Hola Ana, su código es A1.'],
      ['34611000002', 'Hola Luis, su código es B2.'],
    ]);
    // The provider substitutes ASCII names only: sent as {Codigo} with the value renamed.
    expect(queued[0]?.template).toBe('Hola {first_name}, su código es {Codigo}.');
    expect(JSON.parse(queued[0]?.fields ?? '{}')).toEqual({ first_name: 'Ana', Codigo: 'A1' });
    // The job's name (the provider's campaign) is the message's words without its merge fields.
    expect(queued[0]?.campaign_name).toBe('Hola, su código es.');
    const job = w.db.prepare('SELECT state, name FROM bulk_jobs WHERE id = ?').get(result.jobId);
    expect(job).toEqual({ state: 'active', name: 'Hola, su código es.' });
  });

  it('schedules at the provider where it can (360nrs) and says so; validity counted from then', () => {
    w = composeWorld('nrs');
    const at = Date.now() + 3_600_000;
    const result = queueComposeSend(w.db, {
      ...none,
      accountId: w.accountId,
      numbers: ['+34611000001', '+34611000002'],
      from: 'CLINIC',
      text: 'Reminder',
      at,
      validFor: '2h',
    });
    expect(result.schedule?.mode).toBe('provider');
    expect(result.schedule?.sentence).toMatch(/^Scheduled at the provider for/);
    for (const r of rows(result.jobId)) {
      expect(r).toMatchObject({
        scheduled_for: at,
        schedule_mode: 'provider',
        expires_at: at + 7_200_000,
      });
    }
  });

  it('keeps the schedule here for a provider that cannot hold it, with the honest sentence', () => {
    w = composeWorld('action');
    const at = Date.now() + 3_600_000;
    const result = queueComposeSend(w.db, {
      ...none,
      accountId: w.accountId,
      numbers: ['+34611000001', '+34611000002'],
      from: 'CLINIC',
      text: 'Reminder',
      at,
    });
    expect(result.schedule?.mode).toBe('local');
    expect(result.schedule?.sentence).toMatch(/this computer must be on/);
  });

  it('one recipient goes the single-send way (no job), with the merged text', () => {
    w = composeWorld();
    const ana = w.contact('34611000001', 'Ana');
    const result = queueComposeSend(w.db, {
      ...none,
      accountId: w.accountId,
      contactIds: [ana],
      from: 'CLINIC',
      text: 'Hi {first_name}',
    });
    expect(result).toMatchObject({ jobId: null, queued: 1 });
    expect(rows(null).map((r) => r.body)).toEqual(['Hi Ana']);
  });

  it('queues nothing when nobody can be sent to, and says why with an example', () => {
    w = composeWorld();
    const send = () =>
      queueComposeSend(w.db, {
        ...none,
        accountId: w.accountId,
        numbers: ['12', '+34611000001'],
        from: 'CLINIC',
        text: 'Hi {first_name}',
      });
    expect(send).toThrow(ComposeError);
    expect(send).toThrow(/None of the 2 recipients can be sent to; for example 12:/);
    expect(w.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    expect(w.db.prepare('SELECT count(*) FROM bulk_jobs').pluck().get()).toBe(0);
  });
});
