import type { Preferences } from '../../../shared/ipc/schemas/settings';

const dark = () => window.matchMedia('(prefers-color-scheme: dark)');

/**
 * Puts the theme on <html data-theme>: the person's choice, or the system's
 * while the choice is "system" — followed live through the media query's
 * change event (no timer). Returns the function that stops following.
 */
export function applyTheme(theme: Preferences['theme']): () => void {
  const root = document.documentElement;
  if (theme !== 'system') {
    root.dataset.theme = theme;
    return () => {};
  }
  const query = dark();
  const follow = () => {
    root.dataset.theme = query.matches ? 'dark' : 'light';
  };
  follow();
  query.addEventListener('change', follow);
  return () => query.removeEventListener('change', follow);
}
