/**
 * What the renderer does per frame while a page scrolls, from a Chromium
 * trace (contacts bench, BENCH_TRACE=1). The frame deltas the benchmarks
 * print move with the machine's load (2 shared cores); thread CPU time
 * (`tdur`) counts only the time the thread ran, so it compares two builds
 * under a varying load, and it splits each long task into Chromium's phases
 * (style, layout, paint, commit...) and the page's own script.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** Chromium's event names, grouped into the phases a frame goes through. */
const PHASES: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.callFunction': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  RunMicrotasks: 'script',
  EventDispatch: 'script',
  MajorGC: 'gc',
  MinorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'layerize',
  UpdateLayer: 'layerize',
  Commit: 'commit',
  ScrollLayer: 'scroll',
  HitTest: 'hit test',
  ParseHTML: 'parse',
};

interface Node {
  e: TraceEvent;
  phase: string;
  /** Self time (wall, then thread CPU), µs: the event's own minus its children's. */
  self: number;
  selfCpu: number;
}

export interface Task {
  wall: number;
  cpu: number;
  /** Self wall time by phase, ms. */
  phases: Map<string, number>;
  /** Self thread-CPU time by phase, ms. */
  cpuPhases: Map<string, number>;
}

export interface ThreadWork {
  name: string;
  tasks: number;
  wall: number;
  cpu: number;
}

export interface FrameTrace {
  main: Task[];
  /** Every other thread of the renderer process with tasks in it (compositor, raster). */
  others: ThreadWork[];
}

const key = (e: TraceEvent) => `${e.pid}:${e.tid}`;

/** The renderer's main thread's tasks, each split by phase into self times. */
function mainTasks(events: TraceEvent[]): Task[] {
  const nodes = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: Task[] = [];
  const stack: Node[] = [];
  let task: Task | null = null;
  const close = (n: Node) => {
    if (!task) return;
    const add = (m: Map<string, number>, v: number) =>
      m.set(n.phase, (m.get(n.phase) ?? 0) + v / 1000);
    add(task.phases, n.self);
    add(task.cpuPhases, n.selfCpu);
  };
  for (const e of nodes) {
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Node;
      if (top.e.ts + (top.e.dur ?? 0) > e.ts) break;
      close(top);
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (!parent && e.name !== 'RunTask') continue;
    if (!parent) {
      task = {
        wall: (e.dur ?? 0) / 1000,
        cpu: (e.tdur ?? 0) / 1000,
        phases: new Map(),
        cpuPhases: new Map(),
      };
      tasks.push(task);
    }
    if (parent) {
      parent.self -= e.dur ?? 0;
      parent.selfCpu -= e.tdur ?? 0;
    }
    const phase = PHASES[e.name] ?? parent?.phase ?? 'other';
    stack.push({ e, phase, self: e.dur ?? 0, selfCpu: e.tdur ?? 0 });
  }
  for (const n of stack.reverse()) close(n);
  return tasks;
}

/** The page's main thread (its key) and every thread's work, by key. */
function threads(events: TraceEvent[]): {
  page: string | undefined;
  names: Map<string, string>;
  busy: Map<string, ThreadWork>;
} {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(key(e), e.args.name);
  const main = [...names].find(([, n]) => n === 'CrRendererMain')?.[0];
  // With several renderers (one per build), the main thread that worked most is the page's.
  const busy = new Map<string, ThreadWork>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask') continue;
    const k = key(e);
    const w = busy.get(k) ?? { name: names.get(k) ?? k, tasks: 0, wall: 0, cpu: 0 };
    w.tasks++;
    w.wall += (e.dur ?? 0) / 1000;
    w.cpu += (e.tdur ?? 0) / 1000;
    busy.set(k, w);
  }
  const renderers = [...busy].filter(([, w]) => w.name === 'CrRendererMain');
  const page = renderers.sort((a, b) => b[1].wall - a[1].wall)[0]?.[0] ?? main;
  return { page, names, busy };
}

export function summariseTrace(events: TraceEvent[]): FrameTrace {
  const { page, busy } = threads(events);
  const pid = page?.split(':')[0];
  const others = [...busy]
    .filter(([k]) => k !== page && k.split(':')[0] === pid)
    .map(([, w]) => w)
    .sort((a, b) => b.cpu - a.cpu);
  return { main: mainTasks(events.filter((e) => key(e) === page)), others };
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

/** Runs `work` under a trace of the timeline categories and returns its events. */
export async function traceWork(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')),
  );
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'toplevel',
        'cc',
        '__metadata',
        'blink.user_timing',
      ],
    },
  });
  await work();
  await cdp.send('Tracing.end');
  const parsed = JSON.parse(await readStream(cdp, await done)) as
    | TraceEvent[]
    | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

const ms = (v: number) => v.toFixed(1);

function sumPhases(tasks: Task[], cpu: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tasks)
    for (const [p, v] of cpu ? t.cpuPhases : t.phases) out.set(p, (out.get(p) ?? 0) + v);
  return out;
}

/** Lines for a report: totals by phase (wall and CPU), the long tasks split by phase, the other threads. */
export function describeTrace(label: string, t: FrameTrace, longMs = 16.7): string[] {
  const wall = sumPhases(t.main, false);
  const cpu = sumPhases(t.main, true);
  const total = t.main.reduce((s, x) => s + x.wall, 0);
  const totalCpu = t.main.reduce((s, x) => s + x.cpu, 0);
  const lines = [
    `## ${label}`,
    `main thread: ${t.main.length} tasks, ${ms(total)} ms wall, ${ms(totalCpu)} ms CPU`,
    ...[...wall]
      .sort((a, b) => b[1] - a[1])
      .map(
        ([p, v]) =>
          `  ${p.padEnd(10)} ${ms(v).padStart(8)} wall ${ms(cpu.get(p) ?? 0).padStart(8)} CPU`,
      ),
  ];
  // A task that paints is a frame's main-thread part: its CPU is what the page costs per frame.
  const frames = t.main.filter((x) => x.phases.has('paint') || x.phases.has('commit'));
  const cpus = frames.map((x) => x.cpu).sort((a, b) => a - b);
  const at = (q: number) => cpus[Math.min(cpus.length - 1, Math.floor(q * cpus.length))] ?? 0;
  lines.push(
    `frames (tasks that paint): ${frames.length}, CPU p50 ${ms(at(0.5))} p95 ${ms(at(0.95))} max ${ms(at(1))} ms, ` +
      `CPU over 8 ms: ${cpus.filter((c) => c > 8).length}, over ${longMs} ms: ${cpus.filter((c) => c > longMs).length}; ` +
      `wall over ${longMs} ms: ${frames.filter((x) => x.wall > longMs).length}`,
  );
  const long = t.main.filter((x) => x.wall > longMs).sort((a, b) => b.wall - a.wall);
  lines.push(`tasks over ${longMs} ms: ${long.length}`);
  for (const x of long.slice(0, 12))
    lines.push(
      `  ${ms(x.wall)} wall / ${ms(x.cpu)} CPU: ` +
        [...x.phases]
          .filter(([, v]) => v >= 0.5)
          .sort((a, b) => b[1] - a[1])
          .map(([p, v]) => `${p} ${ms(v)}/${ms(x.cpuPhases.get(p) ?? 0)}`)
          .join(', '),
    );
  lines.push('other threads of the page (tasks, wall, CPU ms):');
  for (const w of t.others.slice(0, 6))
    lines.push(
      `  ${w.name.padEnd(28)} ${String(w.tasks).padStart(6)} ${ms(w.wall).padStart(9)} ${ms(w.cpu).padStart(9)}`,
    );
  return lines;
}

export interface SlowFrame {
  /** The frame's span, ms from the mark. */
  from: number;
  to: number;
  /** The page's main thread in that span: time in tasks and CPU it had. */
  wall: number;
  cpu: number;
  compositorCpu: number;
  kind: 'CPU' | 'descheduled' | 'idle main thread';
}

/** A thread's tasks' wall and CPU inside [from, to] (µs on the trace clock), in ms; CPU pro rata when clipped. */
function workIn(tasks: TraceEvent[], from: number, to: number): { wall: number; cpu: number } {
  let wall = 0;
  let cpu = 0;
  for (const e of tasks) {
    const end = e.ts + (e.dur ?? 0);
    const overlap = Math.min(end, to) - Math.max(e.ts, from);
    if (overlap <= 0 || !e.dur) continue;
    wall += overlap / 1000;
    cpu += ((e.tdur ?? 0) * overlap) / e.dur / 1000;
  }
  return { wall, cpu };
}

/**
 * What the page's threads did during each slow frame (spans in ms from the
 * page's performance mark `mark`): its main thread computed for most of the
 * span (the page's own work), or was in tasks without the CPU for much of
 * it (waiting for a core), or neither, mostly idle (the frame waited on
 * another thread or process: the compositor, raster, the browser's or the
 * GPU process's turn). Null when the trace lacks the mark.
 */
export function slowFrames(
  events: TraceEvent[],
  mark: string,
  spans: readonly { from: number; to: number }[],
): SlowFrame[] | null {
  const { page, names } = threads(events);
  const at = events.find((e) => e.name === mark)?.ts;
  if (page === undefined || at === undefined) return null;
  const pid = page.split(':')[0];
  const compositor = [...names].find(
    ([k, n]) => n === 'Compositor' && k.startsWith(`${pid}:`),
  )?.[0];
  const tasksOf = (k: string | undefined) =>
    events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && key(e) === k);
  const main = tasksOf(page);
  const comp = tasksOf(compositor);
  return spans.map(({ from, to }) => {
    const span = [at + from * 1000, at + to * 1000] as const;
    const { wall, cpu } = workIn(main, ...span);
    // Most of the span computing, or much of it in tasks without the CPU, or neither.
    const length = to - from;
    const kind =
      cpu >= 0.6 * length ? 'CPU' : wall - cpu >= 0.4 * length ? 'descheduled' : 'idle main thread';
    return { from, to, wall, cpu, compositorCpu: workIn(comp, ...span).cpu, kind };
  });
}
