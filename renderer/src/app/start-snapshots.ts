import { useAccounts } from '../features/accounts/store';
import { useSettings } from '../features/settings/store';

/*
 * The snapshots the start view waits for (the saved preferences and the
 * accounts), loaded into their stores as a side effect of this module, which
 * main.tsx imports first. The two questions themselves left earlier, from
 * first-answers.ts, which index.html runs before the start file is in; the
 * loads take those answers.
 */
const asked = Promise.allSettled([useSettings.getState().load(), useAccounts.getState().load()]);

/**
 * How long the first render waits for them. Their answers are usually in by
 * the time the modules have run; a slower core must not keep the window empty.
 */
const FIRST_FRAME_WAIT_MS = 100;

/**
 * Resolves once both answers are in (or after FIRST_FRAME_WAIT_MS). Rendering
 * then draws the start view once, with its account, theme and language,
 * instead of drawing it empty and again (the first render is one long task,
 * which the answers would otherwise wait behind).
 */
export function startSnapshotsOrTimeout(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FIRST_FRAME_WAIT_MS);
    void asked.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
