import type { ProviderKind } from '../../../shared/domain/capabilities';
import type { Db } from '../db/connection';
import { prepareOnce } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { eventsOf } from '../events/sink';

export interface Account {
  id: number;
  name: string;
  provider: ProviderKind;
  baseUrl: string;
  username: string | null;
  secretRef: string;
  localAddress: string | null;
  lastOkIp: string | null;
  paused: { code: string; reason: string; at: number } | null;
  createdAt: number;
}

interface AccountRow {
  id: number;
  name: string;
  provider: ProviderKind;
  base_url: string;
  username: string | null;
  secret_ref: string;
  local_address: string | null;
  last_ok_ip: string | null;
  paused_code: string | null;
  paused_reason: string | null;
  paused_at: number | null;
  created_at: number;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    baseUrl: row.base_url,
    username: row.username,
    secretRef: row.secret_ref,
    localAddress: row.local_address,
    lastOkIp: row.last_ok_ip,
    paused:
      row.paused_code === null
        ? null
        : { code: row.paused_code, reason: row.paused_reason ?? '', at: row.paused_at ?? 0 },
    createdAt: row.created_at,
  };
}

export interface NewAccount {
  name: string;
  provider: ProviderKind;
  baseUrl: string;
  username?: string | null;
  secretRef: string;
  localAddress?: string | null;
}

export class AccountExistsError extends Error {
  constructor(name: string) {
    super(`An account named "${name}" already exists.`);
    this.name = 'AccountExistsError';
  }
}

export class AccountNotFoundError extends Error {
  constructor(name: string | number) {
    super(`There is no account named "${name}".`);
    this.name = 'AccountNotFoundError';
  }
}

export function addAccount(db: Db, input: NewAccount, now = Date.now()): Account {
  return writeTransaction(db, () => {
    const exists = prepareOnce(db, 'SELECT 1 FROM accounts WHERE name = ?').get(input.name);
    if (exists) throw new AccountExistsError(input.name);
    const { lastInsertRowid } = prepareOnce(
      db,
      `INSERT INTO accounts (name, provider, base_url, username, secret_ref, local_address, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.name,
      input.provider,
      input.baseUrl,
      input.username ?? null,
      input.secretRef,
      input.localAddress ?? null,
      now,
    );
    eventsOf(db).emit('accounts.changed', {});
    return getAccount(db, Number(lastInsertRowid));
  });
}

export function listAccounts(db: Db): Account[] {
  return (prepareOnce(db, 'SELECT * FROM accounts ORDER BY name').all() as AccountRow[]).map(
    toAccount,
  );
}

export function getAccount(db: Db, id: number): Account {
  const row = prepareOnce(db, 'SELECT * FROM accounts WHERE id = ?').get(id) as
    | AccountRow
    | undefined;
  if (!row) throw new AccountNotFoundError(id);
  return toAccount(row);
}

export function findAccountByName(db: Db, name: string): Account {
  const row = prepareOnce(db, 'SELECT * FROM accounts WHERE name = ?').get(name) as
    | AccountRow
    | undefined;
  if (!row) throw new AccountNotFoundError(name);
  return toAccount(row);
}

export function setLocalAddress(db: Db, id: number, localAddress: string | null): void {
  prepareOnce(db, 'UPDATE accounts SET local_address = ? WHERE id = ?').run(localAddress, id);
  eventsOf(db).emit('accounts.changed', {});
}

export function rememberOkIp(db: Db, id: number, ip: string): void {
  const { changes } = prepareOnce(
    db,
    'UPDATE accounts SET last_ok_ip = ? WHERE id = ? AND last_ok_ip IS NOT ?',
  ).run(ip, id, ip);
  if (changes > 0) eventsOf(db).emit('accounts.changed', {});
}
