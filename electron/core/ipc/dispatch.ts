import type { z } from 'zod';
import { contract, isChannel } from '../../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../../shared/ipc/errors';
import type { HandlerTable } from './handler-table';

export type Dispatch = (channel: string, payload: unknown) => Promise<IpcResult<unknown>>;

function failure(code: IpcError['code'], message: string, issues?: IpcError['issues']) {
  return { ok: false as const, error: issues ? { code, message, issues } : { code, message } };
}

function describeIssues(error: z.ZodError): NonNullable<IpcError['issues']> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(request)',
    message: issue.message,
  }));
}

/**
 * Turns the handler table into the single entry point that Electron's ipcMain,
 * the test bridge and the smoke test all call: the channel must exist, the
 * payload must match the contract before a handler sees it, and the reply is
 * checked on the way out so a handler cannot leak fields the contract lacks.
 */
export function createDispatcher(handlers: HandlerTable): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) return failure('unknown-channel', `There is no channel "${channel}".`);
    const spec = contract[channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      const first = issues[0];
      return failure(
        'bad-request',
        `Invalid request for ${channel}: ${first?.path}: ${first?.message}.`,
        issues,
      );
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      const value = spec.reply.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (error) {
      return failure('failed', error instanceof Error ? error.message : String(error));
    }
  };
}
