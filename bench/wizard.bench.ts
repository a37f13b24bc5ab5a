/**
 * The CSV wizard's analysis of a 100,000-row file in the app path: a profile
 * with a 360nrs account on the in-process sandbox (real HTTP, so the price
 * list, balance and blacklist refresh are asked as in the app), the IPC
 * handler table behind the dispatcher (zod in and out), every request and
 * reply passed through JSON as the web bridge carries them. The file is
 * staged as renderer/src/lib/stage-file.ts does (1 MiB chunks in base64 on
 * `files.stage`), then `bulk.sniff` and `bulk.analyze` with its `bulk.progress`
 * events. While the analysis runs, a small call (`outbox.status`) is made every
 * 50 ms and the event loop's delay is sampled: main must keep answering the
 * window. Medians of RUNS; one Windows-1252 ";" file like a clinic's export.
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
import { peakRssMiB, table, writeSection } from './lib/results';

const ROWS = 100_000;
const RUNS = 3;
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

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

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
  const bytes = clinicCsv(ROWS);
  const rows: (string | number)[][] = [];
  const figures = { stage: [] as number[], sniff: [] as number[], analyze: [] as number[] };
  let last: { valid: number; invalid: number; duplicates: number } | null = null;

  for (let run = 1; run <= RUNS; run++) {
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
        // From when the call is due (50 ms after the last answer) to its answer: a blocked loop counts.
        const due = performance.now() + 50;
        await new Promise((r) => setTimeout(r, 50));
        await call('outbox.status', {});
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
    last = {
      valid: reply.report.valid,
      invalid: reply.report.invalidCount,
      duplicates: reply.report.duplicates,
    };
    await call('files.discard', { token });
    figures.stage.push(stageMs);
    figures.sniff.push(sniffMs);
    figures.analyze.push(analyzeMs);
    rows.push([
      run,
      stageMs.toFixed(0),
      sniffMs.toFixed(1),
      analyzeMs.toFixed(0),
      Math.round(ROWS / (analyzeMs / 1000)).toLocaleString('en'),
      progressEvents,
      (loop.percentile(99) / 1e6).toFixed(0),
      (loop.max / 1e6).toFixed(0),
      median(latencies).toFixed(1),
      Math.max(...latencies).toFixed(0),
    ]);
  }
  await core.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });

  const body = table(
    [
      'run',
      'stage ms',
      'sniff ms',
      'analyze ms',
      'rows/s',
      'progress events',
      'loop delay p99 ms',
      'loop delay max ms',
      'IPC call median ms',
      'IPC call max ms',
    ],
    rows,
  );
  const [l1, l5] = loadavg();
  const notes = `
${ROWS.toLocaleString('en')} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MiB (Windows-1252, ";"); report: ${last?.valid.toLocaleString('en')} valid, ${last?.invalid} invalid, ${last?.duplicates} duplicates. Medians: stage ${median(figures.stage).toFixed(0)} ms, sniff ${median(figures.sniff).toFixed(1)} ms, analyze ${median(figures.analyze).toFixed(0)} ms (${Math.round(ROWS / (median(figures.analyze) / 1000)).toLocaleString('en')} rows/s). Peak RSS ${peakRssMiB()} MiB. Load average at the end: ${l1?.toFixed(1)} (1 min), ${l5?.toFixed(1)} (5 min).

"analyze" is the whole \`bulk.analyze\` call: the price list, balance and blacklist asked of the sandbox, then the bulk core's pass over the staged file, the report cut for the screen. "IPC call" is an \`outbox.status\` due every 50 ms during the analysis, timed from when it was due to its answer: what the window waits for while main checks the file. The loop delay is Node's event-loop delay over the analysis (10 ms resolution).`;
  console.log(body);
  console.log(notes);
  writeSection('wizard', 'CSV wizard analysis in the app path (100,000 rows)', `${body}\n${notes}`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
