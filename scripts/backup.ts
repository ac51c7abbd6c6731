import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConfig } from '../server/config.ts';
import { backupFileName } from '../server/db/backup-schedule.ts';
import { backupDatabase } from '../server/db/backup.ts';
import { openDatabase } from '../server/db/open.ts';

/**
 * npm run backup -- [FILE]: a consistent copy of the database (DB_PATH) while the server runs,
 * by SQLite's online backup; FILE defaults to BACKUP_DIR/manual-<UTC time>.db.
 */
const config = readConfig();
const file = process.argv[2] ? resolve(process.argv[2]) : join(config.backup.dir, backupFileName('manual', Date.now()));
if (!existsSync(config.dbPath)) {
  console.error(`npm run backup: no database at ${config.dbPath} (set DB_PATH)`);
  process.exit(1);
}
const db = openDatabase(config.dbPath);
try {
  const done = await backupDatabase(db, file);
  console.log(
    `backup of ${config.dbPath}: ${done.file} (${(done.bytes / 1e6).toFixed(1)} MB, schema ${done.version}, ${done.units} units, ${done.users} users; integrity ok)`,
  );
} catch (err) {
  console.error(`npm run backup: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
}
