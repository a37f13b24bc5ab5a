/**
 * The Contacts view with 100,000 contacts, in Chromium through `npm run web`
 * (the real core behind the bridge): search-as-you-type latency and scroll
 * frame times. The machine may be shared, so the load average is printed
 * with the figures.
 *
 *   npx tsx bench/contacts-view.bench.ts [--quick] [--no-record]
 *
 * It builds this checkout's renderer first. BENCH_BASELINE=<git rev> also
 * builds that commit's renderer and measures both in turn, scenario by
 * scenario, against copies of one seeded profile (the core is this
 * checkout's for both). --quick types fewer queries and scrolls less;
 * --no-record prints the figures without rewriting bench/RESULTS.md.
 * BENCH_PROFILE=1 prints where the page's time goes while wheel-scrolling
 * and typing (CPU profile, then a trace) instead of the figures.
 * BENCH_TRACE=<rounds> instead traces each scroll scenario and typing on
 * each build in turn, <rounds> times, and prints the main thread's wall and
 * CPU time by phase and its long tasks split by phase (lib/frame-trace.ts),
 * and each frame over 25 ms as the page's own work, its main thread waiting
 * for a core, or an idle main thread (the frame waited elsewhere).
 * BENCH_FLIP=1 runs each scenario's builds in the other order.
 * Every run also scrolls two anchors beside the builds (freezeList): the list
 * as drawn, with no script behind it, once as it was drawn and once with its
 * rows repeated ahead, so each figure has its floors beside it.
 * BENCH_KEYS=1 prints each key's moments (answer, DOM, frame, painted) to stderr.
 * BENCH_SEED_CACHE=<dir> keeps the seeded database there between runs.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { openAppDatabase } from '../electron/core/db/database';
import { writeTransaction } from '../electron/core/db/transaction';
import { DATABASE_FILE } from '../electron/core/paths';
import { tempDir } from '../test/helpers/temp-dir';
import { buildBaselineRenderer, buildCurrentRenderer } from './lib/baseline-renderer';
import { describeTrace, slowFrames, summariseTrace, traceWork } from './lib/frame-trace';
import { profileWork } from './lib/page-profile';
import { machineLine, table, writeSection } from './lib/results';
import { launchChromium, loadLine, openApp, spread, startWeb } from './lib/web-app';

const CONTACTS = 100_000;
const PORT = Number(process.env.BENCH_PORT ?? 4699);
const FIRST = [
  'Ana',
  'José',
  'María',
  'João',
  'Lucía',
  'Pedro',
  'Carmen',
  'Miguel',
  'Inês',
  'Pablo',
];
const LAST = ['García', 'Silva', 'Fernández', 'Santos', 'López', 'Pereira', 'Martínez', 'Costa'];
const TAGS = ['vip', 'newsletter', 'clinic', 'wholesale'];
const QUICK = process.argv.includes('--quick');
/** Prints the figures without rewriting this bench's section of bench/RESULTS.md. */
const NO_RECORD = process.argv.includes('--no-record');
const QUERIES = QUICK
  ? ['maria', '6001', 'lucía fern']
  : ['maria', 'silva 12', '6001', 'p9999', 'lucía fern'];
/** Wheel distances (px) at reading speed and as a flick. */
const READING_PX = QUICK ? 10_000 : 20_000;
const FLICK_PX = QUICK ? 100_000 : 200_000;

/** Straight into the profile through the core's own database code (the UI would take hours). */
function seed(dataDir: string): void {
  const cache = process.env.BENCH_SEED_CACHE;
  if (cache && existsSync(join(cache, DATABASE_FILE))) {
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(join(cache, DATABASE_FILE), join(dataDir, DATABASE_FILE));
    return;
  }
  seedDatabase(dataDir);
  if (cache) {
    mkdirSync(cache, { recursive: true });
    copyFileSync(join(dataDir, DATABASE_FILE), join(cache, DATABASE_FILE));
  }
}

function seedDatabase(dataDir: string): void {
  const db = openAppDatabase(dataDir);
  const account = db
    .prepare(
      `INSERT INTO accounts (name, provider, base_url, secret_ref, created_at)
       VALUES ('Bench', 'tags', 'http://127.0.0.1:9/tags', 'env:OUTPOST_BENCH_NONE', 0) RETURNING id`,
    )
    .pluck()
    .get() as number;
  const contact = db.prepare(
    `INSERT INTO contacts (account_id, remote_id, phone, first_name, last_name, email)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const tag = db.prepare('INSERT INTO contact_tags (contact_id, tag) VALUES (?, ?)');
  writeTransaction(db, () => {
    for (let i = 0; i < CONTACTS; i++) {
      const first = FIRST[(i * 7) % FIRST.length] as string;
      const last = LAST[(i * 13) % LAST.length] as string;
      const phone = `34${600_000_000 + ((i * 7919) % 99_999_999)}`;
      const id = contact
        .pluck()
        .get(account, `r${i}`, phone, first, `${last} ${i}`, `p${i}@bench.example`) as number;
      if (i % 5 === 0) tag.run(id, TAGS[i % TAGS.length] as string);
    }
  });
  db.close();
}

/*
 * What runs in the page is written as source text: this file is typechecked
 * without the DOM library (it is Node code), and these lines are browser code.
 * `page.evaluate` runs them as DevTools expressions, which the CSP allows.
 */

/**
 * In the page: every input event of the search box (its timeStamp is on the
 * performance.now() clock), and every `contacts.page` call with when it was
 * sent and answered, what it answered (total, first row).
 */
const INSTRUMENT = `(() => {
  const b = { inputs: [], calls: [], longTasks: [] };
  window.__bench = b;
  const contacts = window.outpost.contacts;
  const page = contacts.page;
  contacts.page = async (r) => {
    const sent = performance.now();
    const v = await page(r);
    const first = v.contacts[0];
    const call = { q: r.query, withTotal: r.withTotal, sent, got: performance.now(),
      total: v.total, first: first ? [first.firstName, first.lastName].filter(Boolean).join(' ') : null,
      frames: null };
    b.calls.push(call);
    if (r.withTotal) countFrames(call);
    return v;
  };
  // The frames from a result's arrival to the first one whose DOM holds it. Animation-frame
  // callbacks run before the frame's style, layout and paint, so a result in the DOM at that
  // callback is in that frame's picture: 1 = painted by the first frame after the answer.
  const holds = (call) => {
    const count = document.querySelector('[data-testid="contacts-count"]');
    if (!count || count.textContent.replace(/\\D/g, '') !== String(call.total)) return false;
    if (call.total === 0) return true;
    const row = document.querySelector('.clist-item[data-index="0"] .clist-open');
    return row !== null && row.textContent === call.first;
  };
  const countFrames = (call) => {
    let n = 0;
    const tick = () => {
      n++;
      if (holds(call)) call.frames = n;
      // Never drawn (a newer result replaced it first): 0, so a waiting key is not held up.
      else if (n >= 600) call.frames = 0;
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  document.addEventListener('input', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'search')
      b.inputs.push({ value: e.target.value, t: e.timeStamp });
  }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask' });
})()`;

/**
 * The anchors' page: this checkout's Contacts view with the list's window
 * copied once and put in the live one's place. The copy is the same markup,
 * CSS and total height (100,000 rows), but no React fiber and no virtualizer
 * behind it, so scrolling it runs no script per frame (React's delegated
 * listeners find no fiber on its nodes). With `drawn` 0 its rows stay where
 * they were drawn: what the compositor and browser cost with no page work and
 * nothing new to raster. With `drawn` N the drawn rows are repeated at every
 * place up to N (enough for the reading wheel and the flick), so new rows come
 * into view as in the app and are rastered, still with no script: the floor
 * of showing rows at that speed on this machine. Past N (the whole list) that
 * anchor scrolls empty places too.
 */
const freezeList = (drawn: number) => `(() => {
  const b = { inputs: [], calls: [], longTasks: [] };
  window.__bench = b;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask' });
  const live = document.querySelector('.clist-scroller');
  live.scrollTop = 0;
  const copy = live.cloneNode(true);
  live.replaceWith(copy);
  const drawn = ${drawn};
  if (drawn > 0) {
    // The drawn rows as patterns, repeated at every place up to 'drawn': rows to raster ahead.
    const patterns = [...copy.querySelectorAll('.clist-item')];
    const body = patterns[0].parentElement;
    for (const r of patterns) r.remove();
    const all = document.createDocumentFragment();
    for (let i = 0; i < drawn; i++) {
      const r = patterns[i % patterns.length].cloneNode(true);
      r.style.top = (i * 44) + 'px';
      r.dataset.index = String(i);
      r.setAttribute('aria-rowindex', String(i + 2));
      all.append(r);
    }
    body.append(all);
  }
  const rows = [...copy.querySelectorAll('.clist-item')];
  const top = (r) => r.getBoundingClientRect().top;
  // How far the first and last rows are apart: rows at their offsets, not stacked at the top.
  return { rows: rows.length, height: copy.scrollHeight,
    spread: rows.length ? top(rows[rows.length - 1]) - top(rows[0]) : 0 };
})()`;

/**
 * In the page, after typing the text q: waits until the list shows q's own
 * result (the count is its total and the first row is its first contact, and
 * all of q's page requests are answered), then until the frame holding it is
 * drawn. Resolves with the moments; null after 20 s.
 */
const shownFor = (q: string) => `new Promise((resolve) => {
  const q = ${JSON.stringify(q)};
  const b = window.__bench;
  const until = performance.now() + 20000;
  let done = false;
  const matches = () => {
    const input = b.inputs.find((i) => i.value === q);
    const calls = b.calls.filter((c) => c.q === q);
    const head = calls.find((c) => c.withTotal);
    if (!input || !head) return null;
    const count = document.querySelector('[data-testid="contacts-count"]');
    if (!count || count.textContent.replace(/\\D/g, '') !== String(head.total)) return null;
    if (head.total > 0) {
      const row = document.querySelector('.clist-item[data-index="0"] .clist-open');
      if (!row || row.textContent !== head.first) return null;
    }
    return { input: input.t, sent: head.sent, head: head.got,
      answered: Math.max(...calls.map((c) => c.got)), dom: performance.now(), call: head };
  };
  const finish = (m) => {
    if (done) return;
    done = true;
    observer.disconnect();
    // The frame that paints the change: its animation-frame callback, then the task after it.
    const { call, ...moments } = m;
    const painted = (frame) => setTimeout(() => {
      const at = performance.now();
      // The frame count is set by the frame holding the result, at the latest this one.
      const settle = () => call.frames === null ? requestAnimationFrame(settle)
        : resolve({ ...moments, frame, painted: at, frames: call.frames });
      settle();
    });
    requestAnimationFrame(painted);
  };
  const observer = new MutationObserver(() => { const m = matches(); if (m) finish(m); });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  const poll = () => {
    if (done) return;
    const m = matches();
    if (m) finish(m);
    else if (performance.now() > until) { done = true; observer.disconnect(); resolve(null); }
    else requestAnimationFrame(poll);
  };
  poll();
})`;

interface Shown {
  input: number;
  sent: number;
  head: number;
  answered: number;
  dom: number;
  frame: number;
  painted: number;
  /** Animation frames from the answer with the count to the first that holds the result (1 = the first). */
  frames: number;
}

interface Typed {
  answer: number[];
  inputToScreen: number[];
  answeredToDom: number[];
  answeredToScreen: number[];
  frames: number[];
  /** The holding frame's start (its vsync) → its main-thread part done: over 16.7 ms, it was late. */
  frameToPainted: number[];
}

/** One key's moments relative to its answer (BENCH_KEYS=1), to see which keys miss a frame and why. */
function keyLine(text: string, m: Shown): string {
  const at = (t: number) => (t - m.head).toFixed(1).padStart(6);
  return `key “${text}”: sent ${at(m.sent)}, answer 0, last page ${at(m.answered)}, DOM ${at(m.dom)}, frame ${at(m.frame)}, painted ${at(m.painted)} ms; frames ${m.frames}`;
}

async function typeQueries(page: Page, queries: readonly string[]): Promise<Typed> {
  const out: Typed = {
    answer: [],
    inputToScreen: [],
    answeredToDom: [],
    answeredToScreen: [],
    frames: [],
    frameToPainted: [],
  };
  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  for (const q of queries) {
    await search.fill('');
    await page.waitForTimeout(400);
    await search.focus();
    for (let i = 1; i <= q.length; i++) {
      const text = q.slice(0, i);
      await page.keyboard.type(q[i - 1] as string);
      const m = (await page.evaluate(shownFor(text))) as Shown | null;
      if (m === null) throw new Error(`The list never showed the result for "${text}".`);
      if (process.env.BENCH_KEYS) console.error(keyLine(text, m));
      out.answer.push(m.answered - m.sent);
      out.inputToScreen.push(m.painted - m.input);
      out.answeredToDom.push(m.dom - m.answered);
      out.answeredToScreen.push(m.painted - m.answered);
      out.frames.push(m.frames);
      out.frameToPainted.push(m.painted - m.frame);
      await page.waitForTimeout(150); // a person's pace between keys
    }
  }
  return out;
}

/**
 * In the page: records animation-frame deltas until stopped. Each recording
 * has its own loop and array: a loop of the previous recording that had not
 * ticked yet when this one started (stop and start with no frame between, as
 * when a build runs two scenarios back to back) stops on its own flag and
 * never adds its frames to this one (it did, doubling the count).
 */
const FRAMES_START = `(() => {
  const b = window.__bench;
  const rec = { frames: [], at: [], on: true };
  // The trace's clock and this page's: a trace run lines each slow frame up with the main thread.
  performance.mark('bench-frames-start');
  rec.mark = performance.now();
  b.rec = rec;
  b.longTasks.length = 0;
  let last = null;
  const tick = (now) => {
    if (!rec.on) return;
    if (last !== null) { rec.frames.push(now - last); rec.at.push(now); }
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const FRAMES_STOP = `(() => {
  const b = window.__bench;
  b.rec.on = false;
  return { frames: b.rec.frames.slice(), at: b.rec.at.slice(), mark: b.rec.mark,
    longTasks: b.longTasks.map((t) => t.ms) };
})()`;

interface Frames {
  frames: number[];
  /** When each delta ended (its frame's time), and when recording began, on the page's clock. */
  at: number[];
  mark: number;
  longTasks: number[];
}

/** `settle`: rows may still arrive after the last move (wheel, keys); 0 when the work ends with its last frame. */
async function recordFrames(page: Page, work: () => Promise<void>, settle = 300): Promise<Frames> {
  await page.evaluate(FRAMES_START);
  await work();
  if (settle > 0) await page.waitForTimeout(settle);
  return (await page.evaluate(FRAMES_STOP)) as Frames;
}

interface Fling {
  steps: number;
  /** Steps that did not move down by `step` (only the last may fall short). */
  short: number;
  bottom: number;
  max: number;
}

/**
 * Whole list, top to bottom: the scroll position moved `step` px each frame,
 * as a fling does. Resolves in the frame it reaches the bottom, with how many
 * steps it made, so the bench can check it ran once, straight through.
 */
const flingThrough = (step: number) => `new Promise((resolve) => {
  const el = document.querySelector('.clist-scroller');
  el.scrollTop = 0;
  let steps = 0;
  let short = 0;
  const tick = () => {
    const before = el.scrollTop;
    el.scrollTop += ${step};
    steps++;
    if (el.scrollTop - before !== ${step}) short++;
    if (el.scrollTop === before || el.scrollTop >= el.scrollHeight - el.clientHeight)
      resolve({ steps, short, bottom: el.scrollTop, max: el.scrollHeight - el.clientHeight });
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

/** Throws unless the fling went top to bottom once, each step a full `step` but the last. */
function checkFling(f: Fling, step: number): void {
  const expected = Math.ceil(f.max / step);
  if (f.bottom !== f.max || f.steps !== expected || f.short > 1)
    throw new Error(
      `The fling did not run once through: ${JSON.stringify(f)}, expected ${expected} steps.`,
    );
}

/** Real wheel input (Chromium's synthetic scroll gesture from a mouse) at `speed` px/s. */
async function wheel(cdp: CDPSession, distance: number, speed: number): Promise<void> {
  await cdp.send('Input.synthesizeScrollGesture', {
    x: 800,
    y: 600,
    yDistance: -distance,
    speed,
    gestureSourceType: 'mouse',
  });
}

/** Keyboard: focus the first row, Page Down `times` times, then End. */
async function keyboardScroll(page: Page, times: number): Promise<void> {
  await page.evaluate(`document.querySelector('.clist-scroller').scrollTop = 0`);
  await page.locator('.clist-item[data-index="0"]').focus();
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(30);
  }
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  await page.keyboard.press('Home');
}

/** "14 of 19 (74 %) at 1, 4 at 2, 1 later": how many frames each key's result took to be drawn. */
function frameShares(frames: readonly number[]): string {
  const at = (n: number) => frames.filter((f) => f === n).length;
  const later = frames.filter((f) => f > 2).length;
  const pct = frames.length ? Math.round((100 * at(1)) / frames.length) : 0;
  return `${at(1)} of ${frames.length} (${pct} %) at 1, ${at(2)} at 2, ${later} later`;
}

function frameRow(label: string, f: Frames): (string | number)[] {
  const over = (ms: number) => f.frames.filter((t) => t > ms).length;
  const long = f.longTasks.length
    ? `${f.longTasks.length} (max ${Math.max(...f.longTasks).toFixed(0)} ms)`
    : '0';
  // Deltas of one frame read 16.6–16.9 (the frame clock's jitter): "over a frame" allows a tenth.
  return [label, f.frames.length, ...spread(f.frames), over(16.7 * 1.1), over(25), over(50), long];
}

interface Build {
  label: string;
  page: Page;
  cdp: CDPSession;
  /** One of the no-script anchors: scrolled like the builds, never typed into. */
  anchor?: boolean;
}

/** One build's page, opened on its own server, on Contacts with the observers installed. */
async function openBuild(browser: Browser, label: string, url: string): Promise<Build> {
  const page = await openApp(browser, url);
  const cdp = await page.context().newCDPSession(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('table', { name: 'Contacts' }).getByRole('rowheader').first().waitFor();
  await page.evaluate(INSTRUMENT);
  await page.waitForTimeout(1000);
  return { label, page, cdp };
}

interface Frozen {
  rows: number;
  height: number;
  spread: number;
}

/** Rows drawn ahead in the second anchor: past the flick’s distance (4,646 rows in a full run, 2,373 quick). */
const ANCHOR_ROWS = Math.ceil(FLICK_PX / 44) + 100;

/** An anchor (freezeList) on its own server of this checkout's renderer. */
async function openAnchor(browser: Browser, url: string, drawn: number): Promise<Build> {
  const page = await openApp(browser, url);
  const cdp = await page.context().newCDPSession(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('table', { name: 'Contacts' }).getByRole('rowheader').first().waitFor();
  // The overscan rows follow the first window a frame or two later.
  await page.waitForTimeout(1000);
  const frozen = (await page.evaluate(freezeList(drawn))) as Frozen;
  // The copy must be the list as drawn: its rows at their offsets in a scroller of the full height.
  const placed = frozen.spread === (frozen.rows - 1) * 44;
  if (frozen.rows < Math.max(14, drawn) || frozen.height < CONTACTS * 44 || !placed)
    throw new Error(`The anchor's copy of the list is not the list: ${JSON.stringify(frozen)}.`);
  await page.waitForTimeout(1000);
  const label = drawn ? 'anchor, rows drawn ahead (no script)' : 'anchor (no script)';
  return { label, page, cdp, anchor: true };
}

async function backToEveryone(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('');
  await page.getByTestId('contacts-count').getByText('100,000').waitFor();
  await page.waitForTimeout(1000);
}

/** `settle`: ms recorded after the work ends (see recordFrames). */
type Scenario = [label: string, run: (b: Build) => Promise<void>, settle?: number];

const SCENARIOS: Scenario[] = [
  [
    `wheel, ${READING_PX.toLocaleString('en')} px at 2,000 px/s (reading)`,
    (b) => wheel(b.cdp, READING_PX, 2_000),
  ],
  [
    `wheel, ${FLICK_PX.toLocaleString('en')} px at 20,000 px/s (flick)`,
    (b) => wheel(b.cdp, FLICK_PX, 20_000),
  ],
  [
    'whole list, 8,000 px a frame (4.4 M px)',
    async (b) => checkFling((await b.page.evaluate(flingThrough(8_000))) as Fling, 8_000),
    // Its frames are the fling's own: recording stops when it reaches the bottom.
    0,
  ],
  ['keyboard: 40 × Page Down, End, Home', (b) => keyboardScroll(b.page, 40)],
];

async function profileBuilds(builds: Build[]): Promise<void> {
  for (const b of builds) {
    await profileWork(b.cdp, `${b.label}: wheel 10,000 px at 2,000 px/s`, () =>
      wheel(b.cdp, 10_000, 2_000),
    );
    await profileWork(b.cdp, `${b.label}: typing “maria”, “silva 12”`, async () => {
      await typeQueries(b.page, ['maria', 'silva 12']);
    });
  }
}

/** Each frame over 25 ms, lined up with the trace: was it the page's work or a wait? */
function describeSlowFrames(events: Parameters<typeof slowFrames>[0], f: Frames): string[] {
  const slow: { from: number; to: number }[] = [];
  f.frames.forEach((d, i) => {
    const to = f.at[i] as number;
    if (d > 25) slow.push({ from: to - d - f.mark, to: to - f.mark });
  });
  const found = slowFrames(events, 'bench-frames-start', slow);
  if (found === null) return ['slow frames: the trace has no mark to line them up with'];
  const kinds = new Map<string, number>();
  for (const g of found) kinds.set(g.kind, (kinds.get(g.kind) ?? 0) + 1);
  return [
    `frames over 25 ms: ${found.length} of ${f.frames.length}: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}`,
    ...found
      .slice(0, 8)
      .map(
        (g) =>
          `  ${(g.to - g.from).toFixed(1)} ms: main thread ${g.wall.toFixed(1)} wall / ${g.cpu.toFixed(1)} CPU in it (${g.kind}); compositor ${g.compositorCpu.toFixed(1)} CPU`,
      ),
  ];
}

/** BENCH_FLIP=1 starts with the other order, so a scenario's figures can be read in both. */
const flip = process.env.BENCH_FLIP ? 1 : 0;

/**
 * The builds in turn i's order: rotated one place a turn, so each (the
 * anchor too) runs first, in the middle and last as often. With two builds
 * this is the flip from one scenario to the next that the bench always had.
 */
function inTurn(builds: readonly Build[], i: number): Build[] {
  return builds.map((_, k) => builds[(k + i + flip) % builds.length] as Build);
}

/** Each scenario (and typing) traced on each build in turn, `rounds` times. */
async function traceBuilds(builds: Build[], rounds: number): Promise<void> {
  const work: Scenario[] = [
    ...SCENARIOS,
    ['typing “maria”, “6001”', async (b) => void (await typeQueries(b.page, ['maria', '6001']))],
  ];
  for (let round = 0; round < rounds; round++)
    for (const [i, [label, run, settle]] of work.entries())
      for (const b of inTurn(builds, round + i)) {
        const typing = i === work.length - 1;
        if (b.anchor && typing) continue;
        const load = loadLine();
        let frames: Frames | null = null;
        const events = await traceWork(b.cdp, async () => {
          frames = await recordFrames(b.page, () => run(b), settle);
        });
        const lines = describeTrace(
          `${b.label}: ${label} (round ${round + 1}, load ${load})`,
          summariseTrace(events),
        );
        if (frames) lines.push(...describeSlowFrames(events, frames));
        console.log(`\n${lines.join('\n')}`);
        if (typing) await backToEveryone(b.page);
      }
}

async function main(): Promise<void> {
  const dir = tempDir('outpost-bench-view-');
  const loadBefore = loadLine();
  const stops: (() => Promise<void>)[] = [];
  const baselineRev = process.env.BENCH_BASELINE;
  if (!process.env.BENCH_NO_BUILD) buildCurrentRenderer();
  const baseline = baselineRev ? buildBaselineRenderer(baselineRev, dir.path) : null;
  const browser = await launchChromium();
  try {
    const seedStart = performance.now();
    seed(join(dir.path, 'this'));
    const seedMs = performance.now() - seedStart;
    const builds: Build[] = [];
    if (baseline && baselineRev) {
      const other = join(dir.path, 'baseline-profile');
      mkdirSync(other, { recursive: true });
      copyFileSync(join(dir.path, 'this', DATABASE_FILE), join(other, DATABASE_FILE));
      const web = await baseline.serve(() => startWeb(other, PORT + 1));
      stops.push(web.stop);
      builds.push(await openBuild(browser, `baseline ${baselineRev}`, web.url));
    }
    const web = await startWeb(join(dir.path, 'this'), PORT);
    stops.push(web.stop);
    builds.push(await openBuild(browser, 'this checkout', web.url));
    const apps = [...builds];
    for (const [i, drawn] of [0, ANCHOR_ROWS].entries()) {
      const profile = join(dir.path, `anchor-profile-${i}`);
      mkdirSync(profile, { recursive: true });
      copyFileSync(join(dir.path, 'this', DATABASE_FILE), join(profile, DATABASE_FILE));
      const anchorWeb = await startWeb(profile, PORT + 2 + i);
      stops.push(anchorWeb.stop);
      builds.splice(i, 0, await openAnchor(browser, anchorWeb.url, drawn));
    }

    if (process.env.BENCH_TRACE) {
      await traceBuilds(builds, Number(process.env.BENCH_TRACE) || 1);
      return;
    }
    if (process.env.BENCH_PROFILE) {
      await profileBuilds(apps);
      return;
    }

    // Scenario by scenario, each build in turn: both see the same moment of the machine.
    const typed = new Map<Build, Typed>();
    for (const b of apps) typed.set(b, await typeQueries(b.page, QUERIES));
    for (const b of apps) await backToEveryone(b.page);
    const frames = new Map<Build, Frames[]>(builds.map((b) => [b, []]));
    for (const [i, [, run, settle]] of SCENARIOS.entries())
      for (const b of inTurn(builds, i + 1))
        frames.get(b)?.push(await recordFrames(b.page, () => run(b), settle));
    const loadAfter = loadLine();

    const searchRows: (string | number)[][] = [];
    for (const b of apps) {
      const t = typed.get(b) as Typed;
      searchRows.push(
        [b.label, 'main answers the query (all its pages)', t.answer.length, ...spread(t.answer)],
        [
          b.label,
          'input event → result painted',
          t.inputToScreen.length,
          ...spread(t.inputToScreen),
        ],
        [b.label, 'answer → result in the DOM', t.answeredToDom.length, ...spread(t.answeredToDom)],
        [
          b.label,
          'answer → result painted',
          t.answeredToScreen.length,
          ...spread(t.answeredToScreen),
        ],
        [
          b.label,
          "that frame's start (vsync) → its main-thread part done",
          t.frameToPainted.length,
          ...spread(t.frameToPainted),
        ],
        [
          b.label,
          'answer → first frame holding the result (frames, not ms)',
          t.frames.length,
          ...spread(t.frames),
        ],
      );
    }
    const shares = apps.map((b) => `${b.label}: ${frameShares((typed.get(b) as Typed).frames)}`);
    const scrollRows: (string | number)[][] = [];
    SCENARIOS.forEach(([label], i) => {
      for (const b of builds)
        scrollRows.push([b.label, ...frameRow(label, frames.get(b)?.[i] as Frames)]);
    });
    const body = [
      `${CONTACTS.toLocaleString('en')} contacts seeded into the bench's own profile through the core (${(seedMs / 1000).toFixed(1)} s); Chromium ${browser.version()} headless, software rendering, through \`npm run web\`${QUICK ? ', `--quick`' : ''}. Load average (1 / 5 / 15 min) ${loadBefore} before, ${loadAfter} after (2 cores shared with other work).${baselineRev ? ` Each scenario ran on the baseline's renderer (\`${baselineRev}\`, same core) and on this checkout's, in turn (the order flips between scenarios).` : ''}`,
      '**Search as you type**: the queries ' +
        QUERIES.map((q) => `“${q}”`).join(', ') +
        ', typed key by key (150 ms between keys), each key waited for. "Answer" is when the last of the query\'s page requests is answered; "painted" is the task after the animation frame that first holds the query\'s own result (count = its total, first row = its first contact). Target: answer → painted within one frame (16.7 ms). "Frames" counts the animation frames from the answer that carries the count to the first whose animation-frame callback finds the result in the DOM (that frame draws it): 1 is within one frame; painted in ms also holds the wait for that frame\'s vsync (0–16.7 ms) and the frame\'s own work, shown on the row before it.',
      table(['build', 'ms', 'keys', 'p50', 'p95', 'max'], searchRows),
      `Keys whose result was in the first frame after its answer (within one frame), in the second, later: ${shares.join('; ')}.`,
      `**Scrolling**: animation-frame deltas while scrolling (a frame at 60 Hz is 16.7 ms; a delta over 25 ms is at least one dropped frame), and the long tasks (> 50 ms) Chromium reported meanwhile. The anchors are this checkout's view with the list's window copied once in its place (same rows, CSS and height, no script behind it), scrolled the same way in the same run: "anchor" keeps its rows where they were drawn (what this machine's compositor and browser drop with no page work and nothing new to raster); "rows drawn ahead" repeats the drawn rows at every place to ${ANCHOR_ROWS.toLocaleString('en')} (new rows come into view and are rastered as in the app, still with no script; past them, in the whole list, it scrolls empty places). Their keyboard scroll is the browser's own (Page Down scrolls the scroller, not the focus).`,
      table(
        [
          'build',
          'scroll',
          'frames',
          'p50 ms',
          'p95 ms',
          'max ms',
          'frames > 16.7 ms (> 18.4)',
          'frames > 25 ms',
          'frames > 50 ms',
          'long tasks',
        ],
        scrollRows,
      ),
    ].join('\n\n');
    console.log(machineLine());
    console.log(body);
    if (!NO_RECORD)
      writeSection('contacts-view', 'Contacts view, 100,000 contacts (Chromium)', body);
  } finally {
    await browser.close();
    for (const stop of stops) await stop();
    baseline?.remove();
    dir.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
