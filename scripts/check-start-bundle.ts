// `npm test` step (after the build): the renderer's start bundle stays within
// its budget and holds none of the packages that belong to other views.
// The build writes the report (scripts/bundle-report/start-bundle-plugin.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOT_AT_START, START_BUDGET } from './bundle-report/budget';
import { START_BUNDLE_REPORT, type StartBundleReport } from './bundle-report/start-bundle';
import { startBundleProblems } from './bundle-report/start-problems';

const file = join(__dirname, '..', START_BUNDLE_REPORT);
let report: StartBundleReport;
try {
  report = JSON.parse(readFileSync(file, 'utf8')) as StartBundleReport;
} catch {
  console.error(`${START_BUNDLE_REPORT} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const problems = startBundleProblems(report, START_BUDGET, NOT_AT_START);
for (const p of problems) console.error(p);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(
  `start bundle: ${kib(report.totalBytes)} KiB (${kib(report.totalGzipBytes)} KiB gzip) in ${report.files.length} files; budget ${START_BUDGET.kib} KiB (${START_BUDGET.gzipKib} KiB gzip).`,
);
process.exit(problems.length === 0 ? 0 : 1);
