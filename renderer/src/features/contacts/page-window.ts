/**
 * Which pages of a long list to hold. The list shows a window of rows; the
 * store keeps the pages around it and drops the far ones, so scrolling
 * through 100,000 contacts holds a few hundred rows, never all of them.
 */
export const PAGE_SIZE = 100;
/** Pages kept at most (3,000 rows): a few screens either side of where the person is. */
export const MAX_PAGES = 30;

/** Which way the list last moved: rows further that way are fetched a page sooner. */
export type Heading = 'down' | 'up' | 'still';

/**
 * The pages that hold rows start..end (inclusive), with one page of lead
 * either side and, when the list is moving, a second one ahead of it: a flick
 * asks for the rows it is heading to before it reaches the unfetched ones.
 */
export function pagesFor(
  start: number,
  end: number,
  total: number,
  heading: Heading = 'still',
  size = PAGE_SIZE,
): number[] {
  if (total <= 0 || end < start) return [];
  const last = Math.floor((total - 1) / size);
  const from = Math.max(0, Math.floor(start / size) - (heading === 'up' ? 2 : 1));
  const to = Math.min(last, Math.floor(Math.max(start, end) / size) + (heading === 'down' ? 2 : 1));
  const out: number[] = [];
  for (let p = from; p <= to; p++) out.push(p);
  return out;
}

/** Which way the window moved from one range to the next. */
export function headingOf(before: { start: number }, after: { start: number }): Heading {
  if (after.start > before.start) return 'down';
  return after.start < before.start ? 'up' : 'still';
}

/** The pages to keep when there are too many: those nearest the one the person is at. */
export function pagesToKeep(held: readonly number[], at: number, max = MAX_PAGES): Set<number> {
  return new Set([...held].sort((a, b) => Math.abs(a - at) - Math.abs(b - at)).slice(0, max));
}
