/**
 * A one-line progress bar on stderr, only when stderr is a terminal: piped or
 * redirected output (scripts, CI) stays clean.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = Boolean(stream.isTTY);
  let last = 0;
  return {
    update(done: number, total: number | null): void {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && (total === null || done < total)) return;
      last = now;
      const width = 30;
      const bar =
        total && total > 0
          ? `[${'#'.repeat(Math.round((done / total) * width)).padEnd(width, '.')}] ${done}/${total}`
          : `${done}`;
      stream.write(`\r${label} ${bar}`);
    },
    done(): void {
      if (enabled) stream.write('\n');
    },
  };
}
