/*
 * Which rows the contacts list renders, given the rows on screen. Beyond the
 * screen a few rows are rendered ahead (overscan) so a slow scroll finds the
 * next row already laid out and keyboard focus has a row to land on. In a
 * fling the window moves more than a screen between two frames: every row
 * rendered ahead is thrown away unseen in the next frame, and with 4 rows
 * each side on a ~14-row screen that was a third more rows laid out and
 * painted in every frame of it (bench/RESULTS.md "r8-hscr"). So a window
 * that jumped a screen or more gets no overscan; the list puts it back once
 * scrolling stops.
 */

export interface VisibleRange {
  /** First and last row on screen. */
  startIndex: number;
  endIndex: number;
  /** Rows wanted beyond each edge when the list is not flinging. */
  overscan: number;
  count: number;
}

/** The rows to render, in order: the screen's rows, and the overscan unless the window jumped a screen. */
export function rowsToRender(range: VisibleRange, previousStart: number | null): number[] {
  const screen = range.endIndex - range.startIndex + 1;
  const jumped = previousStart !== null && Math.abs(range.startIndex - previousStart) >= screen;
  const overscan = jumped ? 0 : range.overscan;
  const from = Math.max(0, range.startIndex - overscan);
  const to = Math.min(range.count - 1, range.endIndex + overscan);
  const rows: number[] = [];
  for (let i = from; i <= to; i++) rows.push(i);
  return rows;
}

export interface FlingRange {
  /** While the list scrolls: no overscan for a window that jumped a screen. */
  moving: (range: VisibleRange) => number[];
  /** Once it has stopped: the overscan always (what a fling left out comes back). */
  still: (range: VisibleRange) => number[];
}

/**
 * Range extractors for the virtualizer, sharing the last window's start so
 * the moving one can tell a fling from a scroll. The list passes `still`
 * when the virtualizer is not scrolling: a different function makes it
 * compute the rows again, so the overscan comes back when a fling stops.
 */
export function flingRange(): FlingRange {
  let previousStart: number | null = null;
  const extractor = (moving: boolean) => (range: VisibleRange) => {
    const rows = rowsToRender(range, moving ? previousStart : null);
    previousStart = range.startIndex;
    return rows;
  };
  return { moving: extractor(true), still: extractor(false) };
}
