import { UNSTABLE_ToastQueue as ToastQueue } from 'react-aria-components';

export interface ToastContent {
  text: string;
  tone: 'info' | 'error';
}

/**
 * The app's one toast queue: short confirmations of what an action did
 * ("Message 12 is queued again"). Each closes by itself after 6 s; the queue
 * keeps at most 3, so it never grows.
 */
export const toasts = new ToastQueue<ToastContent>({ maxVisibleToasts: 3 });

export function showToast(text: string, tone: ToastContent['tone'] = 'info'): void {
  toasts.add({ text, tone }, { timeout: 6_000 });
}
