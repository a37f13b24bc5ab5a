import { readFileSync } from 'node:fs';

/** The CPU counters of /proc/stat's first line (Linux), or null where there is none. */
function cpuTicks(): number[] | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    return ticks.length >= 8 && ticks.every(Number.isFinite) ? ticks : null;
  } catch {
    return null;
  }
}

/**
 * Starts measuring the share of this machine's CPU time the hypervisor gave
 * to other guests ("steal"). A shared VM slows every process at once when
 * it rises, the client's and the simulator's alike, which the 1-minute load
 * does not show. The returned function answers the share since the start,
 * or null where /proc/stat is not there (or too little time passed).
 */
export function stealMeter(): () => number | null {
  const start = cpuTicks();
  return () => {
    const end = cpuTicks();
    if (!start || !end) return null;
    // user, nice, system, idle, iowait, irq, softirq, steal (guest time is inside user).
    const delta = end.slice(0, 8).map((v, i) => v - (start[i] ?? 0));
    const total = delta.reduce((a, b) => a + b, 0);
    return total > 0 ? (delta[7] ?? 0) / total : null;
  };
}
