import type { OutpostApi } from '../../../shared/ipc/client';

/** What the preload (or, in a browser, the web bridge) puts on `window`: the calls and the pushed events. */
export type OutpostWindowApi = OutpostApi;

declare global {
  interface Window {
    /** Provided by the preload (or, in the e2e suite and `npm run web`, by the web bridge). */
    outpost: OutpostWindowApi;
  }
}

/** The renderer's only door to the rest of the app. */
export function outpost(): OutpostWindowApi {
  if (!window.outpost) {
    throw new Error('Outpost is not connected: window.outpost is missing (no preload).');
  }
  return window.outpost;
}
