/**
 * The CSV wizard's analysis of 1,000,000- and 100,000-row files in the app path: a profile
 * with a 360nrs account on the in-process sandbox (real HTTP, so the price
 * list, balance and blacklist refresh are asked as in the app), the IPC
 * handler table behind the dispatcher (zod in and out), every request and
 * reply passed through JSON as the web bridge carries them. The file is
 * staged as renderer/src/lib/stage-file.ts does (1 MiB chunks in base64 on
 * `files.stage`), then `bulk.sniff` and `bulk.analyze` with its `bulk.progress`
 * events. While the analysis runs, a small call (`outbox.list`) is made every
 * 100 ms and the event loop's delay is sampled: main must keep answering the
 * window. One run per size; Windows-1252 ";" files like a clinic's export.
 *
 * Run: npx tsx bench/wizard.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { addAccount } from '../electron/core/accounts/repository';
import { CoreContext } from '../electron/core/context';
import { createDispatcher } from '../electron/core/ipc/dispatch';
import { createHandlers } from '../electron/core/ipc/handlers';
import { MemoryVault } from '../electron/core/vault/memory-vault';
import { startSandbox } from '../electron/sandbox';
import { STAGE_CHUNK_BYTES } from '../shared/ipc/schemas/files';
import { peakRssMiB, percentile, table, writeSection } from './lib/results';

/** The 1,000,000-row file first, so the peak RSS read after it is its own. */
const SIZES = [1_000_000, 100_000];
const PROBE_EVERY_MS = 100;
const TEMPLATE = 'Hola {Nombre}, le recordamos su cita del {Fecha}. Responda NO para anularla.';

function clinicCsv(rows: number): Buffer {
  const lines = ['Nombre;Teléfono;Fecha;Importe'];
  for (let i = 0; i < rows; i++) {
    // Every 500th row repeats a number and every 997th has a bad one, as in bench/bulk.
    const n = i % 500 === 499 ? i - 1 : i;
    const phone = i % 997 === 996 ? '12345' : `6${String(20_000_000 + n).padStart(8, '0')}`;
    lines.push(`José Muñoz ${i};${phone};martes ${(i % 28) + 1};${i % 100},50`);
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252');
}

const median = (values: number[]) => percentile(values, 50);

async function main(): Promise<void> {
  const sandbox = await startSandbox({ demoData: false, credits: 1_000_000 });
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-wizard-'));
  const vault = new MemoryVault();
  const core = new CoreContext({ dataDir: dir, version: 'bench', vault });
  const accountId = addAccount(core.db, {
    name: 'Main',
    provider: 'nrs',
    baseUrl: sandbox.apis.nrs.baseUrl,
    username: sandbox.apis.nrs.username,
    secretRef: vault.store('Main', sandbox.apis.nrs.password),
  }).id;
  const dispatch = createDispatcher(createHandlers(core));
  // As over the bridge: the request and the reply each cross as JSON.
  const call = async (channel: string, request: unknown): Promise<any> => {
    const r = JSON.parse(
      JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request)))),
    );
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  let progressEvents = 0;
  core.events.bus.subscribe((name) => {
    if (name === 'bulk.progress') progressEvents++;
  });
  const rows: (string | number)[][] = [];
  const reports: string[] = [];

  for (const [run, ROWS] of SIZES.entries()) {
    const bytes = clinicCsv(ROWS);
    let t = performance.now();
    let token: string | undefined;
    for (let offset = 0; offset < bytes.length; ) {
      const reply = await call('files.stage', {
        ...(token ? { token } : {}),
        name: 'clinica.csv',
        size: bytes.length,
        offset,
        data: bytes.subarray(offset, offset + STAGE_CHUNK_BYTES).toString('base64'),
      });
      token = reply.token;
      offset = reply.received;
    }
    const stageMs = performance.now() - t;

    t = performance.now();
    const sniff = await call('bulk.sniff', { file: token, defaultCountry: 'ES' });
    const sniffMs = performance.now() - t;
    if (sniff.encoding.name !== 'windows-1252') throw new Error('sniff guessed wrong');

    progressEvents = 0;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const latencies: number[] = [];
    let analyzing = true;
    const prober = (async () => {
      while (analyzing) {
        // From when the call is due (100 ms after the last answer) to its answer: a blocked loop counts.
        const due = performance.now() + PROBE_EVERY_MS;
        await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
        await call('outbox.list', { limit: 50 });
        latencies.push(performance.now() - due);
      }
    })();
    loop.enable();
    t = performance.now();
    const reply = await call('bulk.analyze', {
      runId: `bench-${run}`,
      file: token,
      defaultCountry: 'ES',
      accountId,
      template: TEMPLATE,
    });
    const analyzeMs = performance.now() - t;
    analyzing = false;
    loop.disable();
    await prober;
    if (!reply.ok) throw new Error(reply.message);
    reports.push(
      `${ROWS.toLocaleString('en')} rows: ${reply.report.valid.toLocaleString('en')} valid, ${reply.report.invalidCount} invalid, ${reply.report.duplicates} duplicates`,
    );
    await call('files.discard', { token });
    rows.push([
      ROWS.toLocaleString('en'),
      `${(bytes.length / 2 ** 20).toFixed(1)} MiB`,
      stageMs.toFixed(0),
      sniffMs.toFixed(1),
      analyzeMs.toFixed(0),
      Math.round(ROWS / (analyzeMs / 1000)).toLocaleString('en'),
      progressEvents,
      (loop.percentile(50) / 1e6).toFixed(0),
      (loop.percentile(99) / 1e6).toFixed(0),
      (loop.max / 1e6).toFixed(0),
      latencies.length,
      median(latencies).toFixed(1),
      percentile(latencies, 99).toFixed(0),
      Math.max(...latencies).toFixed(0),
      run === 0 ? peakRssMiB() : '',
    ]);
  }
  await core.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });

  const body = table(
    [
      'rows',
      'size',
      'stage ms',
      'sniff ms',
      'analyze ms',
      'rows/s',
      'progress events',
      'loop delay p50 ms',
      'loop delay p99 ms',
      'loop delay max ms',
      'IPC calls',
      'IPC answer p50 ms',
      'IPC answer p99 ms',
      'IPC answer max ms',
      'peak RSS MiB (after 1M)',
    ],
    rows,
  );
  const [l1, l5] = loadavg();
  const notes = `
Windows-1252 ";" files like a clinic's export; ${reports.join('; ')}. Peak RSS at the end ${peakRssMiB()} MiB (the whole process, worker thread included). Load average at the end: ${l1?.toFixed(1)} (1 min), ${l5?.toFixed(1)} (5 min).

"analyze" is the whole \`bulk.analyze\` call: the price list, balance and blacklist asked of the sandbox, then the bulk core's pass over the staged file (read and checked in a worker thread, \`offMainThread\`; main finishes each 1,000-row chunk: lists, duplicates, report), the report cut for the screen. "IPC answer" is an \`outbox.list\` due every ${PROBE_EVERY_MS} ms during the analysis, timed from when it was due to its answer: what the window waits for while main checks the file. The loop delay is Node's event-loop delay over the analysis (10 ms resolution).`;
  console.log(body);
  console.log(notes);
  writeSection(
    'wizard',
    'CSV wizard analysis in the app path (1,000,000 and 100,000 rows)',
    `${body}\n${notes}`,
  );
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
