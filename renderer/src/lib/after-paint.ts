/**
 * Runs `work` once the next frame has been drawn: after its animation-frame
 * callbacks and its rendering, in the task after them. For work that must
 * not stand between a change and its first paint. Without animation frames
 * (unit tests in Node) it runs in the next task.
 */
export function afterNextPaint(work: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(work, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(work, 0));
}
