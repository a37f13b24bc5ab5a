import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AccountAddReply, AccountAddRequest } from '../../../shared/ipc/schemas/accounts';
import type { Db } from '../db/connection';
import { isProviderError } from '../providers/errors';
import { createAdapter } from '../providers/registry';
import { addAccount, listAccounts } from './repository';

type Request = z.output<typeof AccountAddRequest>;
type Reply = z.output<typeof AccountAddReply>;
type Field = Extract<Reply, { ok: false }>['field'];

/** Where a failed check points the person. */
function fieldFor(error: unknown): Field {
  if (!isProviderError(error)) return null;
  // 112 comes with HTTP 401 too, so it is told apart first.
  if (String(error.code) === '112') return 'localAddress';
  if (String(error.code) === '103' || error.httpStatus === 401) return 'secret';
  if (error.code === 'network' || error.code === 'tls' || error.httpStatus === 404)
    return 'baseUrl';
  return null;
}

/**
 * Adds a provider account from the app: checks the credentials (and, for
 * 360nrs, this computer's address) against the provider first, unless the
 * person chose to save offline, then keeps the secret in the vault and only
 * its reference in the database.
 */
export async function addAccountChecked(
  db: Db,
  secrets: { store(key: string, secret: string): string },
  request: Request,
): Promise<Reply> {
  if (request.provider === 'nrs' && !request.username) {
    return { ok: false, field: 'username', message: 'A 360nrs account needs its API user name.' };
  }
  if (listAccounts(db).some((a) => a.name === request.name)) {
    return {
      ok: false,
      field: 'name',
      message: `An account named "${request.name}" already exists.`,
    };
  }
  let checked = false;
  if (!request.skipCheck) {
    const adapter = createAdapter({
      provider: request.provider,
      baseUrl: request.baseUrl,
      secret: request.secret,
      totalTimeoutMs: 15_000,
      ...(request.username ? { username: request.username } : {}),
      ...(request.localAddress ? { localAddress: request.localAddress } : {}),
    });
    try {
      await adapter.verify();
      checked = true;
    } catch (error) {
      return {
        ok: false,
        field: fieldFor(error),
        message: error instanceof Error ? error.message : String(error),
      };
    } finally {
      await adapter.close();
    }
  }
  const secretRef = secrets.store(`account-${randomUUID()}`, request.secret);
  const account = addAccount(db, {
    name: request.name,
    provider: request.provider,
    baseUrl: request.baseUrl,
    username: request.username ?? null,
    secretRef,
    localAddress: request.localAddress ?? null,
  });
  return { ok: true, id: account.id, checked };
}
