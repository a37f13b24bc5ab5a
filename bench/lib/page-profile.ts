/**
 * Where a page's main thread spends a stretch of work, for the renderer
 * benchmarks' BENCH_PROFILE mode: a CPU profile (JavaScript self time by
 * function) and a trace (time by the renderer's own task kinds: script,
 * style, layout, paint, garbage collection). The figures the benchmarks
 * print are measured without it, since both slow the page down.
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { frame?: string } };
}

/** The trace's events that are the renderer's own work on its main thread. */
const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  EventDispatch: 'event handlers',
  TimerFire: 'script (timers)',
  FireAnimationFrame: 'animation frames',
  RunMicrotasks: 'microtasks',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'layerize',
  UpdateLayer: 'layers',
  CompositeLayers: 'composite',
  Commit: 'commit',
  ScrollLayer: 'scroll',
  MajorGC: 'gc',
  MinorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  ParseHTML: 'parse HTML',
  HitTest: 'hit test',
};

function selfTimes(p: CpuProfile, top: number): [string, number][] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (p.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const name = f
      ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
      : '?';
    self.set(name, (self.get(name) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  let out = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    out += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return out;
}

/** Complete events (ph X) of the busiest renderer thread, summed by kind (outermost only). */
function traceKinds(events: TraceEvent[]): [string, number][] {
  const busy = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask')
      busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const sums = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || `${e.pid}:${e.tid}` !== main) continue;
    const kind = e.name === 'RunTask' ? 'tasks (all)' : KINDS[e.name];
    if (kind) sums.set(kind, (sums.get(kind) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

/**
 * Runs `work` under a CPU profile, then again under a trace, and prints
 * both summaries under `label`. Nested kinds overlap (a layout forced from
 * script is inside "script"), so the kinds do not add up to the tasks.
 */
export async function profileWork(
  cdp: CDPSession,
  label: string,
  work: () => Promise<void>,
): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`\n## ${label}: JavaScript self time (CPU profile)`);
  for (const [name, ms] of selfTimes(profile as CpuProfile, 30))
    console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);

  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')),
  );
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
    },
  });
  await work();
  await cdp.send('Tracing.end');
  const text = await readStream(cdp, await done);
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  console.log(`\n## ${label}: renderer main thread by kind (trace, ms)`);
  for (const [kind, ms] of traceKinds(events))
    console.log(`${ms.toFixed(1).padStart(9)} ms  ${kind}`);
}
