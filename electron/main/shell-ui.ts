import { join } from 'node:path';
import { app, type BrowserWindow, Menu, Notification, nativeImage, shell, Tray } from 'electron';
import type { CoreContext } from '../core';
import { allPausedByPerson, pauseAllSending, resumeAllSending } from '../core/outbox/pause-all';
import { readPreferences } from '../core/settings/preferences';
import { appMenuTemplate, type View } from './app-menu';
import { notificationFor } from './notification-for';
import { type ShellLabels, shellLabels, shellLanguage } from './shell-labels';
import { trayMenuTemplate } from './tray-menu';

interface ShellUiOptions {
  core: CoreContext;
  logFolder: string;
  window: () => BrowserWindow | undefined;
  /** Shows (creating if needed) the main window. */
  showWindow: () => BrowserWindow;
}

/**
 * The menu, the tray and OS notifications, in the app's language, rebuilt when
 * the language changes (`settings.changed`) and the tray kept current from the
 * core's events. Returns the stop (listeners and tray removed).
 */
export function startShellUi(options: ShellUiOptions): {
  labels: () => ShellLabels;
  stop: () => void;
} {
  const { core } = options;
  let labels = shellLabels(shellLanguage(readPreferences(core.db).language, app.getLocale()));
  const navigate = (payload: Parameters<typeof core.events.bus.emit<'app.navigate'>>[1]) => {
    options.showWindow();
    core.events.bus.emit('app.navigate', payload);
  };
  const actions = {
    navigate: (view: View) => navigate({ view }),
    revealLogs: () => shell.openPath(options.logFolder),
  };
  let tray: Tray | null = null;
  try {
    tray = new Tray(nativeImage.createFromPath(join(app.getAppPath(), 'build', 'icon.png')));
  } catch {
    // Some Linux desktops have no tray: the menu and notifications still work.
  }
  const queued = () =>
    core.db.prepare("SELECT count(*) FROM messages WHERE state = 'queued'").pluck().get() as number;
  const refreshTray = () => {
    if (!tray) return;
    const state = { queued: queued(), allPaused: allPausedByPerson(core.db) };
    tray.setToolTip(`Outpost — ${labels.queued(state.queued)}`);
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate(labels, state, {
          open: () => options.showWindow(),
          pauseAll: () => {
            pauseAllSending(core.db);
            refreshTray();
          },
          resumeAll: () => {
            resumeAllSending(core.db);
            core.outbox.wake();
            refreshTray();
          },
          quit: () => app.quit(),
        }),
      ),
    );
  };
  const rebuild = () => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(appMenuTemplate(labels, actions, process.platform)),
    );
    refreshTray();
  };
  rebuild();
  tray?.on('click', () => options.showWindow());

  const unsubscribe = core.events.bus.subscribe((name, payload) => {
    if (name === 'settings.changed') {
      const { language } = payload as { language: 'en' | 'es' | null };
      labels = shellLabels(shellLanguage(language, app.getLocale()));
      rebuild();
      return;
    }
    if (name === 'outbox.changed' || name === 'account.paused' || name === 'account.resumed')
      refreshTray();
    const notice = notificationFor(name, payload, labels);
    if (!notice || options.window()?.isFocused() || !Notification.isSupported()) return;
    const shown = new Notification({ title: notice.title, body: notice.body });
    shown.once('click', () => navigate(notice.opens));
    shown.show();
  });
  return {
    labels: () => labels,
    stop: () => {
      unsubscribe();
      tray?.destroy();
      tray = null;
    },
  };
}
