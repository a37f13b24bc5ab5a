import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../shared/ipc/events';
import type { ShellLabels } from './shell-labels';

export type View = EventPayload<'app.navigate'>['view'];

export interface MenuActions {
  navigate(view: View): void;
  revealLogs(): void;
}

/**
 * The application menu: the platform's usual roles (so copy/paste, zoom and
 * window keys work as people expect) plus Outpost's own views. Pure: built
 * from labels and actions, so the smoke test can read it in both languages.
 */
export function appMenuTemplate(
  labels: ShellLabels,
  actions: MenuActions,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const go = (view: View) => () => actions.navigate(view);
  const file: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      {
        id: 'new-message',
        label: labels.newMessage,
        accelerator: 'CmdOrCtrl+N',
        click: go('compose'),
      },
      {
        id: 'bulk-send',
        label: labels.bulkSend,
        accelerator: 'CmdOrCtrl+Shift+B',
        click: go('bulk'),
      },
      { id: 'jobs', label: labels.jobs, accelerator: 'CmdOrCtrl+Shift+J', click: go('jobs') },
      {
        id: 'import-contacts',
        label: labels.importContacts,
        accelerator: 'CmdOrCtrl+I',
        click: go('import'),
      },
      { id: 'outbox', label: labels.outbox, accelerator: 'CmdOrCtrl+Shift+O', click: go('outbox') },
      { type: 'separator' },
      { id: 'settings', label: labels.settings, accelerator: 'CmdOrCtrl+,', click: go('settings') },
      { type: 'separator' },
      platform === 'darwin' ? { role: 'close' } : { role: 'quit', label: labels.quit },
    ],
  };
  const menu: MenuItemConstructorOptions[] = [
    file,
    { label: labels.edit, role: 'editMenu' },
    {
      label: labels.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: labels.window, role: 'windowMenu' },
    {
      label: labels.help,
      role: 'help',
      submenu: [{ id: 'reveal-logs', label: labels.revealLogs, click: () => actions.revealLogs() }],
    },
  ];
  if (platform === 'darwin') menu.unshift({ role: 'appMenu' });
  return menu;
}
