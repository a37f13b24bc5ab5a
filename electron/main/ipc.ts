import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/ipc/contract';
import type { Dispatch } from '../core/ipc/dispatch';
import { isTrustedSenderUrl } from './trusted-sender';

/** One ipcMain handler per contract channel; validation happens in the dispatcher. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'This page may not call Outpost.' },
        };
      }
      return dispatch(channel, payload);
    });
  }
}
