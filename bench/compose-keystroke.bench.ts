/**
 * Keystroke → counter on screen in Compose (issue 15: p95 ≤ 4 ms), in
 * Chromium through `npm run web`: a 1,600-character message with a
 * `{first_name}` field, merged for the 50 contacts of a book picked as the
 * recipients. For each keystroke, the time from the input event (its
 * timeStamp) to the counter's DOM update (a MutationObserver on the counter).
 * The machine may be shared, so the load average is printed with the figures.
 * Run: npx tsx bench/compose-keystroke.bench.ts
 * A/B: BENCH_BASELINE=<a built renderer folder, e.g. another checkout's
 * out/renderer> measures that build too, alternating with this one.
 * BENCH_PROFILE=1 prints where this checkout's page spent the keystrokes
 * (build with minify off to read React's and the app's function names);
 * BENCH_PAIRS=N (default 110) pairs per build; BENCH_NO_WRITE=1 leaves
 * bench/RESULTS.md alone.
 */
import type { Browser, Page } from 'playwright-core';
import { openAppDatabase } from '../electron/core/db/database';
import { writeTransaction } from '../electron/core/db/transaction';
import { tempDir } from '../test/helpers/temp-dir';
import { machineLine, table, writeSection } from './lib/results';
import { launchChromium, loadLine, openApp, spread, startWeb } from './lib/web-app';

const PORT = Number(process.env.BENCH_PORT ?? 4698);
const RECIPIENTS = 50;
const LENGTH = 1_600;
/** Pairs of keystrokes (a letter, then Backspace), so the message stays at 1,600 characters. */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 110);
const WARMUP_PAIRS = 10;
const BOOK = 'Bench fifty';
const FIRST = ['Ana', 'José Luis', 'Mª Carmen', 'Bo', 'Maximiliano', 'Lucía', 'Joaquín', 'Inés'];

/** One account (its provider unreachable: nothing is sent) and a book of 50 contacts. */
function seed(dataDir: string): void {
  const db = openAppDatabase(dataDir);
  const account = db
    .prepare(
      `INSERT INTO accounts (name, provider, base_url, secret_ref, created_at)
       VALUES ('Bench', 'tags', 'http://127.0.0.1:9/tags', 'env:OUTPOST_BENCH_NONE', 0) RETURNING id`,
    )
    .pluck()
    .get() as number;
  const book = db
    .prepare(
      'INSERT INTO contact_books (account_id, remote_id, name) VALUES (?, ?, ?) RETURNING id',
    )
    .pluck()
    .get(account, 'b1', BOOK) as number;
  const contact = db.prepare(
    `INSERT INTO contacts (account_id, remote_id, phone, first_name, last_name)
     VALUES (?, ?, ?, ?, ?) RETURNING id`,
  );
  const member = db.prepare('INSERT INTO contact_book_members (book_id, contact_id) VALUES (?, ?)');
  writeTransaction(db, () => {
    for (let i = 0; i < RECIPIENTS; i++) {
      const id = contact
        .pluck()
        .get(
          account,
          `c${i}`,
          `3461${String(1_000_000 + i * 37)}`,
          FIRST[i % FIRST.length],
          `Prueba ${i}`,
        ) as number;
      member.run(book, id);
    }
  });
  db.close();
}

/** A 1,600-character GSM message with the first name in two places. */
function message(): string {
  const head = 'Hola {first_name}, ';
  const tail = ' Gracias, {first_name}.';
  const filler =
    'su cita en la clinica queda confirmada para el jueves a las 10:30. Si no puede venir, responda a este mensaje. ';
  let body = '';
  while (head.length + body.length + tail.length < LENGTH) body += filler;
  return head + body.slice(0, LENGTH - head.length - tail.length) + tail;
}

/** In the page: each input event of the message box, each change of the counter's DOM. */
const INSTRUMENT = `(() => {
  const b = { inputs: [], updates: [] };
  window.__keys = b;
  document.querySelector('form.compose textarea').addEventListener('input',
    (e) => b.inputs.push(e.timeStamp), true);
  const meter = document.querySelector('[data-testid="segment-meter"]');
  new MutationObserver(() => {
    b.updates.push({ t: performance.now(), text: meter.querySelector('[data-testid="meter-detail"]').textContent });
  }).observe(meter, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

/** In the page: after the n-th input event, the first counter update after it (null after 5 s). */
const updateAfter = (n: number) => `new Promise((resolve) => {
  const b = window.__keys;
  const until = performance.now() + 5000;
  const look = () => {
    const input = b.inputs[${n}];
    const update = input === undefined ? undefined : b.updates.find((u) => u.t >= input);
    if (update) resolve({ input, update: update.t, text: update.text });
    else if (performance.now() > until) resolve(null);
    else setTimeout(look, 1);
  };
  look();
})`;

interface Update {
  input: number;
  update: number;
  text: string;
}

async function keystrokes(page: Page, pairs: number, from: number): Promise<number[]> {
  const out: number[] = [];
  let n = from;
  for (let i = 0; i < pairs; i++) {
    for (const key of ['e', 'Backspace']) {
      await page.keyboard.press(key);
      const m = (await page.evaluate(updateAfter(n))) as Update | null;
      if (m === null)
        throw new Error(`The counter did not change after keystroke ${n + 1} (${key}).`);
      out.push(m.update - m.input);
      n += 1;
      await page.waitForTimeout(60); // a fast typist's pace
    }
  }
  return out;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * BENCH_PROFILE=1: where the page's main thread spent the measured keystrokes,
 * by self time and by total time (a function and everything it called; each
 * sample counted once per function on its stack).
 */
function printProfile(p: {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (id: number) => {
    const f = byId.get(id)?.callFrame;
    return f
      ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
      : '?';
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  /** Inside React's handler of the input event (only named so in an unminified build). */
  const inKey = new Map<string, number>();
  (p.samples ?? []).forEach((id, i) => {
    const ms = (p.timeDeltas?.[i] ?? 0) / 1000;
    self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      seen.add(nameOf(at));
    for (const name of seen) total.set(name, (total.get(name) ?? 0) + ms);
    if ([...seen].some((n) => n.startsWith('dispatchDiscreteEvent ')))
      for (const name of seen) inKey.set(name, (inKey.get(name) ?? 0) + ms);
  });
  for (const [title, map] of [
    ['self time', self],
    ['total time', total],
    ['total time inside the input event (dispatchDiscreteEvent; unminified build)', inKey],
  ] as const) {
    console.log(`-- ${title} over the measured keystrokes --`);
    const top = [...map].sort((a, b) => b[1] - a[1]).slice(0, 45);
    for (const [name, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
}

/** Compose opened on its own profile, the book picked, the message typed in, the observers on. */
async function prepare(browser: Browser, port: number, renderer?: string): Promise<Side> {
  const dir = tempDir('outpost-bench-keys-');
  seed(dir.path);
  const web = await startWeb(dir.path, port, renderer);
  const close = async () => {
    await web.stop();
    dir.remove();
  };
  try {
    const page = await openApp(browser, web.url);
    const to = page.getByRole('combobox', { name: 'To' });
    await to.fill(BOOK);
    await page.getByRole('option', { name: new RegExp(`Book “${BOOK}”`) }).click();
    await page
      .getByTestId('recipient-chip')
      .filter({ hasText: `(${RECIPIENTS} contacts)` })
      .waitFor();
    const area = page.getByRole('textbox', { name: 'Message' });
    await area.fill(message());
    await page
      .getByTestId('merge-summary')
      .getByText(/After merge/)
      .waitFor({ timeout: 30_000 });
    await page
      .getByTestId('audience-sending')
      .getByText(`${RECIPIENTS}`)
      .waitFor({ timeout: 30_000 });
    await area.focus();
    await page.keyboard.press('End');
    await page.waitForTimeout(1_000);
    await page.evaluate(INSTRUMENT);
    await keystrokes(page, WARMUP_PAIRS, 0);
    return { page, close, n: WARMUP_PAIRS * 2, times: [] };
  } catch (error) {
    await close();
    throw error;
  }
}

interface Side {
  page: Page;
  close: () => Promise<void>;
  /** Keystrokes made so far (the index of the next input event). */
  n: number;
  times: number[];
}

/** Pairs measured on one side before switching to the other (A/B alternate in blocks). */
const BLOCK = 10;

async function main(): Promise<void> {
  const loadBefore = loadLine();
  const baseline = process.env.BENCH_BASELINE;
  const browser = await launchChromium();
  const sides: Side[] = [];
  try {
    sides.push(await prepare(browser, PORT));
    if (baseline) sides.push(await prepare(browser, PORT + 1, baseline));
    const [mine] = sides;
    if (!mine) throw new Error('Compose did not open.');
    const profile = process.env.BENCH_PROFILE
      ? await mine.page.context().newCDPSession(mine.page)
      : null;
    if (profile) {
      await profile.send('Profiler.enable');
      await profile.send('Profiler.setSamplingInterval', { interval: 100 });
      await profile.send('Profiler.start');
    }
    for (let done = 0; done < PAIRS; done += BLOCK) {
      for (const side of sides) {
        await side.page.bringToFront();
        const pairs = Math.min(BLOCK, PAIRS - done);
        side.times.push(...(await keystrokes(side.page, pairs, side.n)));
        side.n += pairs * 2;
      }
    }
    if (profile) printProfile((await profile.send('Profiler.stop')).profile);
    const summary = await mine.page.getByTestId('merge-summary').textContent();
    const loadAfter = loadLine();
    const rows = sides.map((side, i) => [
      i === 0 ? 'this checkout' : `baseline (${baseline})`,
      side.times.length,
      ...spread(side.times),
    ]);
    const body = [
      `A ${LENGTH.toLocaleString('en')}-character message with \`{first_name}\` twice, merged for a book of ${RECIPIENTS} contacts (first names of 2–11 characters) picked in Compose; Chromium ${browser.version()} headless through \`npm run web\`. Keystrokes: a letter then Backspace, ${PAIRS * 2} measured per build after ${WARMUP_PAIRS * 2} warm-up ones, 60 ms apart, each waited for${baseline ? `; the two builds alternate in blocks of ${BLOCK * 2} keystrokes, each in its own tab and profile` : ''}. Load average (1 / 5 / 15 min) ${loadBefore} before, ${loadAfter} after. On screen at the end: “${summary?.trim()}”.`,
      table(
        ['input event → counter DOM updated', 'keystrokes', 'p50 ms', 'p95 ms', 'max ms'],
        rows,
      ),
      'Target: p95 ≤ 4 ms.',
    ].join('\n\n');
    console.log(machineLine());
    console.log(body);
    if (!process.env.BENCH_NO_WRITE)
      writeSection(
        'compose-keystroke',
        'Compose: keystroke → counter, 1,600 characters × 50 recipients (Chromium)',
        body,
      );
  } finally {
    await browser.close();
    for (const side of sides) await side.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
