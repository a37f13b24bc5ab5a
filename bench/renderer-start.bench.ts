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
// with the load average beside them. BENCH_BASELINE=<git rev> also builds that
// commit's renderer and runs both in turn (A B A B …) against the same core,
// so a change is compared on the same machine at the same moment.
import { type ChildProcess, execFileSync, execSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { tempDir } from '../test/helpers/temp-dir';
import { table, writeSection } from './lib/results';

const ROOT = resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const TOKEN_KEY = 'outpost.web.token';

interface Marks {
  fcp?: number;
  /** The last start script downloaded (the served files; Electron reads them from disk). */
  scriptsLoaded?: number;
  /** The first React commit: the sidebar is in the DOM. */
  shell?: number;
  /** Main-thread time (Chromium's own accounting) until interactive. */
  scriptMs?: number;
  taskMs?: number;
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
    if (marks.shell === undefined && document.querySelector('#root nav')) marks.shell = performance.now();
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
      const scripts = performance.getEntriesByType('resource')
        .filter((e) => e.initiatorType === 'script' || e.initiatorType === 'link');
      marks.scriptKiB = scripts.reduce((n, e) => n + e.decodedBodySize, 0) / 1024;
      marks.scriptsLoaded = Math.max(0, ...scripts.map((e) => e.responseEnd));
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

/** A built renderer's scripts: which load at start (named by its index.html) and which on demand. */
function bundleRows(html: string, files: readonly string[]): (string | number)[][] {
  const dir = join(ROOT, 'out', 'renderer', 'assets');
  return files
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      return [
        f,
        html.includes(f) ? 'start' : 'on demand',
        (statSync(join(dir, f)).size / 1024).toFixed(1),
        (gzipSync(bytes).length / 1024).toFixed(1),
      ];
    })
    .sort((a, b) => Number(b[2]) - Number(a[2]));
}

function startBytes(rows: (string | number)[][]): string {
  const start = rows.filter((r) => r[1] === 'start');
  const sum = (i: number) => start.reduce((n, r) => n + Number(r[i]), 0).toFixed(0);
  return `${sum(2)} KiB (${sum(3)} KiB gzip) in ${start.length} files`;
}

/**
 * The renderer of an earlier commit (BENCH_BASELINE=<rev>), built with this
 * checkout's packages, so both are measured side by side on the same machine
 * and against the same core. Returns its index.html and asset names.
 */
function buildBaseline(rev: string, work: string): { html: string; files: string[] } {
  const src = join(work, 'baseline');
  mkdirSync(src, { recursive: true });
  execSync(`git archive ${rev} renderer shared | tar -x -C ${src}`, { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
  const out = join(work, 'baseline-out');
  const config = join(src, 'vite.baseline.config.mjs');
  writeFileSync(
    config,
    `import react from '@vitejs/plugin-react';\nexport default { root: ${JSON.stringify(join(src, 'renderer'))}, plugins: [react()], base: './', logLevel: 'error', build: { outDir: ${JSON.stringify(out)}, emptyOutDir: true } };\n`,
  );
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', config], {
    cwd: src,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const files = readdirSync(join(out, 'assets'));
  for (const f of files)
    copyFileSync(join(out, 'assets', f), join(ROOT, 'out', 'renderer', 'assets', f));
  return { html: readFileSync(join(out, 'index.html'), 'utf8'), files };
}

interface Build {
  label: string;
  html: string;
  files: string[];
  url?: URL;
  server?: ChildProcess;
  runs: Marks[];
}

/** One start of the page in a fresh browser context, timed. */
async function startOnce(browser: Browser, url: URL): Promise<Marks> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const token = url.searchParams.get('token') ?? '';
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
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  // First contentful paint is reported after its frame, so it is read once the page is up.
  await page.waitForTimeout(200);
  const marks = await page.evaluate(() => {
    const start = (window as unknown as { __start: Marks }).__start;
    const fcp = (
      globalThis as unknown as {
        performance: { getEntriesByName(n: string): { startTime: number }[] };
      }
    ).performance.getEntriesByName('first-contentful-paint')[0];
    return { ...start, fcp: fcp?.startTime };
  });
  await context.close();
  return { ...marks, scriptMs: metric('ScriptDuration'), taskMs: metric('TaskDuration') };
}

function row(label: string, values: number[]): (string | number)[] {
  const s = stats(values.filter((v) => Number.isFinite(v)));
  return [label, s.min.toFixed(0), s.median.toFixed(0), s.p90.toFixed(0)];
}

function report(build: Build): string {
  const r = build.runs;
  const pick = (f: (m: Marks) => number | undefined) => r.map((m) => f(m) ?? Number.NaN);
  const times = table(
    ['from navigation start to', 'min ms', 'median ms', 'p90 ms'],
    [
      row(
        'start scripts downloaded',
        pick((m) => m.scriptsLoaded),
      ),
      row(
        'first render: the shell is in the DOM',
        pick((m) => m.shell),
      ),
      row(
        'first contentful paint',
        pick((m) => m.fcp),
      ),
      row(
        'ready: Compose shown with its account',
        pick((m) => m.ready),
      ),
      row(
        'interactive: a typed character counted',
        pick((m) => m.interactive),
      ),
      row(
        'main thread busy running script (until interactive)',
        pick((m) => m.scriptMs),
      ),
      row(
        'main thread busy, all tasks (until interactive)',
        pick((m) => m.taskMs),
      ),
    ],
  );
  const kib = stats(pick((m) => m.scriptKiB)).median.toFixed(0);
  const bundles = bundleRows(build.html, build.files);
  return `### ${build.label}\n\n${times}\n\nStart bundle: ${startBytes(bundles)}; script fetched before interactive (decoded, the web bridge included): ${kib} KiB.\n\n${table(['file', 'loaded', 'KiB', 'gzip KiB'], bundles)}`;
}

async function main(): Promise<void> {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const dir = tempDir('outpost-bench-start-');
  const indexFile = join(ROOT, 'out', 'renderer', 'index.html');
  const current: Build = {
    label: 'This checkout',
    html: readFileSync(indexFile, 'utf8'),
    files: readdirSync(join(ROOT, 'out', 'renderer', 'assets')),
    runs: [],
  };
  const builds: Build[] = [];
  const baselineRev = process.env.BENCH_BASELINE;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    if (baselineRev) {
      const base = buildBaseline(baselineRev, dir.path);
      builds.push({ label: `Baseline: ${baselineRev}`, ...base, runs: [] });
    }
    builds.push(current);
    // Each server reads index.html once at start and the assets at each request, so the
    // baseline's server starts with its page, and both builds' assets sit side by side.
    for (const [i, build] of builds.entries()) {
      writeFileSync(indexFile, build.html);
      const urlFile = join(dir.path, `url-${i}.txt`);
      build.server = startServer(join(dir.path, `profile-${i}`), urlFile);
      build.url = new URL(await waitForFile(urlFile, 60_000));
    }
    writeFileSync(indexFile, current.html);
    const loads: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      // A B A B …: both builds see the same machine.
      for (const build of builds) {
        const marks = await startOnce(browser, build.url as URL);
        if (i >= WARMUP) build.runs.push(marks);
      }
      if (i >= WARMUP) loads.push(loadavg()[0] ?? 0);
    }
    const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
    const body = `${RUNS} runs of each build after ${WARMUP} warm-ups, in turn, each in a fresh browser context (empty cache); 1-minute load average ${load} during the runs. Target: interactive ≤ 300 ms.\n\n${builds.map(report).join('\n\n')}`;
    console.log(body);
    writeSection('renderer-start', 'Renderer start to interactive (Chromium, `npm run web`)', body);
  } finally {
    await browser.close();
    for (const build of builds) {
      build.server?.kill('SIGTERM');
      if (build.server) await new Promise((r) => build.server?.once('exit', r));
    }
    writeFileSync(indexFile, current.html);
    for (const build of builds)
      if (build !== current)
        for (const f of build.files)
          if (!current.files.includes(f))
            rmSync(join(ROOT, 'out', 'renderer', 'assets', f), { force: true });
    dir.remove();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
