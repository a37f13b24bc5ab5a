/**
 * The renderer benchmarks' common ground: `npm run web` started on a profile
 * the benchmark seeded itself, and Debian's Chromium (never a download)
 * opening it. The page's CSP (`script-src 'self'`, no eval) refuses source
 * text that Playwright would turn into a function inside the page
 * (`waitForFunction('…')`), but not `page.evaluate('…')`, which DevTools runs
 * as a plain expression: so the benchmarks install their observers with
 * `page.evaluate` and wait inside the page on a Promise they return.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { percentile } from './results';

const ROOT = resolve(__dirname, '..', '..');

export interface WebApp {
  url: string;
  stop: () => Promise<void>;
}

/**
 * `npm run web` on this profile and port (serving `renderer`, a built
 * renderer folder, when given); resolves once it has written its address.
 */
export async function startWeb(dataDir: string, port: number, renderer?: string): Promise<WebApp> {
  const urlFile = join(dataDir, 'web-url.txt');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/web/index.ts',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--url-file',
      urlFile,
      ...(renderer ? ['--renderer', renderer] : []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // The file can exist a moment before its line is written: wait for the line.
  const written = () => existsSync(urlFile) && readFileSync(urlFile, 'utf8').trim() !== '';
  for (let i = 0; i < 900 && !written() && child.exitCode === null; i++)
    await new Promise((r) => setTimeout(r, 100));
  if (!written()) {
    child.kill('SIGTERM');
    throw new Error(`npm run web did not start on port ${port} (profile ${dataDir}).`);
  }
  return {
    url: readFileSync(urlFile, 'utf8').trim(),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** Opens the app in English at this size, and waits for its navigation. */
export async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.evaluate('window.outpost.settings.set({ language: "en" })');
  await page.reload();
  await page.getByRole('navigation').waitFor();
  return page;
}

/** The 1 / 5 / 15-minute load average, as printed beside every figure. */
export function loadLine(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

/** p50, p95 and max, to one decimal. */
export function spread(xs: readonly number[]): string[] {
  if (xs.length === 0) return ['—', '—', '—'];
  return [percentile(xs, 50), percentile(xs, 95), Math.max(...xs)].map((v) => v.toFixed(1));
}
