// What the specs' page.evaluate callbacks see in the browser (the node-side project has no DOM types).
import type { OutpostApi } from '../../../shared/ipc/client';

declare global {
  const window: { outpost: OutpostApi } & Record<string, unknown>;
  const localStorage: { clear(): void };
}
