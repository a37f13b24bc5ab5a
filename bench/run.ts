// `npm run bench`: every bench/*.bench.ts in turn, each in its own process so
// one benchmark's memory does not weigh on the next one's figures. The soak
// benchmark takes 30 minutes and runs only when named (`npm run bench -- soak`,
// or `npm run bench:soak`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const OPT_IN = new Set(['soak.bench.ts']);
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => (only.length === 0 ? !OPT_IN.has(f) : only.some((o) => f.includes(o))))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n━━ ${file} ━━`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, file)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
console.log(
  `\n${files.length - failed} benchmarks ran, ${failed} failed; figures in bench/RESULTS.md.`,
);
process.exit(failed === 0 ? 0 : 1);
