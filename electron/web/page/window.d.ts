import type { OutpostApi } from '../../../shared/ipc/client';

declare global {
  interface Window {
    outpost: OutpostApi;
  }
}
