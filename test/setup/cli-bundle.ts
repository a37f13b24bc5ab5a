import { ensureCliBundle } from '../../scripts/cli-bundle.cjs';

/**
 * Vitest global setup: the CLI's black-box tests run the built out/cli/outpost.cjs
 * (what `outpost` runs), so it is built once here, before any worker starts, when
 * it is missing or older than its sources (a few milliseconds when it is current).
 */
export function setup(): void {
  ensureCliBundle();
}
