import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The providers' API docs live beside the repository (`../shared/seeds`, see shared/API-INDEX.md), not in it. */
export const SEEDS_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'seeds');

export interface Seed {
  path: string;
  /** True when the test should be skipped: the seed is absent on a developer's machine. */
  skip: boolean;
  /** The seed's lines (empty when absent). */
  lines: string[];
}

/**
 * A seed file for tests that check the code against it. Absent on a
 * developer's machine, those tests are skipped; absent in CI (which sets CI
 * and checks the seeds out beside the clone), they run and fail, so a broken
 * checkout can never pass by skipping.
 */
export function seedFile(name: string): Seed {
  const path = join(SEEDS_DIR, name);
  const present = existsSync(path);
  return {
    path,
    skip: !present && !process.env.CI,
    lines: present ? readFileSync(path, 'utf8').split('\n') : [],
  };
}

/** The sentence a test fails with when CI runs without the seeds. */
export function missingSeed(seed: Seed): string {
  return `The seed ${seed.path} is missing: CI must check out the seeds beside the repository (../shared/seeds).`;
}
