import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { webUrlFile } from './test/e2e/web-url';

// Debian's Chromium drives the built renderer, served by `npm run web`; Playwright never downloads a browser.
const port = Number(process.env.E2E_PORT ?? 4517);
// One fresh profile for the suite's one server; set once here, so worker processes inherit it.
process.env.OUTPOST_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'outpost-e2e-'));
const dataDir = process.env.OUTPOST_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test/artifacts/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // OUTPOST_WEB_TEST_HOOKS: the sandbox injects inbound WhatsApp messages for the inbox specs (electron/web/test-hooks.ts).
    command: `node --import tsx electron/web/index.ts --port ${port} --data-dir ${dataDir} --url-file ${webUrlFile(port)}`,
    url: `http://127.0.0.1:${port}/`,
    env: { ...(process.env as Record<string, string>), OUTPOST_WEB_TEST_HOOKS: '1' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
