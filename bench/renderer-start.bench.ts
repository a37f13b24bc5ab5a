// Renderer start (section `renderer-start` of bench/RESULTS.md; issue 15's
// last target: start to interactive ≤ 300 ms). Debian's Chromium opens the
// built renderer served by `npm run web` (the real core and the embedded
// Sandbox behind the bridge), each run in a fresh browser context (empty HTTP
// cache, as a first window would be): that first load is the cold start; the
// same context then loads the page twice more and the third load is the warm
// start (hashed assets from the HTTP cache, V8's compiled code kept: Chromium
// keeps it from a script's second load on). Both are printed, and A/B. In
// Electron the renderer comes from file://, which Chromium gives no code cache
// (only http(s) and schemes registered with `codeCache: true`), so the warm
// figure is what the app would get from such a scheme, not what it gets today.
// Times are from the navigation's start
// (performance.now()'s origin) to:
//   - FCP: the first contentful paint;
//   - ready: the start view (Compose) is on screen WITH its data, i.e. the
//     account list has arrived over IPC and is selected, and the counter is there;
//   - interactive: a character typed into the message at that moment (the
//     input event React listens to) is counted: the counter's DOM shows it;
//   - complete: the account picker, the recipients field and "Insert field"
//     are React Aria's (the first frame may show light stand-ins for them).
// "Start scripts downloaded" counts the files index.html names (and the
// bridge), not a chunk the start's code asks for at once.
// and the split of the way there: the start scripts downloaded, the start
// modules compiled and run (main.tsx's `outpost:modules-evaluated` mark), the
// first IPC calls asked and answered (window.outpost is wrapped before the
// page's scripts run), the first render. The start bundle's size and packages
// come from the build's report (scripts/bundle-report) and are held to the
// budget of scripts/bundle-report/budget.ts: the table says when it is over.
// BENCH_PROFILE=1 also prints a CPU profile and a trace of one more start.
// `--quick` (or BENCH_RUNS) makes fewer runs: about 2 minutes with a baseline;
// `--no-record` prints the tables without rewriting the section.
// The machine is shared, so the table gives min, median and p90 over the runs,
// with the load average beside them. BENCH_BASELINE=<git rev> also builds that
// commit's renderer and its page bridge (electron/web/page, what the preload
// is in Electron) and runs both in turn (A B A B …) against the same core,
// so a change is compared on the same machine at the same moment.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { NOT_AT_START, START_BUDGET } from '../scripts/bundle-report/budget';
import { START_BUNDLE_REPORT, type StartBundleReport } from '../scripts/bundle-report/start-bundle';
import { startBundleProblems } from '../scripts/bundle-report/start-problems';
import { tempDir } from '../test/helpers/temp-dir';
import { buildBridgeOf, buildRendererOf } from './lib/baseline-renderer';
import { profileWork } from './lib/page-profile';
import { table, writeSection } from './lib/results';

const ROOT = resolve(__dirname, '..');
const QUICK = process.argv.includes('--quick');
// A/B runs made while working leave the recorded section as it is.
const RECORD = !process.argv.includes('--no-record');
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 6 : 15));
const WARMUP = 2;
const TOKEN_KEY = 'outpost.web.token';

interface Marks {
  fcp?: number;
  /** The last start script downloaded (the served files; Electron reads them from disk). */
  scriptsLoaded?: number;
  /** main.tsx runs: every start module fetched, compiled and evaluated. */
  evaluated?: number;
  /** The first window.outpost call of each channel: when asked, when answered. */
  calls?: Record<string, { asked: number; answered?: number }>;
  /** The first React commit: the sidebar is in the DOM. */
  shell?: number;
  /** Main-thread time (Chromium's own accounting) until interactive. */
  scriptMs?: number;
  taskMs?: number;
  ready?: number;
  interactive?: number;
  /** The whole of Compose is real: React Aria's account picker, recipients field and Insert field. */
  complete?: number;
  scriptKiB?: number;
  /** Every script fetched before interactive: the start files' last byte is read from these. */
  scripts?: { name: string; end: number }[];
}

/**
 * Runs in the page before any of its scripts (plain JavaScript: this side of
 * the project has no DOM types): watches the DOM for the two moments.
 */
const MEASURE_IN_PAGE = `(() => {
  const marks = { calls: {} };
  window.__start = marks;
  let before = null;
  // The bridge (or preload) sets window.outpost before the app runs: wrap each call once it does.
  let api;
  const wrap = (group, name, fn) => (...args) => {
    const key = group + '.' + name;
    const first = marks.calls[key] === undefined;
    if (first) marks.calls[key] = { asked: performance.now() };
    const result = fn(...args);
    if (first && result && typeof result.then === 'function')
      result.then(() => { marks.calls[key].answered = performance.now(); }, () => {});
    return result;
  };
  Object.defineProperty(window, 'outpost', {
    configurable: true,
    get: () => api,
    set: (value) => {
      api = {};
      for (const [group, member] of Object.entries(value)) {
        if (typeof member !== 'object' || member === null) { api[group] = member; continue; }
        api[group] = {};
        for (const [name, fn] of Object.entries(member))
          api[group][name] = typeof fn === 'function' ? wrap(group, name, fn) : fn;
      }
    },
  });
  const check = () => {
    if (marks.complete === undefined
      && document.querySelector('form.compose .merge-tools button')
      && document.querySelector('form.compose button.select-button[data-rac]')
      && document.querySelector('form.compose input[role="combobox"][data-rac]'))
      marks.complete = performance.now();
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
      marks.scripts = scripts.map((e) => ({ name: e.name, end: e.responseEnd }));
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
})();`;

function startServer(dataDir: string, urlFile: string, bridge?: string): ChildProcess {
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
      ...(bridge ? ['--bridge', bridge] : []),
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
  const out = buildRendererOf(rev, work);
  const files = readdirSync(join(out, 'assets'));
  for (const f of files)
    copyFileSync(join(out, 'assets', f), join(ROOT, 'out', 'renderer', 'assets', f));
  return { html: readFileSync(join(out, 'index.html'), 'utf8'), files };
}

/** A build's files that its index.html does not name: fetched on demand (or asked for by the start's code). */
function onDemandFiles(build: { html: string; files: readonly string[] }): Set<string> {
  return new Set(build.files.filter((f) => !build.html.includes(f)));
}

interface Build {
  label: string;
  html: string;
  files: string[];
  url?: URL;
  server?: ChildProcess;
  runs: { cold: Marks; warm: Marks }[];
  /** Sentences about the start bundle's budget (this checkout only: the baseline has no report). */
  budget?: string;
  /** The baseline's page bridge (built from its commit); this checkout's server builds its own. */
  bridge?: string;
}

/**
 * Loads the page in `page` and times it to interactive (Chromium restarts its
 * script-time counters with each document). `onDemand`: the build's files
 * that its index.html does not name, left out of "start scripts downloaded"
 * (a chunk the start asks for at once may arrive before interactive).
 */
async function timeLoad(
  page: Page,
  cdp: CDPSession,
  url: URL,
  onDemand: ReadonlySet<string>,
): Promise<Marks> {
  const metric = async (name: string) => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  };
  await page.goto(`${url.origin}/`);
  await page.waitForFunction(
    () => (window as unknown as { __start: Marks }).__start.interactive !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  const scriptMs = await metric('ScriptDuration');
  const taskMs = await metric('TaskDuration');
  await page
    .waitForFunction(
      () => (window as unknown as { __start: Marks }).__start.complete !== undefined,
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  if (process.env.BENCH_DEBUG) console.error({ scriptMs, taskMs });
  // First contentful paint is reported after its frame, so it is read once the page is up.
  await page.waitForTimeout(200);
  const marks = await page.evaluate(() => {
    const start = (window as unknown as { __start: Marks }).__start;
    const entries = (
      globalThis as unknown as {
        performance: { getEntriesByName(n: string): { startTime: number }[] };
      }
    ).performance;
    const fcp = entries.getEntriesByName('first-contentful-paint')[0];
    const evaluated = entries.getEntriesByName('outpost:modules-evaluated')[0];
    return { ...start, fcp: fcp?.startTime, evaluated: evaluated?.startTime };
  });
  const start = (marks.scripts ?? []).filter((e) => !onDemand.has(e.name.split('/').at(-1) ?? ''));
  const scriptsLoaded = Math.max(0, ...start.map((e) => e.end));
  return { ...marks, scriptsLoaded, scriptMs, taskMs };
}

/** A fresh browser context (one profile) whose page holds the bridge's token and the in-page measures. */
async function measuredPage(browser: Browser, url: URL) {
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
  return { context, page, cdp };
}

/**
 * The page started three times in one fresh browser context (one profile):
 * the first load is the cold start (empty HTTP cache, no compiled code); V8
 * keeps a script's compiled code from its second load on, so the third is the
 * warm start of a profile that has run the app before.
 */
async function startOnce(
  browser: Browser,
  url: URL,
  onDemand: ReadonlySet<string>,
): Promise<{ cold: Marks; warm: Marks }> {
  const { context, page, cdp } = await measuredPage(browser, url);
  const cold = await timeLoad(page, cdp, url, onDemand);
  await timeLoad(page, cdp, url, onDemand);
  const warm = await timeLoad(page, cdp, url, onDemand);
  await context.close();
  return { cold, warm };
}

/**
 * BENCH_PROFILE=1: where this checkout's start spends the main thread, in one
 * more fresh context: the CPU profile covers its first (cold) load, the trace
 * its second load (cached files; V8 keeps compiled code only from then on).
 */
async function profileStart(browser: Browser, url: URL): Promise<void> {
  const { context, page, cdp } = await measuredPage(browser, url);
  await profileWork(cdp, 'Start to interactive (this checkout)', async () => {
    await timeLoad(page, cdp, url, new Set());
  });
  await context.close();
}

function row(label: string, values: number[]): (string | number)[] {
  const s = stats(values.filter((v) => Number.isFinite(v)));
  return [label, s.min.toFixed(0), s.median.toFixed(0), s.p90.toFixed(0)];
}

const median = (values: number[]) =>
  stats(values.filter((v) => Number.isFinite(v))).median.toFixed(0);
const diff = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? Number.NaN : a - b;

/** The build's start-bundle report against its budget, as sentences under the table. */
function budgetLines(): string {
  const report = JSON.parse(
    readFileSync(join(ROOT, START_BUNDLE_REPORT), 'utf8'),
  ) as StartBundleReport;
  const problems = startBundleProblems(report, START_BUDGET, NOT_AT_START);
  const top = report.packages
    .slice(0, 8)
    .map((p) => `${p.name} ${(p.bytes / 1024).toFixed(0)}`)
    .join(', ');
  const verdict =
    problems.length === 0
      ? `within its budget of ${START_BUDGET.kib} KiB (${START_BUDGET.gzipKib} KiB gzip)`
      : `**OVER BUDGET**: ${problems.join(' ')}`;
  return `\n\nBudget (scripts/bundle-report/budget.ts): ${verdict}. Largest parts of the start chunks (KiB before minifying): ${top}.`;
}

function report(build: Build, start: 'cold' | 'warm'): string {
  const r = build.runs.map((run) => run[start]);
  const pick = (f: (m: Marks) => number | undefined) => r.map((m) => f(m) ?? Number.NaN);
  const times = table(
    ['from navigation start to', 'min ms', 'median ms', 'p90 ms'],
    [
      row(
        'start scripts downloaded',
        pick((m) => m.scriptsLoaded),
      ),
      row(
        'start modules compiled and run (main.tsx begins)',
        pick((m) => m.evaluated),
      ),
      ...['settings.get', 'accounts.list'].flatMap((channel) => [
        row(
          `IPC ${channel} asked`,
          pick((m) => m.calls?.[channel]?.asked),
        ),
        row(
          `IPC ${channel} answered`,
          pick((m) => m.calls?.[channel]?.answered),
        ),
      ]),
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
        "complete: React Aria's account picker, To and Insert field in the DOM",
        pick((m) => m.complete),
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
  const split = table(
    ['part of the way (medians)', 'ms'],
    [
      [
        'script download (navigation start → last start script)',
        median(pick((m) => m.scriptsLoaded)),
      ],
      [
        'start modules compile + run (→ main.tsx begins)',
        median(pick((m) => diff(m.evaluated, m.scriptsLoaded))),
      ],
      [
        'first render (main.tsx → shell in the DOM)',
        median(pick((m) => diff(m.shell, m.evaluated))),
      ],
      [
        'waiting for accounts.list (asked → answered)',
        median(
          pick((m) =>
            diff(m.calls?.['accounts.list']?.answered, m.calls?.['accounts.list']?.asked),
          ),
        ),
      ],
      ['shell → Compose ready with its account', median(pick((m) => diff(m.ready, m.shell)))],
      ['ready → typed character counted', median(pick((m) => diff(m.interactive, m.ready)))],
    ],
  );
  const title = `### ${build.label}: ${start === 'cold' ? 'cold start (fresh profile)' : 'warm start (third load, same profile)'}`;
  if (start === 'warm') return `${title}\n\n${times}\n\n${split}`;
  const bundles = bundleRows(build.html, build.files);
  return `${title}\n\n${times}\n\n${split}\n\nStart bundle: ${startBytes(bundles)}; script fetched before interactive (decoded, the web bridge included): ${kib} KiB.${build.budget ?? ''}\n\n${table(['file', 'loaded', 'KiB', 'gzip KiB'], bundles)}`;
}

/** Both builds' cold and warm medians (min) side by side: the figures a change is judged by. */
function summary(builds: Build[]): string {
  const cell = (build: Build, start: 'cold' | 'warm', f: (m: Marks) => number | undefined) => {
    const s = stats(build.runs.map((run) => f(run[start]) ?? Number.NaN).filter(Number.isFinite));
    return `${s.median.toFixed(0)} (${s.min.toFixed(0)})`;
  };
  const rows: [string, (m: Marks) => number | undefined][] = [
    ['start scripts downloaded', (m) => m.scriptsLoaded],
    ['start modules compiled and run', (m) => m.evaluated],
    ['first render: the shell in the DOM', (m) => m.shell],
    ['accounts.list answered', (m) => m.calls?.['accounts.list']?.answered],
    ['interactive: a typed character counted', (m) => m.interactive],
    ['complete: all of Compose real (React Aria)', (m) => m.complete],
    ['main thread busy running script', (m) => m.scriptMs],
  ];
  const starts = ['cold', 'warm'] as const;
  return table(
    ['ms, median (min)', ...starts.flatMap((start) => builds.map((b) => `${b.label}, ${start}`))],
    rows.map(([label, f]) => [
      label,
      ...starts.flatMap((start) => builds.map((b) => cell(b, start, f))),
    ]),
  );
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
    budget: budgetLines(),
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
      const bridge = await buildBridgeOf(baselineRev, dir.path);
      builds.push({ label: `Baseline: ${baselineRev}`, ...base, bridge, runs: [] });
    }
    builds.push(current);
    // Each server reads index.html once at start and the assets at each request, so the
    // baseline's server starts with its page, and both builds' assets sit side by side.
    for (const [i, build] of builds.entries()) {
      writeFileSync(indexFile, build.html);
      const urlFile = join(dir.path, `url-${i}.txt`);
      build.server = startServer(join(dir.path, `profile-${i}`), urlFile, build.bridge);
      build.url = new URL(await waitForFile(urlFile, 60_000));
    }
    writeFileSync(indexFile, current.html);
    const loads: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      // A B A B …: both builds see the same machine.
      for (const build of builds) {
        const marks = await startOnce(browser, build.url as URL, onDemandFiles(build));
        if (i >= WARMUP) build.runs.push(marks);
      }
      if (i >= WARMUP) loads.push(loadavg()[0] ?? 0);
    }
    if (process.env.BENCH_PROFILE) await profileStart(browser, current.url as URL);
    const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
    const body = `${RUNS} runs of each build after ${WARMUP} warm-ups, in turn, each in a fresh browser context: the cold start is its first load (empty cache), the warm start its third (the HTTP cache and V8's compiled code kept from the loads before); 1-minute load average ${load} during the runs. Target: interactive ≤ 300 ms.\n\n${summary(builds)}\n\n${builds.flatMap((b) => [report(b, 'cold'), report(b, 'warm')]).join('\n\n')}`;
    console.log(body);
    if (RECORD)
      writeSection(
        'renderer-start',
        'Renderer start to interactive (Chromium, `npm run web`)',
        body,
      );
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
