import { defineConfig } from 'vitest/config';

// Unit and integration tests in plain Node. The main-bundle smoke test and the
// Playwright suite have their own configs (they need a build first).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/setup/cli-bundle.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
