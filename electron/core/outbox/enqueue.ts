import type { ProviderKind } from '../../../shared/domain/capabilities';
import type { MessageEncoding } from '../../../shared/domain/message';
import type { ScheduleMode } from '../../../shared/domain/message-state';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';
import { capabilitiesOf } from '../providers/registry';
import { fieldNamesOf, fieldValuesOf, templateIdFor } from './fields';
import { DEFAULT_RETRY_POLICY } from './policy';
import { nextMessageId, queuedRows } from './queued-rows';

/** The campaign a single send is counted in on the provider's dashboard unless told otherwise. */
export const DEFAULT_CAMPAIGN = 'Outpost';

export interface NewMessage {
  accountId: number;
  jobId?: number | null;
  recipient: string;
  sender: string;
  /** The text as written; identical templates are batched into one request. */
  template: string;
  fields?: Record<string, string>;
  /** The rendered text this recipient will read. */
  body: string;
  encoding: MessageEncoding;
  segments: number;
  maxParts: number;
  /** Not sent before this time (ms): at the provider where it can hold it, else here. */
  scheduledFor?: number | null;
  /** The end of validity (ms): 360nrs expirationDate; past it, the message is not sent. */
  expiresAt?: number | null;
  /** The provider's campaignName; default "Outpost". */
  campaignName?: string | null;
}

/**
 * Where a send with a time waits: a provider that holds scheduled messages
 * (360nrs scheduleDate) gets it at once, so it goes out on time with this
 * computer closed; any other keeps it in the local queue until its time.
 */
export function scheduleModeFor(provider: ProviderKind): ScheduleMode {
  return capabilitiesOf(provider).scheduleSend ? 'provider' : 'local';
}

/**
 * Writes messages to the outbox in ONE transaction, before anything touches
 * the network: either every recipient is queued or none is. What recipients
 * share (the template and its field names) is written once per distinct
 * template; a row carries only its own values. Rows go in many per statement
 * (queued-rows.ts), bound by position: naming parameters costs about as much
 * as the insert itself.
 */
export function enqueueMessages(
  db: Db,
  messages: readonly NewMessage[],
  options: { now?: number; giveUpAfterMs?: number } = {},
): number[] {
  const now = options.now ?? Date.now();
  const giveUpAfter = options.giveUpAfterMs ?? DEFAULT_RETRY_POLICY.giveUpAfterMs;
  const modeOf = scheduleModes(db);
  const queued = writeTransaction(db, () => {
    const templateOf = templateIds(db);
    const rows = queuedRows(db);
    const { params } = rows;
    const first = nextMessageId(db);
    const ids = new Array<number>(messages.length);
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i] as NewMessage;
      const scheduled = m.scheduledFor ?? null;
      const mode = scheduled === null ? null : modeOf(m.accountId);
      // A provider-held schedule is handed over now; a local one waits in the queue.
      const start = mode === 'local' ? Math.max(now, scheduled ?? now) : now;
      const shared = templateOf(m.template, m.fields);
      const id = first + i;
      ids[i] = id;
      // In the order of QUEUED_ROW_COLUMNS.
      let at = rows.slot();
      params[at++] = id;
      params[at++] = m.accountId;
      params[at++] = m.jobId ?? null;
      params[at++] = m.recipient;
      params[at++] = m.sender;
      params[at++] = shared.id;
      params[at++] = fieldValuesOf(m.fields, shared.names);
      params[at++] = m.body;
      params[at++] = m.encoding;
      params[at++] = m.segments;
      params[at++] = m.maxParts;
      params[at++] = start;
      params[at++] = scheduled;
      params[at++] = mode;
      params[at++] = m.expiresAt ?? null;
      params[at++] = m.campaignName ?? DEFAULT_CAMPAIGN;
      // The give-up clock starts when the message may first go out: for one held at the
      // provider that is its time, so a long offline spell before it is not a give-up.
      params[at++] = Math.max(start, scheduled ?? start) + giveUpAfter;
      params[at++] = now;
      params[at] = now;
    }
    rows.finish();
    return ids;
  });
  // After the commit: the foreign keys are checked there (015), and a send it refuses never happened.
  eventsOf(db).outboxChanged(queued);
  return queued;
}

/** Where each account keeps a schedule, looked up once per account per call. */
function scheduleModes(db: Db): (accountId: number) => ScheduleMode {
  const providerOf = prepareOnce(db, 'SELECT provider FROM accounts WHERE id = ?');
  const modes = new Map<number, ScheduleMode>();
  return (accountId) => {
    let mode = modes.get(accountId);
    if (mode === undefined) {
      const row = providerOf.get(accountId) as { provider: ProviderKind } | undefined;
      mode = row ? scheduleModeFor(row.provider) : 'local';
      modes.set(accountId, mode);
    }
    return mode;
  };
}

interface SharedTemplate {
  id: number;
  /** The field names in the order the row's values are stored. */
  names: readonly string[];
}

/**
 * Template ids by text and field names, looked up (or written) once per
 * distinct template per call. The rows of a send nearly always repeat the
 * previous row's template and field keys, so that case is answered by a
 * comparison with the previous row, without sorting the names or building a
 * key (about a fifth of the enqueue's time on 100,000 rows).
 */
function templateIds(
  db: Db,
): (text: string, fields: Readonly<Record<string, string>> | undefined) => SharedTemplate {
  const byKey = new Map<string, SharedTemplate>();
  let lastText: string | null = null;
  let lastKeys: readonly string[] = [];
  let last: SharedTemplate | null = null;
  return (text, fields) => {
    if (last !== null && text === lastText && hasKeys(fields, lastKeys)) return last;
    const keys = fields ? Object.keys(fields) : [];
    const names = fieldNamesOf(fields);
    // The count first: names never hold NUL, so no two (text, names) pairs share a key.
    const key = `${names.length}\u0000${names.join('\u0000')}\u0000${text}`;
    let shared = byKey.get(key);
    if (shared === undefined) {
      shared = { id: templateIdFor(db, text, names), names };
      byKey.set(key, shared);
    }
    lastText = text;
    lastKeys = keys;
    last = shared;
    return shared;
  };
}

/**
 * `fields` has exactly these keys in this order (then its sorted names are the
 * same too), checked without building its key list: no array per row.
 */
function hasKeys(
  fields: Readonly<Record<string, string>> | undefined,
  keys: readonly string[],
): boolean {
  let i = 0;
  if (fields)
    for (const key in fields) {
      if (!Object.hasOwn(fields, key)) continue;
      if (keys[i] !== key) return false;
      i++;
    }
  return i === keys.length;
}
