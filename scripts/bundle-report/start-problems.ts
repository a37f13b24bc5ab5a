import type { StartBundleReport } from './start-bundle';

/** What is wrong with a start bundle, one sentence each (empty: within budget). */
export function startBundleProblems(
  report: StartBundleReport,
  budget: { kib: number; gzipKib: number },
  notAtStart: readonly string[],
): string[] {
  const problems: string[] = [];
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  const largest = report.files
    .slice(0, 3)
    .map((f) => `${f.file} ${kib(f.bytes)} KiB`)
    .join(', ');
  if (report.totalBytes > budget.kib * 1024)
    problems.push(
      `The start bundle is ${kib(report.totalBytes)} KiB, over its budget of ${budget.kib} KiB (largest: ${largest}).`,
    );
  if (report.totalGzipBytes > budget.gzipKib * 1024)
    problems.push(
      `The start bundle is ${kib(report.totalGzipBytes)} KiB gzipped, over its budget of ${budget.gzipKib} KiB.`,
    );
  for (const pkg of report.packages)
    if (notAtStart.includes(pkg.name))
      problems.push(
        `${pkg.name} (${kib(pkg.bytes)} KiB) is in the start bundle: import it only from the view that needs it.`,
      );
  return problems;
}
