// Renderer start (section `renderer-start` of bench/RESULTS.md; issue 15's
// last target: start to interactive ≤ 300 ms). Debian's Chromium opens the
// built renderer served by `npm run web` (the real core and the embedded
// Sandbox behind the bridge), each run in a fresh browser context (empty HTTP
// cache, as a first window would be). Times are from the navigation's start
// (performance.now()'s origin) to:
//   - FCP: the first contentful paint;
//   - ready: the start view (Compose) is on screen WITH its data, i.e. the
//     account list has arrived over IPC and is selected, and the counter is there;
//   - interactive: a character typed into the message at that moment (the
//     input event React listens to) is counted: the counter's DOM shows it.
// The machine is shared, so the table gives min, median and p90 over the runs,
// with the load average beside them.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { tempDir } from '../test/helpers/temp-dir';
import { table, writeSection } from './lib/results';

const ROOT = resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const TOKEN_KEY = 'outpost.web.token';

interface Marks {
  fcp?: number;
  ready?: number;
  interactive?: number;
  scriptKiB?: number;
}

/**
 * Runs in the page before any of its scripts (plain JavaScript: this side of
 * the project has no DOM types): watches the DOM for the two moments.
 */
const MEASURE_IN_PAGE = `(() => {
  const marks = {};
  window.__start = marks;
  let before = null;
  const check = () => {
    if (marks.interactive !== undefined) return;
    const meter = document.querySelector('[data-testid="segment-meter"] [role="meter"]');
    if (marks.ready === undefined) {
      const account = document.querySelector('form.compose .react-aria-SelectValue');
      const area = document.querySelector('form.compose textarea');
      if (!meter || !area || !account || account.hasAttribute('data-placeholder')) return;
      if (!account.textContent.trim()) return;
      marks.ready = performance.now();
      before = meter.getAttribute('aria-valuenow');
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      setter.call(area, area.value + 'a');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (meter && meter.getAttribute('aria-valuenow') !== before) {
      marks.interactive = performance.now();
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      marks.fcp = fcp ? fcp.startTime : undefined;
      marks.scriptKiB = performance.getEntriesByType('resource')
        .filter((e) => e.initiatorType === 'script')
        .reduce((n, e) => n + e.decodedBodySize, 0) / 1024;
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
})();`;

function startServer(dataDir: string, urlFile: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/web/index.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--url-file',
      urlFile,
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

async function waitForFile(file: string, ms: number): Promise<string> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8').trim();
      if (text) return text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`npm run web wrote no address to ${file} within ${ms} ms.`);
}

function stats(values: number[]): { min: number; median: number; p90: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { min: s[0] ?? Number.NaN, median: at(0.5), p90: at(0.9) };
}

/** The built renderer's scripts: which load at start (index.html's entry) and which on demand. */
function bundleRows(): (string | number)[][] {
  const dir = join(ROOT, 'out', 'renderer', 'assets');
  const html = readFileSync(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      const atStart = html.includes(f) ? 'start' : 'on demand';
      return [
        f,
        atStart,
        (statSync(join(dir, f)).size / 1024).toFixed(1),
        (gzipSync(bytes).length / 1024).toFixed(1),
      ];
    })
    .sort((a, b) => Number(b[2]) - Number(a[2]));
}

async function main(): Promise<void> {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const dir = tempDir('outpost-bench-start-');
  const urlFile = join(dir.path, 'url.txt');
  const server = startServer(join(dir.path, 'profile'), urlFile);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const url = new URL(await waitForFile(urlFile, 60_000));
    const token = url.searchParams.get('token') ?? '';
    const runs: Marks[] = [];
    const loads: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(
        ([key, value]) =>
          (
            globalThis as { sessionStorage?: { setItem(k: string, v: string): void } }
          ).sessionStorage?.setItem(key, value),
        [TOKEN_KEY, token] as const,
      );
      await page.addInitScript({ content: MEASURE_IN_PAGE });
      await page.goto(`${url.origin}/`);
      await page.waitForFunction(
        () => (window as unknown as { __start: Marks }).__start.interactive !== undefined,
        undefined,
        { timeout: 30_000 },
      );
      const marks = await page.evaluate(() => (window as unknown as { __start: Marks }).__start);
      if (i >= WARMUP) {
        runs.push(marks);
        loads.push(loadavg()[0] ?? 0);
      }
      await context.close();
    }
    const row = (label: string, values: number[]) => {
      const s = stats(values);
      return [label, s.min.toFixed(0), s.median.toFixed(0), s.p90.toFixed(0)];
    };
    const times = table(
      ['from navigation start to', 'min ms', 'median ms', 'p90 ms'],
      [
        row(
          'first contentful paint',
          runs.map((r) => r.fcp ?? Number.NaN),
        ),
        row(
          'ready: Compose shown with its account',
          runs.map((r) => r.ready ?? Number.NaN),
        ),
        row(
          'interactive: a typed character counted',
          runs.map((r) => r.interactive ?? Number.NaN),
        ),
      ],
    );
    const scripts = stats(runs.map((r) => r.scriptKiB ?? 0)).median.toFixed(0);
    const bundles = table(['file', 'loaded', 'KiB', 'gzip KiB'], bundleRows());
    const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
    const body = `${RUNS} runs after ${WARMUP} warm-ups, each in a fresh browser context; 1-minute load average ${load} during the runs. Target: interactive ≤ 300 ms.\n\n${times}\n\nScript loaded before interactive (decoded): ${scripts} KiB.\n\n${bundles}`;
    console.log(body);
    writeSection('renderer-start', 'Renderer start to interactive (Chromium, `npm run web`)', body);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    dir.remove();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
