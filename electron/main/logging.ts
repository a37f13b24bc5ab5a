import { join } from 'node:path';
import { ipcMain } from 'electron';
import log from 'electron-log/main';
import { redact } from '../core/logging/redact';

const MAX_LOG_BYTES = 1024 * 1024;
const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__';

/**
 * The app's log: electron-log writes `logs/main.log` in the user data folder,
 * keeps one rotated `main.old.log` beside it when it passes 1 MB, and every
 * line goes through the core's redaction first. `console.*` is routed through
 * it, so the core's own `console.error` lands in the file redacted too.
 */
export function startLogging(userData: string): string {
  const folder = join(userData, 'logs');
  log.transports.file.resolvePathFn = () => join(folder, 'main.log');
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redact(item)) }));
  Object.assign(console, log.functions);
  // electron-log listens for renderer log lines on its own channel; our page has
  // no way to it (contextIsolation, our preload only), and no IPC may bypass the
  // sender check, so the channel is closed.
  ipcMain.removeHandler(ELECTRON_LOG_CHANNEL);
  ipcMain.removeAllListeners(ELECTRON_LOG_CHANNEL);
  return folder;
}
