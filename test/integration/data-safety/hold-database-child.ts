// A second process with the profile's database open (as the app would be),
// idle, until its stdin closes: the restore must refuse while it runs.
import { openAppDatabase } from '../../../electron/core/db/database';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: hold-database-child DATA_DIR');
const db = openAppDatabase(dataDir);
db.prepare('SELECT count(*) FROM drafts').get();
process.stdout.write('holding\n');
process.stdin.resume();
process.stdin.on('end', () => {
  db.close();
  process.exit(0);
});
