import type { OutpostApi } from '../../../shared/ipc/client';

declare global {
  interface Window {
    /** Provided by the preload (or, in the e2e suite, by the test bridge). */
    outpost: OutpostApi;
  }
}

/** The renderer's only door to the rest of the app. */
export function outpost(): OutpostApi {
  if (!window.outpost) {
    throw new Error('Outpost is not connected: window.outpost is missing (no preload).');
  }
  return window.outpost;
}
