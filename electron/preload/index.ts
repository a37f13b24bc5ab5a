import { contextBridge, ipcRenderer } from 'electron';
import { buildOutpostApi, type OutpostApi } from '../../shared/ipc/client';
import type { IpcResult } from '../../shared/ipc/errors';
import { EVENTS_CHANNEL, isEventMessage } from '../../shared/ipc/event-names';

// window.outpost is generated from the contract: the preload knows no channel or event by name.
const api = buildOutpostApi(
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<IpcResult<unknown>>,
  // One ipcRenderer listener for the page's lifetime; the client fans events out to subscribers.
  (deliver) => {
    ipcRenderer.on(EVENTS_CHANNEL, (_event, message: unknown) => {
      if (isEventMessage(message)) deliver(message.name, message.payload);
    });
  },
) satisfies OutpostApi;

contextBridge.exposeInMainWorld('outpost', api);
