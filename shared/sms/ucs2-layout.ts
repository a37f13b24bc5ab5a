import type { Capacity } from './capacity';
import type { Layout, SegmentPart } from './layout';

/** Largest k in [lo, hi] with bounds[k] <= limit (bounds ascending, bounds[lo] <= limit). */
function lastStartAtOrBefore(bounds: Int32Array, lo: number, hi: number, limit: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b + 1) >> 1;
    if ((bounds[mid] as number) <= limit) a = mid;
    else b = mid - 1;
  }
  return a;
}

/**
 * UCS-2 first-fit parts over whole clusters without visiting every cluster:
 * a cluster costs its code units, so a part starting at `start` ends at the
 * last cluster start within start + room, found by binary search over the
 * cluster starts. Null when a cluster is longer than a whole part (a letter
 * with 70 combining marks): that one is cut between code points, which the
 * per-cluster layout does.
 */
export function layoutUcs2Fast(
  n: number,
  bounds: Int32Array,
  count: number,
  capacity: Capacity,
): Layout | null {
  if (n <= capacity.single) {
    return { units: n, parts: [{ start: 0, end: n, units: n }], capacity, invalid: 0 };
  }
  const room = capacity.multi;
  const parts: SegmentPart[] = [];
  let k = 0;
  let start = 0;
  while (n - start > room) {
    const last = lastStartAtOrBefore(bounds, k, count, start + room);
    if (last === k) return null; // cluster k alone is longer than a part
    const end = bounds[last] as number;
    parts.push({ start, end, units: end - start });
    start = end;
    k = last;
  }
  parts.push({ start, end: n, units: n - start });
  return { units: n, parts, capacity, invalid: 0 };
}
