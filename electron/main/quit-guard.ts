import { app, type BrowserWindow, dialog } from 'electron';
import type { ShellLabels } from './shell-labels';

/**
 * Quitting while messages are being sent asks first. When the person confirms,
 * the normal quit runs: the core's close finishes requests already written to
 * a provider and puts claimed-but-unsent rows back in the queue
 * (releaseUndispatchedLeases), so nothing is lost either way.
 */
export function guardQuit(options: {
  inFlight: () => number;
  labels: () => ShellLabels;
  window: () => BrowserWindow | undefined;
}): () => void {
  let confirmed = false;
  let asking = false;
  const onBeforeQuit = (event: { preventDefault(): void }) => {
    if (confirmed) return;
    const count = options.inFlight();
    if (count === 0) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    const labels = options.labels();
    const box = {
      type: 'question' as const,
      title: labels.quitTitle,
      message: labels.quitMessage(count),
      buttons: [labels.keepSending, labels.quitAnyway],
      defaultId: 0,
      cancelId: 0,
    };
    const parent = options.window();
    void (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box))
      .then(({ response }) => {
        if (response !== 1) return;
        confirmed = true;
        app.quit();
      })
      .finally(() => {
        asking = false;
      });
  };
  app.on('before-quit', onBeforeQuit);
  return () => app.off('before-quit', onBeforeQuit);
}
