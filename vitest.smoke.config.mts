import { defineConfig } from 'vitest/config';

// Runs against the built bundles in out/ (npm run build first; npm test does).
export default defineConfig({
  test: {
    include: ['test/smoke/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
