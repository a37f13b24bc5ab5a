// A separate process importing a CSV as a bulk job; the crash test kills it
// with SIGKILL part-way through and checks nothing of the job stays queued.
import { importBulk } from '../../../electron/core/bulk';
import { openAppDatabase } from '../../../electron/core/db/database';

async function main() {
  const [dataDir, csvPath, accountId] = process.argv.slice(2);
  if (!dataDir || !csvPath || !accountId)
    throw new Error('usage: import-child DATA_DIR CSV ACCOUNT_ID');
  const db = openAppDatabase(dataDir);
  const report = await importBulk(
    {
      csvPath,
      template: 'Hola {nombre|capitalize}',
      defaultCountry: 'ES',
      chunkRows: 500,
      onProgress: (p) => process.stdout.write(`rows ${p.rows}\n`),
    },
    { db, accountId: Number(accountId), sender: 'OUTPOST', jobName: 'crash test' },
  );
  process.stdout.write(`done ${report.jobId}\n`);
  db.close();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
