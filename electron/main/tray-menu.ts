import type { MenuItemConstructorOptions } from 'electron';
import type { ShellLabels } from './shell-labels';

export interface TrayState {
  queued: number;
  /** Every account paused by the person: the tray offers "Resume" instead of "Pause all". */
  allPaused: boolean;
}

export interface TrayActions {
  open(): void;
  pauseAll(): void;
  resumeAll(): void;
  quit(): void;
}

/** The tray's menu for a state: the queued count (informative), pause or resume, open, quit. */
export function trayMenuTemplate(
  labels: ShellLabels,
  state: TrayState,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  return [
    { id: 'queued', label: labels.queued(state.queued), enabled: false },
    { type: 'separator' },
    state.allPaused
      ? { id: 'resume-all', label: labels.resumeAll, click: () => actions.resumeAll() }
      : { id: 'pause-all', label: labels.pauseAll, click: () => actions.pauseAll() },
    { id: 'open', label: labels.open, click: () => actions.open() },
    { type: 'separator' },
    { id: 'quit', label: labels.quit, click: () => actions.quit() },
  ];
}
