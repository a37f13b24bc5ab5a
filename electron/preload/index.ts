import { contextBridge, ipcRenderer } from 'electron';
import { buildOutpostApi, type OutpostApi } from '../../shared/ipc/client';
import type { IpcResult } from '../../shared/ipc/errors';

// window.outpost is generated from the contract: the preload knows no channel by name.
const api = buildOutpostApi(
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<IpcResult<unknown>>,
) satisfies OutpostApi;

contextBridge.exposeInMainWorld('outpost', api);
