import { VIEWS, type ViewId } from './nav-store';

export interface ShortcutActions {
  go: (view: ViewId) => void;
  newMessage: () => void;
  quickSearch: () => void;
}

/**
 * The app-wide keys: Ctrl/Cmd+1…5 the views, Ctrl/Cmd+N a new message,
 * Ctrl/Cmd+K the quick search. (Ctrl/Cmd+Enter belongs to the compose form.)
 * Returns the function that removes the listener.
 */
export function installShortcuts(actions: ShortcutActions): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    const index = Number(key) - 1;
    const view = Number.isInteger(index) ? VIEWS[index] : undefined;
    if (view) actions.go(view);
    else if (key === 'n') actions.newMessage();
    else if (key === 'k') actions.quickSearch();
    else return;
    event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

/** How a shortcut is written on this platform ("Ctrl+1" or "⌘1"). */
export function shortcutLabel(key: string): string {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}
